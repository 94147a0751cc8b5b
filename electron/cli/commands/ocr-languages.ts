import { OCR_LANGUAGES } from '../../../shared/ocr-languages.ts';
import { checked, EXIT_OK } from '../common.ts';
import type { Command } from '../common.ts';
import { withLibrary } from '../session.ts';

const USAGE = 'ocr-languages [CODE...]';

export const ocrLanguages: Command = {
  names: ['ocr-languages'],
  usage: `
  ${USAGE}               show or set the languages OCR reads (${OCR_LANGUAGES.map((l) => l.code).join(', ')})`,
  options: [],
  run: (args, values) =>
    withLibrary(values, (library) => {
      const languages = args.length
        ? library.settings.setOcrLanguages(checked('settings:ocr-languages', [args.flatMap((a) => a.split(/[,+]/))], { '0': 'The languages' }, USAGE)[0])
        : library.settings.ocrLanguages();
      const names = languages.map((code) => OCR_LANGUAGES.find((l) => l.code === code)?.name ?? code);
      return {
        json: { languages, available: OCR_LANGUAGES },
        text:
          `OCR reads scanned pages in: ${names.join(', ')}.` +
          (args.length ? ' Pages already read keep their text; read them again with: casebinder ocr --again' : `\nAvailable: ${OCR_LANGUAGES.map((l) => `${l.code} (${l.name})`).join(', ')}`),
        exit: EXIT_OK,
      };
    }),
};
