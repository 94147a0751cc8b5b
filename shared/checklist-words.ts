/**
 * The checklist's words in each language the window speaks: ICU MessageFormat messages (English is the
 * source, as in the window's and the packet's catalogues), said by the back end in the language the
 * window asks for, so a person reading Spanish or Arabic reads what their case lacks in it. What the
 * records say (a title, a facility, a study's own warning) goes in as a value, as written.
 */
import { sayer } from './icu.ts';
import type { IsoDate } from './dates.ts';
import { languageNames, windowLanguageOf } from './languages.ts';
import type { WindowLanguage } from './languages.ts';


const WHAT_EN = '{what, select, spine {MRI, CT or X-ray} neuro {MRI or CT} surgery {CT, MRI or ultrasound} other {imaging}}';
const WHAT_ES = '{what, select, spine {RM, TC o radiografía} neuro {RM o TC} surgery {TC, RM o ecografía} other {imagen}}';
const WHAT_AR = '{what, select, spine {الرنين المغناطيسي أو التصوير المقطعي أو الأشعة السينية} neuro {الرنين المغناطيسي أو التصوير المقطعي} surgery {التصوير المقطعي أو الرنين المغناطيسي أو الموجات فوق الصوتية} other {التصوير}}';
const TEST_EN = '{test, select, ecg {ECG} echo {echocardiogram} stress {stress test} other {catheterization}}';
const TEST_ES = '{test, select, ecg {ECG} echo {ecocardiograma} stress {prueba de esfuerzo} other {cateterismo}}';
const TEST_AR = '{test, select, ecg {تخطيط كهربية القلب} echo {تخطيط صدى القلب} stress {اختبار الجهد} other {القسطرة القلبية}}';

export const CHECKLIST_EN = {
  'recommendation-in-writing.met': 'The recommendation under review is in writing.',
  'recommendation-in-writing.missing': 'No document states the recommendation under review (a consult letter or the surgeon’s note with the plan).',
  'recommendation-in-writing.ask': 'Ask {facility} for the note from the visit where the treatment was recommended (the consult or operative-plan note).',
  'recommendation-in-writing.fallback': 'the recommending doctor’s office',
  'medication-list.met': 'A current medication list is included.',
  'medication-list.missing': 'There is no current medication list.',
  'medication-list.ask': 'Ask {facility} for a current medication list, or write one (Health record → Medications).',
  'medication-list.fallback': 'the primary care office',
  'allergies.met': 'Allergies are listed.',
  'allergies.missing': 'Allergies are not listed (not even "no known allergies").',
  'allergies.ask': 'Add the allergies (Health record → Allergies), or ask {facility} for the allergy list.',
  'allergies.fallback': 'the primary care office',
  'recent-note.met': 'A recent clinical note is included.',
  'recent-note.missing': 'No clinical note (consult, visit or discharge summary) is included.',
  'recent-note.ask': 'Ask {facility} for the most recent visit note.',
  'recent-note.fallback': 'the treating doctor’s office',
  'questions.met': 'The patient’s questions are written down.',
  'questions.missing': 'The patient’s questions for the specialist are not written yet.',
  'questions.ask': 'Write the questions you want answered (the case offers some to start from).',
  'questions.fallback': 'you',
  'imaging-images.met': `The ${WHAT_EN} images themselves (DICOM) are included.`,
  'imaging-images.missing': `The ${WHAT_EN} images themselves (DICOM) are missing; a specialist reads the images, not only the report.`,
  'imaging-images.ask': 'Ask {facility} for a CD (or download link) of the images in DICOM format.',
  'imaging-images.fallback': 'the imaging center',
  'imaging-report.met': `The radiologist’s report of the ${WHAT_EN} is included.`,
  'imaging-report.missing': `The radiologist’s report of the ${WHAT_EN} is missing.`,
  'imaging-report.ask': 'Ask {facility} for the radiologist’s report.',
  'imaging-report.fallback': 'the imaging center',
  'cardiac.met': `The ${TEST_EN} report is included.`,
  'cardiac.missing': `The ${TEST_EN} report is missing.`,
  'cardiac.ask': 'Ask {facility} for the {test, select, ecg {ECG tracing and its reading} echo {echocardiogram report} stress {stress test report} other {catheterization report (and the images, if a specialist asks)}}.',
  'cardiac.fallback': 'the cardiology office',
  'oncology-pathology.met': 'The pathology report (with its markers) is included.',
  'oncology-pathology.missing': 'The pathology report is missing; it gives the diagnosis, its grade and markers.',
  'oncology-pathology.ask': 'Ask {facility} for the final pathology report, with any marker or molecular results.',
  'oncology-pathology.fallback': 'the hospital’s pathology department',
  'staging.met': 'Staging images (CT, PET, MRI or bone scan) are included.',
  'staging.missing': 'Staging images (CT, PET or MRI, the images themselves) are missing.',
  'staging.ask': 'Ask {facility} for the staging scans (images on CD) and their reports.',
  'staging.fallback': 'the imaging center',
  'labs.met': 'Recent lab results are included.',
  'labs.missing': 'No lab results are included.',
  'labs.ask': 'Ask {facility} for the most recent blood tests{markers, select, yes { (including tumor markers if any were drawn)} other {}}.',
  'labs.fallback': '{markers, select, yes {the oncology office} other {the surgeon’s office}}',
  'pathology-review.met': 'The pathology report to be reviewed is included.',
  'pathology-review.missing': 'The pathology report to be reviewed is missing.',
  'pathology-review.ask': 'Ask {facility} for the final pathology report; the reviewing lab will also need the glass slides and blocks, which {facility} sends directly.',
  'pathology-review.fallback': 'the pathology department',
  stale: '{met} But the newest is from {date}, more than {months, plural, =12 {a year} one {# month} other {# months}} old.',
  newer: 'Ask {facility} whether there is a newer one.',
  'report-images': '“{title}”{date, select, none {} other { ({date})}}: its images are not in this case. The specialist reads the images themselves, not only the report.',
  'report-images.ask': 'Ask {facility} for the images of this exam on a disc (DICOM), then add them to the case.',
  'imaging-center': 'the imaging center',
  'radiology-ready': '“{title}”: {check}',
  'radiology-ready.dicomdir': 'Import the whole disc (with its DICOMDIR), not single files from it.',
  'radiology-ready.ask': 'Ask {facility} for the complete study on a disc: every series, as acquired, without lossy compression.',
  'record-language':
    '“{title}” is {part, select, partly {partly in {unread}} other {in {unread}}}; {reader, select, none {second-opinion centres usually ask for records in {wanted}} other {{reader} reads records in {reads}}}.',
  'record-language.ask': 'Ask {facility} for a copy in {wanted}, or have it translated by a certified medical translator (many centres take only records in {wanted} or certified translations).',
  'record-language.writer': 'whoever wrote it',
  'patient-mismatch': '“{title}”: {warning}',
  'patient-mismatch.ask': 'Check with {facility} that it belongs to the patient before sending it.',
  'patient-mismatch.giver': 'whoever gave you this record',
} as const;

