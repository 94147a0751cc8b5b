import type { DocumentType } from '../../shared/document-types.ts';
import { formatDate as englishDate } from '../../shared/format.ts';
import { CATALOGUES, currentTranslator } from './i18n/index.ts';
import type { MessageKey } from './i18n/index.ts';

export { formatUnit } from '../../shared/format.ts';

/** A document type as the window's language names it. */
export function typeLabel(type: DocumentType | null | undefined): string {
  return currentTranslator().t(type ? `type.${type}` : 'type.none');
}

/** A DICOM modality as the window's language names it ("CT scan", "TC"); a code it does not know, as written. */
export function modalityLabel(code: string | null): string {
  const t = currentTranslator();
  if (!code) return t.t('modality.none');
  const key = `modality.${code.toUpperCase()}`;
  return key in CATALOGUES.en ? t.t(key as MessageKey) : code;
}

/** A day (YYYY-MM-DD) in the window's language: "4 Mar 2025", "4 mar 2025", "4 مارس 2025". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = currentTranslator();
  return t.language === 'en' ? englishDate(iso) : t.date(iso);
}

/** A file's size: "512 bytes", "40 KB", "1.5 MB"; in other languages with their units and digits (Intl). */
export function formatSize(bytes: number): string {
  const t = currentTranslator();
  const [value, unit, digits] = bytes < 1024 ? [bytes, 'byte', 0] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte', 0] : [bytes / 1024 / 1024, 'megabyte', 1];
  if (t.language === 'en') return unit === 'byte' ? `${value} bytes` : `${value.toFixed(digits)} ${unit === 'kilobyte' ? 'KB' : 'MB'}`;
  return new Intl.NumberFormat(t.language, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

