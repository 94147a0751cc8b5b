/**
 * A PDF page's text as pdf.js places it, made into lines a reader of tables can use: runs on one
 * baseline make a line; a run holding wide gaps (a monospace printout's line) is cut at them; runs
 * that touch (a ligature splits a word) are joined; runs a word-space apart make a cell. The lab
 * reader and the medication-list reader read their tables from these.
 */

/** A run of text on a page, in PDF units from the page's bottom-left corner. */
export interface TextRun {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  readonly text: string;
}

export interface PageRuns {
  readonly page: number;
  readonly runs: readonly TextRun[];
  readonly width: number;
}

export interface Piece {
  readonly x0: number;
  readonly x1: number;
  readonly text: string;
}

export interface Line {
  readonly y: number;
  readonly size: number;
  /** Pieces a word-space apart joined: what a header's titles are read from. */
  readonly cells: Piece[];
  /** The pieces themselves: a row's fields are placed piece by piece, so a long name that nearly touches the next column stays apart from it. */
  readonly pieces: Piece[];
  /** The line's words, cells two spaces apart. */
  readonly text: string;
}

/** A run with wide gaps in it (a monospace line, a text layer written with spaces) cut into its parts, placed by letter width. */
function pieces(run: TextRun): Piece[] {
  const text = run.text;
  if (!/\S\s{2,}\S/.test(text)) return [{ x0: run.x, x1: run.x + run.width, text: text.trim() }];
  const perChar = run.width / text.length;
  return [...text.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ x0: run.x + m.index * perChar, x1: run.x + (m.index + m[0].length) * perChar, text: m[0] }));
}

export function linesOf(runs: readonly TextRun[]): Line[] {
  const sorted = [...runs].filter((r) => r.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; runs: TextRun[] }[] = [];
  for (const run of sorted) {
    const line = lines.find((l) => Math.abs(l.y - run.y) <= Math.max(l.size, run.size) * 0.4);
    if (line) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  return lines
    .map((l) => {
      const split = l.runs.sort((a, b) => a.x - b.x).flatMap(pieces);
      // Runs that touch are one word: a ligature ("ﬁ") or kerning splits a word into runs.
      const joined: Piece[] = [];
      for (const piece of split) {
        const last = joined.at(-1);
        if (last && piece.x0 - last.x1 < l.size * 0.12 && !/\s$/.test(last.text)) joined[joined.length - 1] = { x0: last.x0, x1: piece.x1, text: `${last.text}${piece.text}` };
        else joined.push(piece);
      }
      const cells: Piece[] = [];
      for (const piece of joined) {
        const last = cells.at(-1);
        // Pieces a word-space apart belong to one cell; a column gap starts the next.
        if (last && piece.x0 - last.x1 < l.size * 0.9) cells[cells.length - 1] = { x0: last.x0, x1: piece.x1, text: `${last.text} ${piece.text}`.replace(/\s+/g, ' ') };
        else cells.push(piece);
      }
      return { y: l.y, size: l.size, cells, pieces: joined, text: cells.map((c) => c.text).join('  ') };
    })
    .sort((a, b) => b.y - a.y);
}

/**
 * pdf.js joins text that nearly touches into one run ("11.21 HH uIU/mL" across the result and unit
 * columns). A piece that reaches past the next column's start is cut at the word that crosses it, its
 * words placed by the piece's average letter width.
 */
export function splitAcross(piece: Piece, columns: readonly { readonly x0: number }[], tolerance: number): Piece[] {
  const next = columns.find((c) => c.x0 > piece.x0 + tolerance);
  if (!next || piece.x1 <= next.x0 + tolerance || !piece.text.includes(' ')) return [piece];
  const perChar = (piece.x1 - piece.x0) / piece.text.length;
  const words = [...piece.text.matchAll(/\S+/g)];
  const cut = words.findIndex((w) => piece.x0 + w.index * perChar >= next.x0 - tolerance);
  if (cut <= 0) return [piece];
  const at = words[cut]!.index;
  const second = { x0: piece.x0 + at * perChar, x1: piece.x1, text: piece.text.slice(at).trim() };
  return [{ x0: piece.x0, x1: piece.x0 + at * perChar, text: piece.text.slice(0, at).trim() }, ...splitAcross(second, columns, tolerance)];
}