export type ChecklistKey = keyof typeof CHECKLIST_EN;

export const CHECKLIST_ES: Readonly<Record<ChecklistKey, string>> = {
  'recommendation-in-writing.met': 'La recomendación en revisión está por escrito.',
  'recommendation-in-writing.missing': 'Ningún documento recoge la recomendación en revisión (una carta de consulta o la nota del cirujano con el plan).',
  'recommendation-in-writing.ask': 'Pida a {facility} la nota de la visita en la que se recomendó el tratamiento (la nota de consulta o de plan quirúrgico).',
  'recommendation-in-writing.fallback': 'la consulta del médico que la recomendó',
  'medication-list.met': 'Se incluye una lista de medicamentos actual.',
  'medication-list.missing': 'No hay una lista de medicamentos actual.',
  'medication-list.ask': 'Pida a {facility} una lista de medicamentos actual, o escríbala usted (Historia clínica → Medicamentos).',
  'medication-list.fallback': 'el centro de atención primaria',
  'allergies.met': 'Las alergias están en la lista.',
  'allergies.missing': 'Las alergias no están en la lista (ni siquiera «sin alergias conocidas»).',
  'allergies.ask': 'Añada las alergias (Historia clínica → Alergias) o pida a {facility} la lista de alergias.',
  'allergies.fallback': 'el centro de atención primaria',
  'recent-note.met': 'Se incluye una nota clínica reciente.',
  'recent-note.missing': 'No se incluye ninguna nota clínica (de consulta, de visita o informe de alta).',
  'recent-note.ask': 'Pida a {facility} la nota de la visita más reciente.',
  'recent-note.fallback': 'la consulta del médico que le atiende',
  'questions.met': 'Las preguntas del paciente están escritas.',
  'questions.missing': 'Todavía no están escritas las preguntas del paciente para el especialista.',
  'questions.ask': 'Escriba las preguntas que quiere que le respondan (el caso ofrece algunas para empezar).',
  'questions.fallback': 'usted',
  'imaging-images.met': `Se incluyen las propias imágenes (DICOM) de ${WHAT_ES}.`,
  'imaging-images.missing': `Faltan las propias imágenes (DICOM) de ${WHAT_ES}; un especialista lee las imágenes, no solo el informe.`,
  'imaging-images.ask': 'Pida a {facility} un CD (o un enlace de descarga) con las imágenes en formato DICOM.',
  'imaging-images.fallback': 'el centro de diagnóstico por imagen',
  'imaging-report.met': `Se incluye el informe del radiólogo de ${WHAT_ES}.`,
  'imaging-report.missing': `Falta el informe del radiólogo de ${WHAT_ES}.`,
  'imaging-report.ask': 'Pida a {facility} el informe del radiólogo.',
  'imaging-report.fallback': 'el centro de diagnóstico por imagen',
  'cardiac.met': `Se incluye el informe de ${TEST_ES}.`,
  'cardiac.missing': `Falta el informe de ${TEST_ES}.`,
  'cardiac.ask': 'Pida a {facility} {test, select, ecg {el trazado del ECG y su lectura} echo {el informe del ecocardiograma} stress {el informe de la prueba de esfuerzo} other {el informe del cateterismo (y las imágenes, si un especialista las pide)}}.',
  'cardiac.fallback': 'la consulta de cardiología',
  'oncology-pathology.met': 'Se incluye el informe de anatomía patológica (con sus marcadores).',
  'oncology-pathology.missing': 'Falta el informe de anatomía patológica; da el diagnóstico, su grado y sus marcadores.',
  'oncology-pathology.ask': 'Pida a {facility} el informe definitivo de anatomía patológica, con los resultados de marcadores o moleculares que haya.',
  'oncology-pathology.fallback': 'el servicio de anatomía patológica del hospital',
  'staging.met': 'Se incluyen las imágenes de estadificación (TC, PET, RM o gammagrafía ósea).',
  'staging.missing': 'Faltan las imágenes de estadificación (TC, PET o RM, las propias imágenes).',
  'staging.ask': 'Pida a {facility} las pruebas de estadificación (imágenes en CD) y sus informes.',
  'staging.fallback': 'el centro de diagnóstico por imagen',
  'labs.met': 'Se incluyen resultados de laboratorio recientes.',
  'labs.missing': 'No se incluye ningún resultado de laboratorio.',
  'labs.ask': 'Pida a {facility} los análisis de sangre más recientes{markers, select, yes { (con los marcadores tumorales, si se hicieron)} other {}}.',
  'labs.fallback': '{markers, select, yes {la consulta de oncología} other {la consulta del cirujano}}',
  'pathology-review.met': 'Se incluye el informe de anatomía patológica que se va a revisar.',
  'pathology-review.missing': 'Falta el informe de anatomía patológica que se va a revisar.',
  'pathology-review.ask': 'Pida a {facility} el informe definitivo de anatomía patológica; el laboratorio que lo revise también necesitará las laminillas y los bloques, que {facility} envía directamente.',
  'pathology-review.fallback': 'el servicio de anatomía patológica',
  stale: '{met} Pero el más reciente es del {date}, de hace más de {months, plural, =12 {un año} one {# mes} other {# meses}}.',
  newer: 'Pregunte a {facility} si hay uno más reciente.',
  'report-images': '«{title}»{date, select, none {} other { ({date})}}: sus imágenes no están en este caso. El especialista lee las propias imágenes, no solo el informe.',
  'report-images.ask': 'Pida a {facility} las imágenes de esta prueba en un disco (DICOM) y añádalas al caso.',
  'imaging-center': 'el centro de diagnóstico por imagen',
  'radiology-ready': '«{title}»: {check}',
  'radiology-ready.dicomdir': 'Importe el disco entero (con su DICOMDIR), no archivos sueltos de él.',
  'radiology-ready.ask': 'Pida a {facility} el estudio completo en un disco: todas las series, tal como se adquirieron, sin compresión con pérdida.',
  'record-language':
    '«{title}» está {part, select, partly {en parte en {unread}} other {en {unread}}}; {reader, select, none {los centros de segunda opinión suelen pedir los registros en {wanted}} other {{reader} lee registros en {reads}}}.',
  'record-language.ask': 'Pida a {facility} una copia en {wanted}, o encargue su traducción a un traductor médico jurado (muchos centros solo aceptan registros en {wanted} o traducciones juradas).',
  'record-language.writer': 'quien lo escribió',
  'patient-mismatch': '«{title}»: {warning}',
  'patient-mismatch.ask': 'Confirme con {facility} que es del paciente antes de enviarlo.',
  'patient-mismatch.giver': 'quien le dio este registro',
};

