import { Importer } from '../../import/importer.ts';
import { WorkerPool } from '../../workers/pool.ts';
import { checked, EXIT_CANCELLED, EXIT_OK, EXIT_REFUSED, invalid } from '../common.ts';
import type { Command } from '../common.ts';
import { formatImport, formatOcr } from '../format.ts';
import { follow, openLibrary } from '../session.ts';
import { readScannedPages } from './ocr.ts';

const USAGE = 'import PATH... [--patient NAME] [--ocr]';

export const importFiles: Command = {
  names: ['import'],
  usage: `
  ${USAGE}
                                        import files, folders, imaging discs and ZIP archives
                                        (PDF, JPEG, PNG, HEIC, TIFF, DICOM); --ocr also waits
                                        for OCR to read the scanned pages`,
  options: ['patient', 'ocr', 'events'],
  run: async (paths, values) => {
    if (paths.length === 0) invalid('Say what to import: one or more files or folders, e.g. casebinder import ~/Downloads/records');
    const library = await openLibrary(values);
    const pool = new WorkerPool();
    const importer = new Importer(library, pool);
    try {
      const patient = values.patient ? library.patients.find(values.patient) : library.patients.only();
      const [checkedPaths, patientId] = checked('import:start', [paths, patient.id], { '0': 'PATH' }, USAGE);
      const result = await follow(importer.start({ paths: checkedPaths, patientId }), values, {
        // The words for the window (`words`) stay out: the command line says them in English, as `reason` and `note`.
        event: ({ outcome, ...counts }) => ({ event: 'progress', ...counts, ...(outcome ? { outcome: { ...outcome, words: undefined } } : {}) }),
        line: (p) =>
          p.phase === 'importing'
            ? `Importing for ${patient.name}: ${p.filesDone}/${p.filesTotal} files (${p.bytesTotal ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100}%)  `
            : p.phase === 'previews'
              ? 'Making previews of the imaging series…                    '
              : null,
      });
      const ocr = values.ocr && !result.cancelled ? await readScannedPages(library, pool, values) : undefined;
      const waiting = library.ocr.waitingCount();
      return {
        json: {
          imported: result.imported.map((i) => ({ id: i.id, path: i.path, type: i.type, pages: i.pages, ...(i.study ? { study: i.study } : {}), ...(i.note ? { note: i.note } : {}) })),
          merged: result.merged.map((m) => ({ into: m.into, path: m.path, study: m.study, ...(m.note ? { note: m.note } : {}) })),
          duplicates: result.duplicates.map((d) => ({ path: d.path, of: d.of, ...(d.files ? { files: d.files } : {}) })),
          refused: result.refused.map((r) => ({ path: r.path, reason: r.reason, code: r.code })),
          skipped: result.skipped.map((s) => ({ path: s.path, reason: s.reason })),
          cancelled: result.cancelled,
          ...(ocr ? { ocr } : {}),
          pagesWaitingForOcr: waiting,
        },
        text: formatImport(result) + (ocr ? `\n${formatOcr(ocr)}` : waiting ? `\n${waiting} scanned page(s) wait for OCR; read them with: casebinder ocr` : ''),
        exit: result.cancelled || ocr?.cancelled ? EXIT_CANCELLED : result.refused.length ? EXIT_REFUSED : EXIT_OK,
      };
    } finally {
      await pool.close();
      library.close();
    }
  },
};
