import { composeDocument } from '../../compose/compose.ts';
import { checked, EXIT_OK, invalid, parseId } from '../common.ts';
import type { Command, Values } from '../common.ts';
import { documentJson } from '../json.ts';
import { withLibrary, withWorkers } from '../session.ts';

const USAGE = 'compose ID[:PAGE]... --title TEXT [--rotate ID=DEGREES]... [--crop ID=LEFT,TOP,WIDTH,HEIGHT]...';

/** "12", "12:2" (page 2 of a multi-page scan), with --rotate 12=90 and --crop 12=0.05,0.1,0.9,0.8; the contract checks the numbers. */
function composePages(args: readonly string[], values: Values) {
  if (args.length === 0) invalid('Say which photos to combine, in page order, e.g. casebinder compose 12 13 14 --title "Letter from Dr. Hale"');
  const perPhoto = (list: readonly string[] | undefined, what: string) =>
    new Map(
      (list ?? []).map((entry) => {
        const [key, value] = entry.split('=');
        if (!key || value === undefined) invalid(`Write ${what} as ID=VALUE, e.g. --${what} 12=${what === 'rotate' ? '90' : '0.05,0.1,0.9,0.8'}`);
        return [key.replace(/^#/, ''), value] as const;
      }),
    );
  const rotations = perPhoto(values.rotate, 'rotate');
  const crops = perPhoto(values.crop, 'crop');
  return args.map((arg) => {
    const [idText, pageText] = arg.split(':');
    const id = parseId(idText);
    const turn = rotations.get(arg) ?? rotations.get(String(id));
    const cropText = crops.get(arg) ?? crops.get(String(id));
    const crop = cropText ? cropText.split(',').map((n) => (n.trim() === '' ? Number.NaN : Number(n))) : null;
    if (crop && crop.length !== 4) invalid(`A crop is four fractions of the photo: left, top, width, height (e.g. 0.05,0.1,0.9,0.8), not "${cropText}".`);
    return {
      documentId: id,
      page: pageText ? parseId(pageText, 'page') : 1,
      // A turn to the left is three to the right; what is not a number goes to the contract as typed.
      rotation: turn === undefined ? 0 : turn.trim() === '-90' ? 270 : turn.trim() !== '' && Number.isFinite(Number(turn)) ? Number(turn) : turn,
      crop: crop ? { left: crop[0], top: crop[1], width: crop[2], height: crop[3] } : null,
    };
  });
}

export const compose: Command = {
  names: ['compose'],
  usage: `
  ${USAGE}
                                        make one document from photos of its pages, in the order
                                        given (turn by 90, 180 or 270 degrees; crop in fractions)`,
  options: ['title', 'rotate', 'crop'],
  run: (args, values) =>
    withLibrary(values, async (library) => {
      const [request] = checked(
        'documents:compose',
        [{ title: values.title ?? '', pages: composePages(args, values) }],
        { '0.title': '--title', '0.pages.*.rotation': '--rotate', '0.pages.*.crop': '--crop', '0.pages.*.page': 'The page' },
        USAGE,
      );
      const doc = await withWorkers((pool) => composeDocument(library, pool, request));
      return {
        json: documentJson(doc, library),
        text: `Made document ${doc.id} "${doc.title}" from ${doc.madeFrom.length} photo(s): ${doc.madeFrom.map((id) => `#${id}`).join(', ')}.\nOCR will read its pages: casebinder ocr`,
        exit: EXIT_OK,
      };
    }),
};