export const CHECKLIST_AR: Readonly<Record<ChecklistKey, string>> = {
  'recommendation-in-writing.met': 'التوصية قيد المراجعة مكتوبة.',
  'recommendation-in-writing.missing': 'لا مستند يذكر التوصية قيد المراجعة (رسالة استشارة أو ملاحظة الجرّاح التي فيها الخطة).',
  'recommendation-in-writing.ask': 'اطلب من {facility} ملاحظة الزيارة التي أوصي فيها بالعلاج (ملاحظة الاستشارة أو خطة العملية).',
  'recommendation-in-writing.fallback': 'عيادة الطبيب الذي أوصى بالعلاج',
  'medication-list.met': 'قائمة أدوية حالية مرفقة.',
  'medication-list.missing': 'لا توجد قائمة أدوية حالية.',
  'medication-list.ask': 'اطلب من {facility} قائمة أدوية حالية، أو اكتبها بنفسك (السجل الصحي ← الأدوية).',
  'medication-list.fallback': 'عيادة الرعاية الأولية',
  'allergies.met': 'الحساسيات مُدرجة.',
  'allergies.missing': 'الحساسيات غير مُدرجة (ولا حتى «لا حساسيات معروفة»).',
  'allergies.ask': 'أضِف الحساسيات (السجل الصحي ← الحساسيات)، أو اطلب من {facility} قائمة الحساسيات.',
  'allergies.fallback': 'عيادة الرعاية الأولية',
  'recent-note.met': 'ملاحظة سريرية حديثة مرفقة.',
  'recent-note.missing': 'لا ملاحظة سريرية مرفقة (استشارة أو زيارة أو ملخص خروج).',
  'recent-note.ask': 'اطلب من {facility} ملاحظة أحدث زيارة.',
  'recent-note.fallback': 'عيادة الطبيب المعالج',
  'questions.met': 'أسئلة المريض مكتوبة.',
  'questions.missing': 'لم تُكتب أسئلة المريض للطبيب المختص بعد.',
  'questions.ask': 'اكتب الأسئلة التي تريد أجوبتها (تقترح الحالة بعضها للبدء).',
  'questions.fallback': 'أنت',
  'imaging-images.met': `صور ${WHAT_AR} نفسها (DICOM) مرفقة.`,
  'imaging-images.missing': `صور ${WHAT_AR} نفسها (DICOM) ناقصة؛ فالطبيب المختص يقرأ الصور، لا التقرير وحده.`,
  'imaging-images.ask': 'اطلب من {facility} قرصًا (أو رابط تنزيل) بالصور بصيغة DICOM.',
  'imaging-images.fallback': 'مركز التصوير',
  'imaging-report.met': `تقرير طبيب الأشعة عن ${WHAT_AR} مرفق.`,
  'imaging-report.missing': `تقرير طبيب الأشعة عن ${WHAT_AR} ناقص.`,
  'imaging-report.ask': 'اطلب من {facility} تقرير طبيب الأشعة.',
  'imaging-report.fallback': 'مركز التصوير',
  'cardiac.met': `تقرير ${TEST_AR} مرفق.`,
  'cardiac.missing': `تقرير ${TEST_AR} ناقص.`,
  'cardiac.ask': 'اطلب من {facility} {test, select, ecg {مخطط كهربية القلب وقراءته} echo {تقرير تخطيط صدى القلب} stress {تقرير اختبار الجهد} other {تقرير القسطرة القلبية (والصور إن طلبها الطبيب المختص)}}.',
  'cardiac.fallback': 'عيادة القلب',
  'oncology-pathology.met': 'تقرير علم الأمراض (مع واسماته) مرفق.',
  'oncology-pathology.missing': 'تقرير علم الأمراض ناقص؛ وهو الذي يعطي التشخيص ودرجته وواسماته.',
  'oncology-pathology.ask': 'اطلب من {facility} تقرير علم الأمراض النهائي، مع أي نتائج للواسمات أو التحاليل الجزيئية.',
  'oncology-pathology.fallback': 'قسم علم الأمراض في المستشفى',
  'staging.met': 'صور تحديد المرحلة (تصوير مقطعي أو PET أو رنين مغناطيسي أو مسح للعظام) مرفقة.',
  'staging.missing': 'صور تحديد المرحلة (تصوير مقطعي أو PET أو رنين مغناطيسي، الصور نفسها) ناقصة.',
  'staging.ask': 'اطلب من {facility} صور تحديد المرحلة (على قرص) وتقاريرها.',
  'staging.fallback': 'مركز التصوير',
  'labs.met': 'نتائج تحاليل حديثة مرفقة.',
  'labs.missing': 'لا نتائج تحاليل مرفقة.',
  'labs.ask': 'اطلب من {facility} أحدث تحاليل الدم{markers, select, yes { (ومنها الواسمات الورمية إن أُجريت)} other {}}.',
  'labs.fallback': '{markers, select, yes {عيادة الأورام} other {عيادة الجرّاح}}',
  'pathology-review.met': 'تقرير علم الأمراض المطلوب مراجعته مرفق.',
  'pathology-review.missing': 'تقرير علم الأمراض المطلوب مراجعته ناقص.',
  'pathology-review.ask': 'اطلب من {facility} تقرير علم الأمراض النهائي؛ وسيحتاج المختبر المراجِع أيضًا إلى الشرائح الزجاجية والكتل، وترسلها {facility} مباشرة.',
  'pathology-review.fallback': 'قسم علم الأمراض',
  stale: '{met} لكن أحدثها بتاريخ {date}، أي قبل أكثر من {months, plural, =12 {سنة} one {شهر} two {شهرين} few {# أشهر} many {# شهرًا} other {# شهر}}.',
  newer: 'اسأل {facility} إن كان هناك ما هو أحدث.',
  'report-images': '«{title}»{date, select, none {} other { ({date})}}: صوره ليست في هذه الحالة. يقرأ الطبيب المختص الصور نفسها، لا التقرير وحده.',
  'report-images.ask': 'اطلب من {facility} صور هذا الفحص على قرص (DICOM)، ثم أضِفها إلى الحالة.',
  'imaging-center': 'مركز التصوير',
  'radiology-ready': '«{title}»: {check}',
  'radiology-ready.dicomdir': 'استورد القرص كله (مع ملف DICOMDIR)، لا ملفات مفردة منه.',
  'radiology-ready.ask': 'اطلب من {facility} الدراسة كاملة على قرص: كل السلاسل كما التُقطت، دون ضغط يُفقد التفاصيل.',
  'record-language':
    '«{title}» مكتوب {part, select, partly {جزئيًا باللغة {unread}} other {باللغة {unread}}}؛ {reader, select, none {ومراكز الرأي الثاني تطلب عادةً السجلات باللغة {wanted}} other {و{reader} يقرأ السجلات باللغة {reads}}}.',
  'record-language.ask': 'اطلب من {facility} نسخة باللغة {wanted}، أو اطلب ترجمته من مترجم طبي معتمد (كثير من المراكز لا تقبل إلا السجلات باللغة {wanted} أو الترجمات المعتمدة).',
  'record-language.writer': 'من كتبه',
  'patient-mismatch': '«{title}»: {warning}',
  'patient-mismatch.ask': 'تحقق مع {facility} من أنه يخص المريض قبل إرساله.',
  'patient-mismatch.giver': 'من أعطاك هذا السجل',
};

