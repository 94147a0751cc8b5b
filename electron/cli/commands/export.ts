/** Writing a case's bundle from the terminal: the same job, choices and contract as the window's export. */
import path from 'node:path';
import { CasebinderError } from '../../../shared/errors.ts';
import { DEFAULT_EXPORT_CHOICES, ENCRYPTED_ZIP_TOOLS, EXPORT_PHASE_LABELS } from '../../../shared/export-types.ts';
import type { ExportChoices } from '../../../shared/export-types.ts';
import { say } from '../../../shared/said.ts';
import { pagePictureFrom, startExport } from '../../export/start.ts';
import { WorkerPool } from '../../workers/pool.ts';
import { checked, EXIT_CANCELLED, EXIT_OK, invalid, parseId, readSecretFile } from '../common.ts';
import type { Command } from '../common.ts';
import { follow, openLibrary } from '../session.ts';

const USAGE = 'export CASE [DOC...] --out DIR [--zip] [--password-file F] [--reports-only] [--max-size 25MB] [--specialist ID] [--send-original DOC...]';

/** "25MB", "25 MB", "1.5GB", "700" (megabytes) -> megabytes; the contract says how small a part may be. */
function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(kb|mb|gb)?\s*$/i.exec(value);
  if (!m) invalid(`--max-size "${value}" is not a size. Write it like 25MB or 1.5GB.`);
  return Number(m[1]) * ({ kb: 0.001, mb: 1, gb: 1000 } as Record<string, number>)[(m[2] ?? 'mb').toLowerCase()]!;
}

export const exportCase: Command = {
  names: ['export'],
  usage: `
  export CASE [DOC...] --out DIR [--zip] [--password-file F] [--reports-only] [--max-size 25MB]
          [--specialist ID] [--send-original DOC...] [--language en|es]
                                        the case bundle: packet PDF, originals, DICOM with
                                        DICOMDIR, manifest, FHIR and IHE XDM, in a folder in DIR
                                        (--zip: also as a ZIP, split into volumes under
                                        --max-size; --password-file: encrypt packet and ZIP
                                        with AES-256 using the file's first line; DOC...:
                                        only these of the case's documents; a redacted document
                                        is sent as redacted, unless named by --send-original;
                                        --language: the packet's own text in English or Spanish,
                                        remembered for the specialist)`,
  options: ['out', 'zip', 'password-file', 'reports-only', 'max-size', 'specialist', 'events', 'send-original', 'language'],
  run: async (args, values) => {
    const caseId = parseId(args[0], 'case');
    if (!values.out) invalid('Say where to write the bundle: --out DIR (a folder; the bundle goes in a new folder inside it).');
    const password = values['password-file'] ? readSecretFile(values['password-file'], 'password') : null;
    const library = await openLibrary(values);
    const pool = new WorkerPool();
    try {
      const specialistId = values.specialist ? parseId(values.specialist, 'specialist') : null;
      const base = library.cases.exportChoices(caseId)[String(specialistId ?? 0)] ?? DEFAULT_EXPORT_CHOICES;
      const choices = {
        ...base,
        documentIds: args.length > 1 ? args.slice(1).map((d) => parseId(d)) : base.documentIds,
        reportsOnly: values['reports-only'] || base.reportsOnly,
        zip: values.zip,
        maxSizeMb: values['max-size'] ? parseSize(values['max-size']) : null,
        sendOriginal: values['send-original'] ? values['send-original'].map((d) => parseId(d)) : base.sendOriginal,
        language: (values.language?.trim().toLowerCase() ?? base.language) as ExportChoices['language'],
      };
      const [request] = checked(
        'export:start',
        [{ caseId, specialistId, choices, password }],
        { '0.choices.maxSizeMb': '--max-size (in MB)', '0.choices.documentIds': 'DOC', '0.choices.sendOriginal': '--send-original', '0.choices.language': '--language', '0.password': 'The password', '0.specialistId': '--specialist' },
        USAGE,
      );
      const job = startExport({ library, picture: pagePictureFrom(pool) }, { ...request, outDir: path.resolve(values.out) });
      const result = await follow(job, values, {
        event: (p) => ({ event: 'progress', ...p }),
        line: (p) => `${EXPORT_PHASE_LABELS[p.phase]}: ${p.total ? Math.floor((100 * p.done) / p.total) : 100}%   `,
      });
      const notes = result.warnings.map((w) => say(w));
      const lines = [
        `Wrote the case bundle (${result.documents} documents, ${result.pages}-page packet):`,
        `  folder: ${result.folder}`,
        `  packet: ${result.packet}`,
        ...result.zip.map((z) => `  zip:    ${z}`),
        ...(password && result.zip.length ? [`  ${ENCRYPTED_ZIP_TOOLS}`] : []),
        ...notes.map((w) => `Note: ${w}`),
      ];
      return {
        json: { packet: result.packet, folder: result.folder, zip: result.zip, pages: result.pages, documents: result.documents, ...(notes.length ? { warnings: notes } : {}) },
        text: lines.join('\n'),
        exit: EXIT_OK,
      };
    } catch (error) {
      if (error instanceof CasebinderError && error.code === 'cancelled') return { json: { cancelled: true }, text: error.message, exit: EXIT_CANCELLED };
      throw error;
    } finally {
      await pool.close();
      library.close();
    }
  },
};
