/**
 * The native menu's words in each language the window speaks. Menus a role names (Edit, Window, zoom,
 * full screen) are named by Electron and the system in the language Chromium was started in.
 */
import type { WindowLanguage } from '../../shared/languages.ts';

const en = {
  file: '&File',
  importFiles: 'Import Files…',
  importFolder: 'Import a Folder…',
  addPatient: 'Add Patient…',
  privacy: 'Privacy and Backups…',
  lock: 'Lock Casebinder',
  showFolder: 'Show Library Folder',
  view: '&View',
  library: 'Library',
  find: 'Find…',
  about: 'About Casebinder',
  aboutDetail: 'Your library: {folder}\n\nEverything stays on this computer until you export it.',
  cannotOpen: 'Casebinder cannot open your library',
  libraryFolder: 'Library folder: {folder}',
};

export type MenuWords = Readonly<Record<keyof typeof en, string>>;

const es: MenuWords = {
  file: '&Archivo',
  importFiles: 'Importar archivos…',
  importFolder: 'Importar una carpeta…',
  addPatient: 'Añadir paciente…',
  privacy: 'Privacidad y copias de seguridad…',
  lock: 'Bloquear Casebinder',
  showFolder: 'Mostrar la carpeta de la biblioteca',
  view: '&Ver',
  library: 'Biblioteca',
  find: 'Buscar…',
  about: 'Acerca de Casebinder',
  aboutDetail: 'Su biblioteca: {folder}\n\nTodo se queda en este equipo hasta que usted lo exporta.',
  cannotOpen: 'Casebinder no puede abrir su biblioteca',
  libraryFolder: 'Carpeta de la biblioteca: {folder}',
};

const ar: MenuWords = {
  file: '&ملف',
  importFiles: 'استيراد ملفات…',
  importFolder: 'استيراد مجلد…',
  addPatient: 'إضافة مريض…',
  privacy: 'الخصوصية والنسخ الاحتياطية…',
  lock: 'قفل Casebinder',
  showFolder: 'إظهار مجلد المكتبة',
  view: '&عرض',
  library: 'المكتبة',
  find: 'بحث…',
  about: 'حول Casebinder',
  aboutDetail: 'مكتبتك: {folder}\n\nيبقى كل شيء على هذا الحاسوب إلى أن تصدّره.',
  cannotOpen: 'لا يستطيع Casebinder فتح مكتبتك',
  libraryFolder: 'مجلد المكتبة: {folder}',
};

export const MENU_WORDS: Readonly<Record<WindowLanguage, MenuWords>> = { en, es, ar };