const CATALOGUES: Readonly<Record<WindowLanguage, Readonly<Record<ChecklistKey, string>>>> = { en: CHECKLIST_EN, es: CHECKLIST_ES, ar: CHECKLIST_AR };

export interface ChecklistWords {
  readonly language: WindowLanguage;
  say(key: ChecklistKey, values?: Record<string, string | number>): string;
  /** A day as the language writes it ("26 Aug 2004", "26 ago 2004"). */
  day(iso: IsoDate): string;
  /** Languages by their names in this language ("Spanish and French", "español y francés"). */
  languages(codes: readonly string[]): string;
}

const wordsByLanguage = new Map<WindowLanguage, ChecklistWords>();

/**
 * The checklist's words in a language (English for one it does not have). Made once per language and
 * kept: the practice view words two hundred checklists at a time, and parsing every message again for
 * each was a fifth of its time.
 */
export function checklistWords(language: string = 'en'): ChecklistWords {
  const lang = windowLanguageOf(language) ?? 'en';
  let words = wordsByLanguage.get(lang);
  if (!words) {
    words = wordsIn(lang);
    wordsByLanguage.set(lang, words);
  }
  return words;
}

function wordsIn(lang: WindowLanguage): ChecklistWords {
  const catalogue = CATALOGUES[lang];
  const say = sayer(catalogue, lang);
  const days = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    language: lang,
    say(key, values) {
      const said = say(key, values);
      // Spanish contracts "a el" and "de el" ("Pida al centro…"); a name that starts with "El" stays as written.
      return lang === 'es' ? said.replace(/\b(a|de) el\b/g, (_, p: string) => (p === 'a' ? 'al' : 'del')) : said;
    },
    day: (iso) => days.format(new Date(`${iso}T00:00:00Z`)).replace(/\./g, ''),
    languages: (codes) => languageNames(codes, lang),
  };
}
