/**
 * Runs in a worker thread (one per core): everything CPU-heavy about a new file, so the app's main
 * thread never freezes during an import. It reads the vault's staged copy, never the original.
 */
import { imageSizeFromFile } from 'image-size/fromFile';
import type { DocumentSuggestions } from '../../shared/library-types.ts';
import type { Refusal } from '../../shared/import-types.ts';
import { suggestDetails } from '../suggest/suggest.ts';
import type { ImportKind } from './detect.ts';
import { readPdfText } from './pdf-text.ts';

export interface ExtractTask {
  readonly file: string;
  readonly kind: ImportKind;
  readonly originalName: string;
  /** The patient's date of birth: a date on the page equal to it is never the date of service. */
  readonly dateOfBirth: string | null;
  /** When the import runs (ISO time), for dates written with a two-digit year. */
  readonly reference: string;
}

export type ExtractResult =
  | { readonly ok: true; readonly pageTexts: string[]; readonly suggested: DocumentSuggestions; readonly title: string }
  | { readonly ok: false; readonly refusal: Refusal };

const DAMAGED_IMAGE: Refusal = {
  code: 'damaged',
  reason: 'This image is damaged and cannot be read. Take the photo or scan again, or ask the sender for a new copy.',
};

export default async function extract(task: ExtractTask): Promise<ExtractResult> {
  let pageTexts: string[];
  if (task.kind === 'pdf') {
    const read = await readPdfText(task.file);
    if ('code' in read) return { ok: false, refusal: read };
    pageTexts = read.pageTexts;
  } else {
    try {
      const size = await imageSizeFromFile(task.file);
      if (!size.width || !size.height) return { ok: false, refusal: DAMAGED_IMAGE };
    } catch {
      return { ok: false, refusal: DAMAGED_IMAGE };
    }
    // A photo has one page whose text comes later, from OCR.
    pageTexts = [''];
  }
  const { suggested, title } = suggestDetails(pageTexts, task.originalName, {
    dateOfBirth: task.dateOfBirth,
    reference: new Date(task.reference),
  });
  return { ok: true, pageTexts, suggested, title };
}
