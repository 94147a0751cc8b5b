/**
 * Why Casebinder suggests a document's date of service (which date it chose, and which it did not), in
 * each language the window speaks: ICU MessageFormat messages, English the source (the command line
 * prints the English). Said through `shared/said.ts`; a date goes in as `{ dates: [iso] }`, written as
 * the reader's language writes dates, and a label as the document printed it.
 */

import { sayer } from './icu.ts';
import type { MessageValues } from './icu.ts';
import type { WindowLanguage } from './languages.ts';

export const SUGGESTION_EN = {
  'date-insurance': 'An insurance card records no care: its dates are coverage dates.',
  'date-none-of-care': 'None of its dates is when the care happened (a date of birth, a print or fax stamp, a comparison).',
  'date-from-study': 'The date of the imaging study the report came with.',
  'date-chosen': '{date} is when the care happened.',
  'date-chosen-not': '{date} is when the care happened; not {others}.',
  'date-chosen-itself': '{date} is when the care happened: it is the date the document gives for itself.',
  'date-chosen-itself-not': '{date} is when the care happened: it is the date the document gives for itself; not {others}.',
  'date-plain': '{date}',
  'date-plan': '{date} (a plan for later)',
  'date-birth': '{date} (the date of birth)',
  'date-written': '{date} (the date the document is written on)',
  'date-labelled': '{date} (“{label}”)',
} as const;

export type SuggestionKey = keyof typeof SUGGESTION_EN;

export const SUGGESTION_ES: Readonly<Record<SuggestionKey, string>> = {
  'date-insurance': 'Una tarjeta del seguro no registra atención médica: sus fechas son de cobertura.',
  'date-none-of-care': 'Ninguna de sus fechas es la de la atención (una fecha de nacimiento, un sello de impresión o de fax, una comparación).',
  'date-from-study': 'La fecha del estudio de imagen con el que llegó el informe.',
  'date-chosen': '{date} es cuando se prestó la atención.',
  'date-chosen-not': '{date} es cuando se prestó la atención; no {others}.',
  'date-chosen-itself': '{date} es cuando se prestó la atención: es la fecha que el documento se da a sí mismo.',
  'date-chosen-itself-not': '{date} es cuando se prestó la atención: es la fecha que el documento se da a sí mismo; no {others}.',
  'date-plain': '{date}',
  'date-plan': '{date} (algo previsto para más adelante)',
  'date-birth': '{date} (la fecha de nacimiento)',
  'date-written': '{date} (la fecha en que se redactó el documento)',
  'date-labelled': '{date} («{label}»)',
};

export const SUGGESTION_AR: Readonly<Record<SuggestionKey, string>> = {
  'date-insurance': 'بطاقة التأمين لا تسجّل رعاية طبية: تواريخها تواريخ تغطية.',
  'date-none-of-care': 'لا يدل أيٌّ من تواريخه على وقت تقديم الرعاية (تاريخ ميلاد، أو ختم طباعة أو فاكس، أو مقارنة).',
  'date-from-study': 'تاريخ دراسة التصوير التي جاء معها التقرير.',
  'date-chosen': '{date} هو وقت تقديم الرعاية.',
  'date-chosen-not': '{date} هو وقت تقديم الرعاية؛ وليس {others}.',
  'date-chosen-itself': '{date} هو وقت تقديم الرعاية: إنه التاريخ الذي يذكره المستند لنفسه.',
  'date-chosen-itself-not': '{date} هو وقت تقديم الرعاية: إنه التاريخ الذي يذكره المستند لنفسه؛ وليس {others}.',
  'date-plain': '{date}',
  'date-plan': '{date} (موعد مخطط لاحقًا)',
  'date-birth': '{date} (تاريخ الميلاد)',
  'date-written': '{date} (تاريخ كتابة المستند)',
  'date-labelled': '{date} («{label}»)',
};

/**
 * The titles the library gives a document from its kind and facility, in the language the window
 * speaks when the document comes in (a title is the person's to change; the command line names in
 * English). Plain text, nothing isolated: a title is stored as it reads.
 */
export const TITLE_EN = {
  'title-from': '{kind} from {facility}',
  'title-with': '{kind} – {facility}',
  'title-correspondence': 'Letter',
  'title-lab-report': 'Lab results',
  'title-recommendation': "Surgeon's recommendation",
  'title-fhir': 'Health record download (FHIR)',
  'title-fhir-for': 'Health record download (FHIR) for {whose}',
  'title-lab-result': 'Lab result: {what}',
  'title-record': '{kind, select, problem {Problem} medication {Medication} allergy {Allergy} vital {Vital sign} procedure {Procedure} encounter {Visit} other {Immunization}}: {name}',
} as const;

export type TitleKey = keyof typeof TITLE_EN;

export const TITLE_ES: Readonly<Record<TitleKey, string>> = {
  'title-from': '{kind} de {facility}',
  'title-with': '{kind} – {facility}',
  'title-correspondence': 'Carta',
  'title-lab-report': 'Resultados de laboratorio',
  'title-recommendation': 'Recomendación del cirujano',
  'title-fhir': 'Descarga de la historia clínica (FHIR)',
  'title-fhir-for': 'Descarga de la historia clínica (FHIR) de {whose}',
  'title-lab-result': 'Resultado de laboratorio: {what}',
  'title-record': '{kind, select, problem {Problema} medication {Medicamento} allergy {Alergia} vital {Signo vital} procedure {Procedimiento} encounter {Visita} other {Vacuna}}: {name}',
};

export const TITLE_AR: Readonly<Record<TitleKey, string>> = {
  'title-from': '{kind} من {facility}',
  'title-with': '{kind} – {facility}',
  'title-correspondence': 'رسالة',
  'title-lab-report': 'نتائج المختبر',
  'title-recommendation': 'توصية الجرّاح',
  'title-fhir': 'تنزيل السجل الصحي (FHIR)',
  'title-fhir-for': 'تنزيل السجل الصحي (FHIR) الخاص بـ {whose}',
  'title-lab-result': 'نتيجة مختبر: {what}',
  'title-record': '{kind, select, problem {مشكلة صحية} medication {دواء} allergy {حساسية} vital {علامة حيوية} procedure {إجراء} encounter {زيارة} other {تطعيم}}: {name}',
};

const TITLES = { en: TITLE_EN, es: TITLE_ES, ar: TITLE_AR } as const;
const titleSayers = new Map<WindowLanguage, (key: TitleKey, values?: MessageValues) => string>();

/** Says a title the library makes, in `language`: plain text, as it is stored. */
export function sayTitle(language: WindowLanguage, key: TitleKey, values?: MessageValues): string {
  let say = titleSayers.get(language);
  if (!say) {
    say = sayer(TITLES[language], language);
    titleSayers.set(language, say);
  }
  return say(key, values);
}
