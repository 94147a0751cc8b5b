/**
 * A clinical document's narrative (its C-CDA sections) printed into the packet as the sending system
 * wrote it: section headings, paragraphs, lists, and tables with their header row repeated on each page
 * they continue on. Nothing is cut short: a cell wraps to as many lines as it needs.
 */
import type { NarrativeNode, NarrativeSection } from '../../shared/narrative.ts';
import { narrativeText } from '../../shared/narrative.ts';
import { CONTENT_WIDTH, HEADER_ROW, MUTED } from './layout.ts';
import type { Column, PageWriter } from './layout.ts';

const INLINE = new Set<NarrativeNode['kind']>(['text', 'strong', 'emphasis', 'break']);
const CELLS = new Set<NarrativeNode['kind']>(['cell', 'heading-cell']);
/** A cell of this many lines fills most of a page; more never happens in practice, and is marked with "…". */
const MAX_CELL_LINES = 45;

const textOf = (nodes: readonly NarrativeNode[]) => narrativeText(nodes).trim();
const childrenOf = (node: NarrativeNode) => (node.kind === 'text' ? [] : node.children);

export async function writeNarrative(w: PageWriter, sections: readonly NarrativeSection[]): Promise<void> {
  for (const section of sections) {
    if (section.depth === 0) await w.heading(section.title, { size: 12, keep: 30 });
    else await w.paragraph(section.title, { size: 10.5, weight: 700, before: 8 });
    await blocks(w, section.nodes);
  }
}

async function blocks(w: PageWriter, nodes: readonly NarrativeNode[]): Promise<void> {
  let inline: NarrativeNode[] = [];
  const flush = async () => {
    const text = textOf(inline);
    inline = [];
    if (text) await w.paragraph(text, { before: 3 });
  };
  for (const node of nodes) {
    if (INLINE.has(node.kind)) {
      inline.push(node);
      continue;
    }
    await flush();
    if (node.kind === 'paragraph') await blocks(w, node.children);
    else if (node.kind === 'list') await list(w, node);
    else if (node.kind === 'table') await table(w, node);
    else if (node.kind === 'caption') await w.paragraph(textOf(node.children), { size: 9, weight: 700, color: MUTED, before: 4 });
    // Rows, cells or items outside their table or list: their text.
    else await w.paragraph(textOf([node]), { before: 3 });
  }
  await flush();
}

async function list(w: PageWriter, node: Extract<NarrativeNode, { kind: 'list' }>): Promise<void> {
  let n = 0;
  for (const item of node.children) {
    const text = textOf(item.kind === 'item' ? item.children : [item]);
    if (!text) continue;
    n++;
    await w.paragraph(`${node.ordered ? `${n}.` : '•'} ${text}`, { indent: 12, before: 2 });
  }
}

interface TableRow {
  readonly cells: string[];
  readonly header: boolean;
}

async function table(w: PageWriter, node: NarrativeNode): Promise<void> {
  const rows: TableRow[] = [];
  const captions: string[] = [];
  const walk = (parent: NarrativeNode) => {
    for (const child of childrenOf(parent)) {
      if (child.kind === 'caption') captions.push(textOf(child.children));
      else if (child.kind === 'rows') walk(child);
      else if (child.kind === 'row') {
        const cells = child.children.filter((c) => CELLS.has(c.kind));
        if (cells.length) rows.push({ cells: cells.map((c) => textOf(childrenOf(c))), header: cells.every((c) => c.kind === 'heading-cell') });
      }
    }
  };
  walk(node);
  for (const caption of captions) if (caption) await w.paragraph(caption, { size: 9, weight: 700, color: MUTED, before: 4 });
  if (!rows.length) return;
  const count = Math.max(...rows.map((r) => r.cells.length));
  for (const r of rows) while (r.cells.length < count) r.cells.push('');
  const size = count > 5 ? 8 : 8.5;
  const headerStyle = { ...HEADER_ROW, size, maxLines: MAX_CELL_LINES };
  await w.fonts.prepare(rows.flatMap((r) => (r.header ? r.cells : [])), 700);
  await w.fonts.prepare(rows.flatMap((r) => (r.header ? [] : r.cells)), 400);
  const columns = columnsFor(w, rows, count, size);
  const before = w.repeatStyle;
  w.y -= 4;
  let body = 0;
  for (const r of rows) {
    if (r.header) {
      await w.row(r.cells, columns, headerStyle);
      // The header goes again, the same, at the top of each page the table continues on.
      w.repeat = r.cells;
      w.repeatColumns = columns;
      w.repeatStyle = headerStyle;
    } else {
      await w.row(r.cells, columns, { size, maxLines: MAX_CELL_LINES, shade: body++ % 2 === 1 });
    }
  }
  w.repeat = null;
  w.repeatStyle = before;
  w.y -= 4;
}

/**
 * Column widths as a browser lays out a table: each column at least as wide as its longest word, the
 * room left shared after how much more each column's longest text wants.
 */
function columnsFor(w: PageWriter, rows: readonly TableRow[], count: number, size: number): Column[] {
  const gap = 6;
  const measure = (text: string, header: boolean) => w.fonts.width(text, size, header ? 700 : 400);
  const least: number[] = [];
  const wanted: number[] = [];
  for (let i = 0; i < count; i++) {
    const cells = rows.map((r) => ({ text: r.cells[i]!, header: r.header }));
    least.push(gap + Math.max(12, ...cells.flatMap((c) => c.text.split(/\s+/).map((word) => measure(word, c.header)))));
    wanted.push(gap + Math.max(12, ...cells.map((c) => measure(c.text, c.header))));
  }
  const minimum = least.reduce((a, b) => a + b, 0);
  // Words wider than the page allows are cut where they must be.
  if (minimum >= CONTENT_WIDTH) return least.map((l) => ({ width: (CONTENT_WIDTH * l) / minimum }));
  const extra = wanted.map((want, i) => want - least[i]!);
  const totalExtra = extra.reduce((a, b) => a + b, 0);
  const spare = CONTENT_WIDTH - minimum;
  return least.map((l, i) => ({ width: l + (totalExtra > 0 ? Math.min(extra[i]!, (spare * extra[i]!) / totalExtra) : spare / count) }));
}
