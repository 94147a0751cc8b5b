/**
 * Lab results read from a lab report PDF's text layer. pdf.js gives every run of text its position;
 * runs on one baseline make a line, runs close together make a cell, and a line whose cells read like
 * a results table's header (Test, Result, Flag, Units, Reference range...) gives the columns. Each
 * line under it whose test-name and result cells are filled is one result, every field taken from its
 * own cell exactly as printed. Two tables side by side (a two-column report) are read as two; a table
 * that goes on over several pages keeps its columns. Nothing is inferred: a row whose result is not a
 * number or a known word is not a result, and a field that is not on the page stays empty.
 */
import type { LabInput } from './normalize.ts';

/** A run of text on a page, in PDF units from the page's bottom-left corner. */
export interface TextRun {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  readonly text: string;
}

interface Cell {
  readonly x0: number;
  readonly x1: number;
  readonly text: string;
}

interface Line {
  readonly y: number;
  readonly size: number;
  /** Runs close together joined: what a header's titles are read from. */
  readonly cells: Cell[];
  /** The runs themselves: a row's fields are placed run by run, so a long name that nearly touches the next column stays apart from it. */
  readonly runs: Cell[];
}

/** `outside`: a value in an "Out of range" column; `other`: a column read past (the performing lab's code). */
type Role = 'name' | 'value' | 'outside' | 'flag' | 'unit' | 'range' | 'other';

interface Column {
  readonly role: Role;
  readonly x0: number;
}

/** One table: its columns, left to right, and where it starts and ends across the page. */
interface Table {
  readonly columns: readonly Column[];
  readonly left: number;
  readonly right: number;
}

const HEADERS: readonly [Role, RegExp][] = [
  ['name', /^(tests?( name)?|analyte|component|description|test description|procedure|determination)$/i],
  ['value', /^(results?|value|your value|result value|observed( value)?|patient value|in range|within range)$/i],
  ['outside', /^(out of range|outside range|abnormal result)$/i],
  ['flag', /^(flags?|abn(ormal)?|a\/n|h\/l|status)$/i],
  ['unit', /^(units?|uom|unit of measure)$/i],
  ['range', /^(ref(erence|\.)? ?(range|interval|values?)?|normal( range| values?)?|standard range|expected( range| values?)?|range|reference)$/i],
  ['other', /^(lab|site|performing (lab|site)|loinc|code|comments?|notes?)$/i],
];

/** Words a lab reports as a result (qualitative tests). */
const RESULT_WORDS =
  /^(negative|positive|non-?reactive|reactive|not detected|detected|trace|normal|abnormal|none seen|present|absent|clear|cloudy|yellow|straw|amber|pending|see note|indeterminate|equivocal)$/i;

