/**
 * Questions to start from, per specialty: what people preparing for a second opinion are advised to
 * ask. The person edits or removes them; none is added without their choosing. Offered in the window's
 * language (English, Spanish, Arabic): a question chosen becomes the person's own words, as written.
 */
import type { Specialty } from './case-types.ts';
import { windowLanguageOf } from './languages.ts';
import type { WindowLanguage } from './languages.ts';

/** One question in each language, the same question. */
type Asked = Readonly<Record<WindowLanguage, string>>;

const q = (en: string, es: string, ar: string): Asked => ({ en, es, ar });

const EVERY_CASE: readonly Asked[] = [
  q('Do you agree with the diagnosis?', '¿Está de acuerdo con el diagnóstico?', 'هل توافق على التشخيص؟'),
  q(
    'Do you agree that this treatment is needed now, or is it safe to wait?',
    '¿Está de acuerdo en que este tratamiento hace falta ahora, o se puede esperar sin riesgo?',
    'هل توافق على أن هذا العلاج ضروري الآن، أم يمكن الانتظار بأمان؟',
  ),
  q(
    'What are the alternatives, including not treating, and how do their results compare?',
    '¿Qué alternativas hay, incluida la de no tratar, y cómo se comparan sus resultados?',
    'ما البدائل، ومنها عدم العلاج، وكيف تُقارَن نتائجها؟',
  ),
  q('What would you do in my place?', '¿Qué haría usted en mi lugar?', 'ماذا كنت ستفعل لو كنت مكاني؟'),
];
const IMAGES_MATCH = q('Do my images match my symptoms?', '¿Concuerdan mis imágenes con mis síntomas?', 'هل تتوافق صوري مع أعراضي؟');
const RECOVERY = q('What recovery should I expect?', '¿Qué recuperación puedo esperar?', 'ما التعافي الذي أتوقعه؟');

const ASKED: Readonly<Record<Specialty, readonly Asked[]>> = {
  'spine-orthopedic': [
    ...EVERY_CASE,
    IMAGES_MATCH,
    q(
      'Would physical therapy, injections or another non-surgical treatment be worth trying first?',
      '¿Valdría la pena probar antes fisioterapia, infiltraciones u otro tratamiento sin cirugía?',
      'هل يستحق الأمر تجربة العلاج الطبيعي أو الحقن أو علاج آخر غير جراحي أولًا؟',
    ),
    q(
      'If surgery, is a smaller operation (for example a decompression without fusion) an option?',
      'Si hay cirugía, ¿es posible una operación menor (por ejemplo, una descompresión sin artrodesis)?',
      'إن كانت الجراحة ضرورية، فهل يمكن إجراء عملية أصغر (مثل تخفيف الضغط دون دمج الفقرات)؟',
    ),
    q('What recovery should I expect, and when could I return to work?', '¿Qué recuperación puedo esperar y cuándo podría volver al trabajo?', 'ما التعافي الذي أتوقعه، ومتى يمكنني العودة إلى العمل؟'),
  ],
  neurosurgery: [
    ...EVERY_CASE,
    IMAGES_MATCH,
    q(
      'What are the risks to nerve function, and how often do they happen in your hands?',
      '¿Qué riesgos hay para la función de los nervios, y con qué frecuencia ocurren en sus manos?',
      'ما المخاطر على وظيفة الأعصاب، وكم مرة تحدث في العمليات التي تجريها أنت؟',
    ),
  ],
  cardiology: [
    ...EVERY_CASE,
    q('Is a catheter-based procedure an option instead of open surgery?', '¿Es posible un procedimiento con catéter en lugar de cirugía abierta?', 'هل يمكن إجراء تدخّل بالقسطرة بدل الجراحة المفتوحة؟'),
    q('Which of my tests most changes the decision?', '¿Cuál de mis pruebas cambia más la decisión?', 'أيٌّ من فحوصي يغيّر القرار أكثر من غيره؟'),
  ],
  oncology: [
    ...EVERY_CASE,
    q(
      'Does the pathology (type, grade, markers) support the diagnosis and stage?',
      '¿La anatomía patológica (tipo, grado, marcadores) respalda el diagnóstico y el estadio?',
      'هل يدعم تقرير علم الأمراض (النوع والدرجة والواسمات) التشخيص والمرحلة؟',
    ),
    q('Is there a clinical trial I could join?', '¿Hay algún ensayo clínico en el que pueda participar?', 'هل توجد تجربة سريرية يمكنني الانضمام إليها؟'),
    q(
      'Should treatment start with surgery, or with chemotherapy or radiation first?',
      '¿El tratamiento debe empezar por la cirugía, o antes por quimioterapia o radioterapia?',
      'هل ينبغي أن يبدأ العلاج بالجراحة، أم بالعلاج الكيميائي أو الإشعاعي أولًا؟',
    ),
  ],
  'general-surgery': [...EVERY_CASE, q('Can it be done laparoscopically or robotically?', '¿Se puede hacer por laparoscopia o con cirugía robótica?', 'هل يمكن إجراؤها بالمنظار أو بالجراحة الروبوتية؟'), RECOVERY],
  radiology: [
    q('Do you see the same findings as the first report?', '¿Ve los mismos hallazgos que el primer informe?', 'هل ترى النتائج نفسها التي في التقرير الأول؟'),
    q('Is anything in the images not mentioned in the report?', '¿Hay algo en las imágenes que el informe no mencione?', 'هل في الصور شيء لم يذكره التقرير؟'),
    q('Is further imaging needed?', '¿Hacen falta más pruebas de imagen?', 'هل يلزم مزيد من التصوير؟'),
  ],
  pathology: [
    q('Do you agree with the diagnosis and its grade?', '¿Está de acuerdo con el diagnóstico y su grado?', 'هل توافق على التشخيص ودرجته؟'),
    q('Are further stains or molecular tests needed?', '¿Hacen falta más tinciones o pruebas moleculares?', 'هل تلزم صبغات أو فحوص جزيئية إضافية؟'),
  ],
  other: EVERY_CASE,
};

/** The questions to start from for a specialty, in a language (English for one it does not have). */
export function starterQuestions(specialty: Specialty, language: string = 'en'): readonly string[] {
  const lang = windowLanguageOf(language) ?? 'en';
  return ASKED[specialty].map((asked) => asked[lang]);
}

/** The English questions, per specialty (the command line's and the tests'). */
export const STARTER_QUESTIONS: Readonly<Record<Specialty, readonly string[]>> = Object.fromEntries(
  Object.keys(ASKED).map((s) => [s, starterQuestions(s as Specialty)]),
) as Record<Specialty, readonly string[]>;
