import { CasebinderError } from '../../../shared/errors.ts';
import type { Redaction, RedactionBox } from '../../../shared/redaction-types.ts';
import { IDENTIFIER_LABELS } from '../../../shared/redaction-types.ts';
import { OcrEngine } from '../../media/ocr-engine.ts';
import { inProcess, previewRedaction, redactDocument } from '../../redact/redact.ts';
import type { RedactionWork } from '../../redact/redact.ts';
import { EXIT_OK, parseId } from '../common.ts';
import type { Command } from '../common.ts';
import { withLibrary } from '../session.ts';

/** `PAGE:X,Y,W,H`, the box's left, top, width and height as fractions of the page. */
export function parseBox(text: string): RedactionBox {
  const match = /^\s*(\d+)\s*:\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*$/.exec(text);
  if (!match) {
    throw new CasebinderError('invalid-input', `"${text}" is not a box: write PAGE:X,Y,W,H with the left, top, width and height as fractions of the page, e.g. --box 1:0.1,0.2,0.3,0.05.`);
  }
  const [page, x, y, width, height] = match.slice(1).map(Number) as [number, number, number, number, number];
  return { page, x, y, width, height };
}

/** Reads and draws in this process, with Tesseract for pages that are pictures; ended after `use`. */
async function withRedactionWork<T>(use: (work: RedactionWork) => Promise<T>): Promise<T> {
  const ocr = new OcrEngine(1);
  try {
    return await use(inProcess(ocr));
  } finally {
    await ocr.close();
  }
}

function describe(r: Redaction): string {
  const parts = [`${r.boxes.length} area${r.boxes.length === 1 ? '' : 's'} covered`];
  if (r.found.length) parts.push(`searched for ${r.found.map((f) => `"${f.text}" (${f.matches})`).join(', ')}`);
  if (r.suggestionsAccepted.length) parts.push(`${r.suggestionsAccepted.length} suggestion${r.suggestionsAccepted.length === 1 ? '' : 's'} accepted`);
  return `#${r.id}  ${r.createdAt.slice(0, 16).replace('T', ' ')}  ${parts.join('; ')}; ${r.wordsRemoved} word${r.wordsRemoved === 1 ? '' : 's'} of text removed (${r.mediaType}, ${r.pages} page${r.pages === 1 ? '' : 's'})`;
}

export const redact: Command = {
  names: ['redact'],
  usage: `
  redact ID [--find TEXT...] [--box PAGE:X,Y,W,H...] [--suggested]
                                        make a redacted copy of a document for sending: every
                                        match of each TEXT and each box (fractions of the page,
                                        from its top left) burned in black, its text removed;
                                        --suggested also removes what Casebinder suggests (Social
                                        Security and insurance numbers, others' phone numbers and
                                        addresses). Adds to the document's current redaction.
                                        Exports send the redacted copy; the original is kept
  redact ID --undo                      remove the document's newest redaction`,
  options: ['find', 'box', 'suggested', 'undo'],
  run: (args, values) =>
    withLibrary(values, async (library) => {
      const documentId = parseId(args[0]);
      const doc = library.documents.get(documentId);
      if (values.undo) {
        if (values.find?.length || values.box?.length || values.suggested) throw new CasebinderError('invalid-input', '--undo takes no --find, --box or --suggested: undo first, then redact again.');
        const undone = await library.redactions.undo(documentId);
        if (!undone) throw new CasebinderError('not-found', `"${doc.title}" has no redaction to undo.`);
        const now = library.redactions.of(documentId).current;
        return {
          json: { undone, current: now },
          text: `Removed the newest redaction of "${doc.title}". ${now ? `Exports now send its earlier redaction (#${now.id}).` : 'Exports now send its original.'}`,
          exit: EXIT_OK,
        };
      }
      const request = { documentId, boxes: (values.box ?? []).map(parseBox), find: values.find ?? [], suggested: !!values.suggested };
      const redaction = await withRedactionWork((work) => redactDocument(library, work, request));
      return {
        json: redaction,
        text: `Redacted "${doc.title}": ${describe(redaction)}.\nExports send this redacted copy instead of the original, which is kept unchanged. To remove it: casebinder redact ${documentId} --undo`,
        exit: EXIT_OK,
      };
    }),
};

export const redactions: Command = {
  names: ['redactions'],
  usage: `
  redactions ID                         a document's redactions (newest first: the one exports
                                        send) and what Casebinder suggests removing`,
  options: [],
  run: (args, values) =>
    withLibrary(values, async (library) => {
      const documentId = parseId(args[0]);
      const doc = library.documents.get(documentId);
      const { current, history } = library.redactions.of(documentId);
      const preview = await withRedactionWork((work) => previewRedaction(library, work, documentId));
      const lines = [`"${doc.title}"`];
      lines.push(history.length ? history.map((r, i) => `${describe(r)}${i === 0 ? '  (sent with exports)' : ''}`).join('\n') : 'No redaction: exports send the original.');
      if (preview.suggestions.length) {
        lines.push('', 'Suggested for removal (casebinder redact ID --suggested removes them all, or --find one):');
        for (const s of preview.suggestions) lines.push(`  page ${s.page}  ${IDENTIFIER_LABELS[s.kind]}: ${s.text}`);
      } else lines.push('', 'Nothing suggested for removal.');
      if (preview.pagesWithoutText.length) lines.push(`Pages without text of their own (scans or photos; draw boxes there): ${preview.pagesWithoutText.join(', ')}`);
      return {
        json: { documentId, current, history, suggestions: preview.suggestions.map(({ words: _words, ...s }) => s), pagesWithoutText: preview.pagesWithoutText },
        text: lines.join('\n'),
        exit: EXIT_OK,
      };
    }),
};
