import fs from 'node:fs';
import path from 'node:path';
import type { CorpusDocument } from './folders.ts';
import { renderPdf } from './render.ts';

export interface WrittenDocument extends CorpusDocument {
  readonly path: string;
}

/** Writes each document as a PDF under `dir/<folder>/<file>`. */
export async function writeCorpus(dir: string, documents: readonly CorpusDocument[]): Promise<WrittenDocument[]> {
  const written: WrittenDocument[] = [];
  for (const doc of documents) {
    const file = path.join(dir, doc.folder, doc.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await renderPdf(doc.blocks, doc.layout, file);
    written.push({ ...doc, path: file });
  }
  return written;
}
