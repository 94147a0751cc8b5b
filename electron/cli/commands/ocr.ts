import type { OcrResult } from '../../../shared/ocr-types.ts';
import type { Library } from '../../library/library.ts';
import { OcrRunner } from '../../ocr/runner.ts';
import type { WorkerPool } from '../../workers/pool.ts';
import { checked, EXIT_CANCELLED, EXIT_OK, parseId } from '../common.ts';
import type { Command, Values } from '../common.ts';
import { formatOcr } from '../format.ts';
import { follow, withLibrary, withWorkers } from '../session.ts';

/** Runs OCR over every waiting page, showing progress; Ctrl-C stops it and leaves the rest waiting. */
export async function readScannedPages(library: Library, pool: WorkerPool, values: Values): Promise<OcrResult> {
  const runner = new OcrRunner(library, pool);
  try {
    return await follow(runner.start(), values, {
      event: (p) => ({ event: 'ocr-progress', ...p }),
      line: (p) => `Reading scanned pages (OCR): ${p.pagesDone}/${p.pagesTotal} pages  `,
    });
  } finally {
    await runner.close();
  }
}

const USAGE = 'ocr [--again] [--document ID]';

export const ocr: Command = {
  names: ['ocr'],
  usage: `
  ${USAGE}         read the text of scanned pages and photos that wait for it
                                        (--again: read every OCR page again, e.g. after a
                                        change of languages)`,
  options: ['again', 'document', 'events'],
  run: (_args, values) =>
    withLibrary(values, async (library) => {
      if (values.again) {
        const [documentId] = checked('ocr:read-again', [values.document?.[0] ? parseId(values.document[0]) : undefined], { '0': '--document' }, USAGE);
        library.ocr.readAgain(documentId);
      }
      const result = await withWorkers((pool) => readScannedPages(library, pool, values));
      return { json: result, text: formatOcr(result), exit: result.cancelled ? EXIT_CANCELLED : EXIT_OK };
    }),
};
