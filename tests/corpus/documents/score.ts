/** Suggestions (type, date of service, facility, clinician) on the documents drawn by other programs. */
import fs from 'node:fs';
import path from 'node:path';
import { readPdfText } from '../../../electron/media/pdf-text.ts';
import { suggestDetails } from '../../../electron/suggest/suggest.ts';
import { score } from '../score.ts';
import type { Scored } from '../score.ts';
import { DOCUMENT_CORPUS_DIR } from './build.ts';
import type { DocumentTruth } from './documents.ts';

export interface DocumentCorpusEntry {
  readonly part: 'tuning' | 'blind';
  readonly file: string;
  readonly renderer: string;
  readonly truth: DocumentTruth;
}

export function documentCorpus(): DocumentCorpusEntry[] {
  return JSON.parse(fs.readFileSync(path.join(DOCUMENT_CORPUS_DIR, 'truth.json'), 'utf8')) as DocumentCorpusEntry[];
}

export async function documentCorpusScores(part: 'tuning' | 'blind'): Promise<Scored[]> {
  const scored: Scored[] = [];
  for (const entry of documentCorpus().filter((e) => e.part === part)) {
    const read = await readPdfText(path.join(DOCUMENT_CORPUS_DIR, entry.file));
    if ('code' in read) throw new Error(`${entry.file}: ${read.reason}`);
    const suggested = suggestDetails(read.pageTexts, path.basename(entry.file), { reference: new Date('2026-06-01') }).suggested;
    scored.push(score({ folder: part, file: entry.file, layout: { font: 'Helvetica' }, blocks: [], truth: entry.truth }, suggested));
  }
  return scored;
}
