import type { DocumentType } from '../../shared/document-types.ts';
import { formatDate as englishDate } from '../../shared/format.ts';
import { currentTranslator } from './i18n/index.ts';

export { formatUnit, plural } from '../../shared/format.ts';

/** A document type as the window's language names it. */
export function typeLabel(type: DocumentType | null | undefined): string {
  return currentTranslator().t(type ? `type.${type}` : 'type.none');
}

/** A day (YYYY-MM-DD) in the window's language: "4 Mar 2025", "4 mar 2025", "4 مارس 2025". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = currentTranslator();
  return t.language === 'en' ? englishDate(iso) : t.date(iso);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

