/**
 * Why Casebinder suggests covering something on a page before a document is sent, in each language the
 * window speaks: ICU MessageFormat messages, English the source. Said through `shared/said.ts`.
 */

export const REDACTION_EN = {
  'redact-ssn': 'Looks like a Social Security number, which a specialist does not need.',
  'redact-ssn-labelled': 'A Social Security number (its label says so), which a specialist does not need.',
  'redact-member': 'An insurance member number (beside its label); the specialist does not need it to read the records.',
  'redact-group': 'An insurance group number (beside its label).',
  'redact-phone': 'A phone number that is neither yours nor a clinic’s (perhaps a relative’s or an employer’s).',
  'redact-address': 'A street address that is neither yours nor a clinic’s (perhaps a relative’s or an employer’s).',
} as const;

export type RedactionKey = keyof typeof REDACTION_EN;

export const REDACTION_ES: Readonly<Record<RedactionKey, string>> = {
  'redact-ssn': 'Parece un número de la Seguridad Social, que un especialista no necesita.',
  'redact-ssn-labelled': 'Un número de la Seguridad Social (lo dice su etiqueta), que un especialista no necesita.',
  'redact-member': 'Un número de afiliado del seguro (junto a su etiqueta); el especialista no lo necesita para leer los documentos.',
  'redact-group': 'Un número de grupo del seguro (junto a su etiqueta).',
  'redact-phone': 'Un número de teléfono que no es suyo ni de una clínica (quizá de un familiar o de un empleador).',
  'redact-address': 'Una dirección postal que no es suya ni de una clínica (quizá de un familiar o de un empleador).',
};

export const REDACTION_AR: Readonly<Record<RedactionKey, string>> = {
  'redact-ssn': 'يبدو رقم ضمان اجتماعي، ولا يحتاجه الطبيب المختص.',
  'redact-ssn-labelled': 'رقم ضمان اجتماعي (كما تقول تسميته)، ولا يحتاجه الطبيب المختص.',
  'redact-member': 'رقم عضوية في التأمين (بجانب تسميته)؛ لا يحتاجه الطبيب المختص لقراءة السجلات.',
  'redact-group': 'رقم مجموعة في التأمين (بجانب تسميته).',
  'redact-phone': 'رقم هاتف ليس لك ولا لعيادة (ربما لقريب أو لصاحب عمل).',
  'redact-address': 'عنوان شارع ليس لك ولا لعيادة (ربما لقريب أو لصاحب عمل).',
};