const NUMBER = /^(<=|>=|<|>|≤|≥)?\s*[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^(<=|>=|<|>|≤|≥)?\s*[-+]?\.\d+$/;

/** A flag printed after the value in the same cell ("7.6 H", "2.1 L*", "123 (H)"). */
const TRAILING_FLAG = /^(.*?\S)\s+\(?(HH|LL|H|L|A|AA|High|Low|Abnormal|Critical|CRIT|H\*|L\*|!)\)?$/i;

/** A range with its unit after it: "65-99 mg/dL", "> OR = 60 mL/min/1.73m2", "<200 mg/dL". */
const RANGE_WITH_UNIT = /^(.*?\d(?:\.\d+)?)\s+([^\d\s(][^\s]*)$/;

function roleOf(text: string): Role | undefined {
  const t = text.replace(/[:*]/g, '').replace(/\s+/g, ' ').trim();
  return HEADERS.find(([, pattern]) => pattern.test(t))?.[0];
}

function linesOf(runs: readonly TextRun[]): Line[] {
  const sorted = [...runs].filter((r) => r.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; runs: TextRun[] }[] = [];
  for (const run of sorted) {
    const line = lines.find((l) => Math.abs(l.y - run.y) <= Math.max(l.size, run.size) * 0.4);
    if (line) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  return lines
    .map((l) => {
      const ordered = l.runs.sort((a, b) => a.x - b.x);
      const cells: Cell[] = [];
      for (const run of ordered) {
        const last = cells.at(-1);
        // Runs a word-space apart belong to one cell; a column gap starts the next.
        if (last && run.x - last.x1 < run.size * 0.9) cells[cells.length - 1] = { x0: last.x0, x1: run.x + run.width, text: `${last.text} ${run.text.trim()}`.replace(/\s+/g, ' ') };
        else cells.push({ x0: run.x, x1: run.x + run.width, text: run.text.trim() });
      }
      return { y: l.y, size: l.size, cells, runs: ordered.map((r) => ({ x0: r.x, x1: r.x + r.width, text: r.text.trim() })) };
    })
    .sort((a, b) => b.y - a.y);
}

/** The tables a header line starts: one, or two side by side when the roles repeat. */
function tablesOf(line: Line, pageRight: number): Table[] {
  const groups: Column[][] = [[]];
  for (const cell of line.cells) {
    const role = roleOf(cell.text);
    if (!role) return [];
    let group = groups.at(-1)!;
    if (group.some((c) => c.role === role)) groups.push((group = []));
    group.push({ role, x0: cell.x0 });
  }
  const complete = groups.filter((g) => g.some((c) => c.role === 'name') && g.some((c) => c.role === 'value') && g.some((c) => c.role === 'unit' || c.role === 'range'));
  // A column read past is part of the table before it, never a table of its own.
  if (groups.length > 1 && groups.slice(1).some((g) => g.every((c) => c.role === 'other'))) return [];
  if (complete.length !== groups.length) return [];
  return complete.map((columns, i) => ({
    columns,
    left: columns[0]!.x0 - line.size,
    right: i + 1 < complete.length ? complete[i + 1]![0]!.x0 - line.size : pageRight,
  }));
}

/**
 * pdf.js joins text that nearly touches into one run ("11.21 HH uIU/mL" across the result and unit
 * columns). A run that reaches past the next column's start is cut at the word that crosses it, its
 * words placed by the run's average letter width.
 */
function splitAcross(run: Cell, columns: readonly Column[], tolerance: number): Cell[] {
  const next = columns.find((c) => c.x0 > run.x0 + tolerance);
  if (!next || run.x1 <= next.x0 + tolerance || !run.text.includes(' ')) return [run];
  const perChar = (run.x1 - run.x0) / run.text.length;
  const words = [...run.text.matchAll(/\S+/g)];
  const cut = words.findIndex((w) => run.x0 + w.index * perChar >= next.x0 - tolerance);
  if (cut <= 0) return [run];
  const at = words[cut]!.index;
  const second = { x0: run.x0 + at * perChar, x1: run.x1, text: run.text.slice(at).trim() };
  return [{ x0: run.x0, x1: run.x0 + at * perChar, text: run.text.slice(0, at).trim() }, ...splitAcross(second, columns, tolerance)];
}

/** The cell of each role in a row of `table`: each cell to the column it starts in. */
function cellsFor(table: Table, line: Line): Partial<Record<Role, string>> {
  const out: Partial<Record<Role, string>> = {};
  const tolerance = line.size * 0.6;
  for (const cell of line.runs.flatMap((run) => splitAcross(run, table.columns, tolerance))) {
    if (cell.x0 < table.left || cell.x0 >= table.right) continue;
    let column: Column | undefined;
    for (const c of table.columns) if (cell.x0 >= c.x0 - tolerance) column = c;
    if (!column) continue;
    out[column.role] = out[column.role] ? `${out[column.role]} ${cell.text}` : cell.text;
  }
  return out;
}

function isResult(value: string): boolean {
  return NUMBER.test(value.replace(/\s+/g, '')) || NUMBER.test(value) || RESULT_WORDS.test(value);
}

export interface PageRuns {
  readonly page: number;
  readonly runs: readonly TextRun[];
  readonly width: number;
}

/** Every result row of every results table on the pages, with its page; `date` and `lab` for all. */
export function readLabTables(pages: readonly PageRuns[], context: { date: string | null; lab: string | null }): LabInput[] {
  const results: LabInput[] = [];
  let tables: Table[] = [];
  for (const { page, runs, width } of pages) {
    for (const line of linesOf(runs)) {
      const headed = tablesOf(line, width);
      if (headed.length) {
        tables = headed;
        continue;
      }
      for (const table of tables) {
        const cells = cellsFor(table, line);
        const name = cells.name?.trim();
        const outside = !cells.value?.trim() && !!cells.outside?.trim();
        let value = (cells.value ?? cells.outside)?.trim();
        if (!name || !value) continue;
        let flag = cells.flag?.trim() || null;
        if (!isResult(value)) {
          const split = TRAILING_FLAG.exec(value);
          if (!split || !isResult(split[1]!)) continue;
          value = split[1]!;
          flag ??= split[2]!;
        }
        // In an "Out of range" column with no letter, the column itself is the lab's flag.
        if (outside && !flag) flag = 'A';
        if (/^[\d.,\s<>=]+$/.test(name)) continue;
        let unit = cells.unit?.trim() || null;
        let range = cells.range?.trim() || null;
        if (!unit && range && !table.columns.some((c) => c.role === 'unit')) {
          // "65-99 mg/dL": the unit printed with the range, when there is no column of its own.
          const withUnit = RANGE_WITH_UNIT.exec(range);
          if (withUnit) {
            range = withUnit[1]!.trim();
            unit = withUnit[2]!.trim();
          }
        }
        results.push({ analyte: name, value, unit, range, flag, date: context.date, lab: context.lab, page });
      }
    }
  }
  return results;
}
