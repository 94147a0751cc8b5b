import { DOCUMENT_TYPE_LABELS } from '../../shared/document-types.ts';
import type { DocumentType } from '../../shared/document-types.ts';

export { formatDate, formatUnit, plural } from '../../shared/format.ts';

export function typeLabel(type: DocumentType | null | undefined): string {
  return type ? DOCUMENT_TYPE_LABELS[type] : 'Not sorted yet';
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

