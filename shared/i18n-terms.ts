/**
 * The names of the library's own terms (document types, specialties) in each language the window or the
 * packet speaks: one table both catalogues take them from. English is the library's own labels.
 */
import { SPECIALTIES, SPECIALTY_LABELS } from './case-types.ts';
import type { Specialty } from './case-types.ts';
import { DOCUMENT_TYPES, DOCUMENT_TYPE_LABELS } from './document-types.ts';
import type { DocumentType } from './document-types.ts';

export type TermKey = `type.${DocumentType}` | `specialty.${Specialty}`;

export const TERMS_EN = Object.fromEntries([
  ...DOCUMENT_TYPES.map((t) => [`type.${t}`, DOCUMENT_TYPE_LABELS[t]]),
  ...SPECIALTIES.map((s) => [`specialty.${s}`, SPECIALTY_LABELS[s]]),
]) as Readonly<Record<TermKey, string>>;

export const TERMS_ES: Readonly<Record<TermKey, string>> = {
  'specialty.spine-orthopedic': 'Cirugía de columna y ortopédica',
  'specialty.neurosurgery': 'Neurocirugía',
  'specialty.cardiology': 'Cardiología y cirugía cardíaca',
  'specialty.oncology': 'Oncología y oncología quirúrgica',
  'specialty.general-surgery': 'Cirugía general',
  'specialty.radiology': 'Lectura radiológica',
  'specialty.pathology': 'Revisión de anatomía patológica',
  'specialty.other': 'Otra',
  'type.imaging-report': 'Informe de imagen',
  'type.imaging-study': 'Estudio de imagen',
  'type.lab-report': 'Informe de laboratorio',
  'type.pathology-report': 'Informe de anatomía patológica',
  'type.consult-note': 'Nota de consulta',
  'type.operative-note': 'Nota operatoria o de procedimiento',
  'type.recommendation': 'Recomendación del cirujano',
  'type.discharge-summary': 'Informe de alta',
  'type.medication-list': 'Lista de medicamentos',
  'type.cardiac-test': 'Prueba cardíaca (ECG, ecocardiograma, ergometría, cateterismo)',
  'type.insurance-id': 'Tarjeta del seguro',
  'type.correspondence': 'Carta o correspondencia',
  'type.other': 'Otro',
};

export const TERMS_AR: Readonly<Record<TermKey, string>> = {
  'specialty.spine-orthopedic': 'جراحة العمود الفقري والعظام',
  'specialty.neurosurgery': 'جراحة الأعصاب',
  'specialty.cardiology': 'أمراض القلب وجراحته',
  'specialty.oncology': 'الأورام وجراحة الأورام',
  'specialty.general-surgery': 'الجراحة العامة',
  'specialty.radiology': 'قراءة الأشعة',
  'specialty.pathology': 'مراجعة علم الأمراض',
  'specialty.other': 'أخرى',
  'type.imaging-report': 'تقرير تصوير',
  'type.imaging-study': 'دراسة تصوير',
  'type.lab-report': 'تقرير مختبر',
  'type.pathology-report': 'تقرير علم الأمراض',
  'type.consult-note': 'ملاحظة استشارة',
  'type.operative-note': 'ملاحظة عملية أو إجراء',
  'type.recommendation': 'توصية الجرّاح',
  'type.discharge-summary': 'ملخص الخروج',
  'type.medication-list': 'قائمة الأدوية',
  'type.cardiac-test': 'فحص قلبي (تخطيط، صدى، جهد، قسطرة)',
  'type.insurance-id': 'بطاقة التأمين',
  'type.correspondence': 'رسالة أو مراسلة',
  'type.other': 'أخرى',
};
