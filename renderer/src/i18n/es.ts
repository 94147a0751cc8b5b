/**
 * The window in Spanish, translated from en.ts: usted, neutral Spanish for Spain and the Americas ("este
 * equipo", not "ordenador" or "computadora"). A key missing, or values not those of the English, fails
 * tests/unit/window-i18n.test.ts.
 */
import type { MessageKey } from './en.ts';

export const es: Record<MessageKey, string> = {
  'app.name': 'Casebinder',
  'app.opening': 'Abriendo su biblioteca…',
  'app.openingViewer': 'Abriendo el visor…',
  'app.dismiss': 'Cerrar',
  'header.back': '← {label}',
  'welcome.title': 'Le damos la bienvenida a Casebinder',
  'welcome.lead':
    'Reúna los registros que un especialista necesita para una segunda opinión: informes, estudios de imagen, resultados de laboratorio, cartas y la recomendación del cirujano. Todo permanece en este equipo hasta que usted decida exportarlo.',
  'welcome.whose': '¿De quién son estos registros?',
  'welcome.start': 'Empiece con una persona. Quien gestiona casos de varios pacientes puede añadir más personas después.',
  'welcome.continue': 'Continuar',
  'patientForm.name': 'Nombre completo',
  'patientForm.dateOfBirth': 'Fecha de nacimiento',
  'patientForm.dateOfBirthHint': '(ayuda a distinguir a dos personas con el mismo nombre y a detectar registros de otra persona)',
  'addPatient.title': 'Añadir un paciente',
  'addPatient.add': 'Añadir paciente',
  'common.cancel': 'Cancelar',
  'common.close': 'Cerrar',
  'library.patientDetails': 'Datos del paciente…',
  'library.search': 'Buscar en los registros de {name}',
  'library.importFiles': 'Importar archivos…',
  'library.importFolder': 'Importar una carpeta…',
  'library.cases': 'Casos',
  'library.healthRecord': 'Historia clínica',
  'library.settings': 'Configuración',
  'library.privacy': 'Privacidad y copias de seguridad',
  'library.filters': 'Filtros',
  'library.trash': 'Papelera',
  'library.searchResults': 'Resultados de la búsqueda',
  'library.documents': 'Documentos',
  'library.loading': 'Cargando documentos…',
  'library.noMatch': 'Ningún documento coincide con estos filtros.',
  'library.emptyTitle': 'Todavía no hay registros de {name}',
  'library.emptyText':
    'Importe PDF, documentos escaneados y fotos de registros en papel, y el disco que le dio su centro de imagen: una carpeta entera de una vez, algunos archivos, un ZIP, o arrástrelos a esta ventana.',
  'library.importFolderOfRecords': 'Importar una carpeta de registros…',
  'library.chooseFiles': 'Elegir archivos…',
  'library.summary':
    '{filtered, select, yes {{count, plural, one {# documento coincide con los filtros} other {# documentos coinciden con los filtros}}} other {{count, plural, one {# documento} other {# documentos}}}}, la atención más reciente primero. Los valores en <i>cursiva</i> se leyeron de los documentos y aún no están confirmados.',
  'library.compose': '¿Fotografió un documento página a página? Cree un solo documento a partir de las fotos…',
  'settings.title': 'Configuración',
  'settings.language': 'Idioma',
  'settings.languageHint': 'Las palabras de esta ventana. Sus registros y lo que usted escribe se quedan como están.',
  'settings.followSystem': 'Como el sistema ({language})',
  'settings.appearance': 'Apariencia',
  'settings.theme': '{theme, select, system {Seguir al sistema} light {Claro} other {Oscuro}}',
  'settings.now': '(ahora {dark, select, yes {oscuro} other {claro}})',
  'settings.ocrLanguages': 'Idiomas de las páginas escaneadas y las fotos',
  'settings.ocrHint':
    'El OCR lee el texto de los escaneos en estos idiomas. Elija todos los idiomas en que están escritos sus registros; cada idioma de más hace la lectura un poco más lenta.',
  'settings.saveLanguages': 'Guardar idiomas',
  'settings.readAgain': 'Volver a leer todas las páginas escaneadas',
  'settings.chooseOne': 'Elija al menos un idioma.',
  'settings.saved': 'Guardado. Las páginas que se lean a partir de ahora se leerán en estos idiomas.',
  'settings.willReadAgain': '{count, plural, one {# página escaneada se volverá a leer, en segundo plano.} other {# páginas escaneadas se volverán a leer, en segundo plano.}}',
  'settings.libraryIn': 'Su biblioteca está en {path}. Todo permanece en este equipo.',
};
