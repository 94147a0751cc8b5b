/**
 * Lab results read from a lab report PDF's text layer, whatever lab, hospital or portal printed it.
 * pdf.js gives every run of text its position; runs on one baseline make a line (a run holding wide
 * gaps, as a monospace printout's line does, is cut at them; runs that touch, as a ligature splits a
 * word, are joined). A line whose cells read like a results table's header (Test, Result, Your Value,
 * Flag, Units, Reference Interval, Standard Range...) gives the columns; columns it does not know
 * (a previous result, the performing lab) are read past. Each line under it whose test and result
 * cells are filled is one result, every field taken from its own cell as printed: a flag printed after
 * the value ("12.46 H"), a unit printed with the value or the range ("140 mmol/L") are taken apart.
 * Two tables side by side are read as two; a table that goes on over pages keeps its columns. Reports
 * that print one result per line ("Hemoglobin: 13.5 g/dL (Reference: 12.0-15.5) Low") are read too.
 * Each result is dated by the collection date printed above its table or line (a portal printout
 * gathers several days), never by a printing date. Nothing is inferred: a row whose result is not a
 * number or a result word is not a result, and a field that is not on the page stays empty.
 */
import * as chrono from 'chrono-node';
import { isoDate } from '../../shared/dates.ts';
import type { LabInput } from './normalize.ts';
import { linesOf, splitAcross } from '../media/pdf-lines.ts';
import type { Line, PageRuns, Piece } from '../media/pdf-lines.ts';


/** `outside`: a value in an "Out of range" column; `other`: a column read past (a previous result, the performing lab). */
type Role = 'name' | 'value' | 'outside' | 'flag' | 'unit' | 'range' | 'other';

interface Column {
  readonly role: Role;
  readonly x0: number;
}

/** One table: its columns, left to right, where it starts and ends across the page, and the day its samples were collected. */
interface Table {
  readonly columns: readonly Column[];
  readonly left: number;
  readonly right: number;
  readonly date: string | null;
  /** A title over a table that names no test column (a portal's card per test): the name of its one row. */
  title: string | null;
  /** The line last read into it, and the result it made (a wrapped row's next line joins it). */
  last: { readonly page: number; readonly y: number; readonly cells: Partial<Record<Role, string>>; readonly result: LabInput | null } | null;
}

const HEADERS: readonly [Role, RegExp][] = [
  ['name', /^(tests?( name)?|analyte|component|components|description|test description|procedure|determination|parameter|investigation|exam|lab test)$/i],
  ['value', /^(results?|value|your value|result value|observed( value)?|patient value|in range|within range|current result( and flag)?|result and flag|results? \/ flag)$/i],
  ['outside', /^(out of range|outside range|abnormal result)$/i],
  ['flag', /^(flags?|abn(ormal)?|a\/n|h\/l|status|abnormal flag|indicator)$/i],
  ['unit', /^(units?|uom|unit of measure)$/i],
  [
    'range',
    /^(ref(erence|\.)? ?(range|interval|values?|limits?)?|normal( range| values?| limits?)?|standard range|expected( range| values?)?|range|reference|biological reference interval)$/i,
  ],
  ['other', /^(lab|site|performing (lab|site)|loinc|code|comments?|notes?|previous( results?)?( and date)?|prior results?|last results?|date|time|specimen)$/i],
];

/** Words a lab reports as a result (qualitative tests). A pending test has no result yet: it is not one. */
const RESULT_WORDS =
  /^(negative|positive|non-?reactive|reactive|not detected|detected|none detected|trace|small|moderate|large|few|many|rare|normal|abnormal|none seen|present|absent|clear|cloudy|hazy|turbid|yellow|straw|amber|indeterminate|equivocal|[1-4]\+)$/i;

const NUMBER = /^(<=|>=|<|>|≤|≥)?\s*[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^(<=|>=|<|>|≤|≥)?\s*[-+]?\.\d+$/;

/** A flag printed after a value or a result word ("7.6 H", "2.1 L*", "123 (H)", "5.3 High", "Positive A"). */
const TRAILING_FLAG = /^(.*?\S)\s+\(?(HH|LL|H|L|A|AA|High|Low|Abnormal|Critical( High| Low)?|CRIT( HI| LO)?|HI|LO|ABN|H\*|L\*|!{1,2})\)?$/i;

/** A number and the unit printed after it in one cell: "140 mmol/L", "5.5 10*3/uL", ">60 mL/min/1.73m2". */
const VALUE_WITH_UNIT = /^((?:<=|>=|<|>|≤|≥)?\s*[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s+(\S+(?: \S+)?)$/;

/** A range with its unit after it: "65-99 mg/dL", "> OR = 60 mL/min/1.73m2", "<200 mg/dL". */
const RANGE_WITH_UNIT = /^(.*?\d(?:\.\d+)?)\s+([^\d\s(][^\s]*)$/;

/** A collection date's label, the date after it. */
const COLLECTED = /\b(collected|collection date|collection time|date collected|date\/time collected|specimen collected|date of collection|coll\.? date|drawn|date drawn|specimen date)\b[\s:·\-–—,]*(on\s+)?(.{6,40})/i;

/** "Hemoglobin: 13.5 g/dL (Reference: 12.0-15.5) Low": one result per line, with its range labelled. */
const ONE_LINE = new RegExp(
  String.raw`^(?<name>[A-Za-z][^:]{1,60}?):\s+(?<value>(?:<=|>=|<|>)?\s*[-+]?\d[\d,]*(?:\.\d+)?|[A-Za-z][A-Za-z ]{1,20}?|[1-4]\+)(?:\s+(?<unit>[^\s(]+))?\s+\((?:reference|ref(?:erence)?\.?(?: range| interval)?|normal(?: range)?|standard range|range|expected)\s*:?\s*(?<range>[^)]+)\)(?:\s+(?<flag>[A-Za-z!*]+(?: [A-Za-z]+)?))?$`,
  'i',
);

function roleOf(text: string): Role | undefined {
  const t = text.replace(/[:*]/g, '').replace(/\s+/g, ' ').trim();
  return HEADERS.find(([, pattern]) => pattern.test(t))?.[0];
}

/**
 * A header whose titles wrap ("Reference / Interval", "Previous Result and / Date") is printed on two
 * or three baselines close together: the line with the titles stacked into one, column by column, and
 * the lines it took them from. A line that is no such header comes back as it is.
 */
function headerLines(lines: readonly Line[], i: number): { line: Line; parts: Line[] } {
  const line = lines[i]!;
  const near = lines.filter((other, j) => j !== i && Math.abs(j - i) <= 2 && Math.abs(other.y - line.y) <= line.size * 1.6);
  if (near.length === 0 || [line, ...near].some((l) => l.cells.some((c) => c.text.length > 40 || NUMBER.test(c.text)))) return { line, parts: [] };
  const columns: Piece[][] = [];
  for (const l of [line, ...near].sort((a, b) => b.y - a.y)) {
    for (const cell of l.cells) {
      const column = columns.find((col) => col.some((c) => cell.x0 < c.x1 && c.x0 < cell.x1));
      if (column) column.push(cell);
      else columns.push([cell]);
    }
  }
  const cells = columns
    .map((col) => ({ x0: Math.min(...col.map((c) => c.x0)), x1: Math.max(...col.map((c) => c.x1)), text: col.map((c) => c.text).join(' ') }))
    .sort((a, b) => a.x0 - b.x0);
  const stacked: Line = { y: line.y, size: line.size, cells, pieces: cells, text: cells.map((c) => c.text).join('  ') };
  const single = tablesOf(line, Infinity, null);
  const merged = tablesOf(stacked, Infinity, null);
  const columnsOf = (tables: Table[]) => tables.reduce((n, t) => n + t.columns.length, 0);
  return columnsOf(merged) > columnsOf(single) ? { line: stacked, parts: near } : { line, parts: [] };
}

/** The tables a header line starts: one, or two side by side when the roles repeat. */
function tablesOf(line: Line, pageRight: number, date: string | null): Table[] {
  if (line.cells.length < 2 || line.cells.some((c) => c.text.length > 40)) return [];
  const roles = line.cells.map((cell) => roleOf(cell.text) ?? 'other');
  const known = roles.filter((r) => r !== 'other').length;
  const groups: Column[][] = [[]];
  line.cells.forEach((cell, i) => {
    const role = roles[i]!;
    let group = groups.at(-1)!;
    if (role !== 'other' && group.some((c) => c.role === role)) groups.push((group = []));
    group.push({ role, x0: cell.x0 });
  });
  const isTable = (g: Column[]) => g.some((c) => c.role === 'value' || c.role === 'outside') && g.some((c) => c.role === 'unit' || c.role === 'range');
  // A header names at least three columns it knows, or two with its first column unnamed (the panel's title there).
  if (known < 2 || !groups.every(isTable)) return [];
  return groups.map((columns, i) => {
    const named = columns.some((c) => c.role === 'name');
    const left = columns[0]!.x0 - line.size;
    // No "Test" title: the test names are what stands left of the first column it names.
    const withName = named ? columns : [{ role: 'name' as const, x0: i === 0 ? 0 : left }, ...columns];
    return {
      columns: withName,
      left: named ? left : i === 0 ? 0 : left,
      right: i + 1 < groups.length ? groups[i + 1]![0]!.x0 - line.size : pageRight,
      date,
      title: null,
      last: null,
    };
  });
}

/** The cell of each role in a row of `table`: each piece to the column it starts in. */
function cellsFor(table: Table, line: Line): Partial<Record<Role, string>> {
  const out: Partial<Record<Role, string>> = {};
  const tolerance = line.size * 0.6;
  for (const piece of line.pieces.flatMap((p) => splitAcross(p, table.columns, tolerance))) {
    if (piece.x0 < table.left || piece.x0 >= table.right) continue;
    let column: Column | undefined;
    for (const c of table.columns) if (piece.x0 >= c.x0 - tolerance) column = c;
    column ??= table.columns[0];
    if (!column) continue;
    out[column.role] = out[column.role] ? `${out[column.role]} ${piece.text}` : piece.text;
  }
  return out;
}

function isResult(value: string): boolean {
  return NUMBER.test(value.replace(/\s+/g, '')) || NUMBER.test(value) || RESULT_WORDS.test(value);
}

/** The day of a collection date printed on the line, if it has one. */
function collectionDate(text: string, reference: Date = new Date()): string | null {
  const m = COLLECTED.exec(text);
  if (!m) return null;
  for (const result of chrono.strict.parse(m[3]!, reference)) {
    const c = result.start;
    if (!c.isCertain('day') || !c.isCertain('month') || !c.isCertain('year')) continue;
    return isoDate(c.get('year') ?? 0, c.get('month') ?? 0, c.get('day') ?? 0);
  }
  return null;
}

/** A result's value cell taken apart: the value, a flag printed after it, a unit printed with it. */
function valueCell(text: string, unitColumn: boolean): { value: string; flag: string | null; unit: string | null } | null {
  let value = text.trim();
  let flag: string | null = null;
  let unit: string | null = null;
  const splitUnit = () => {
    const m = VALUE_WITH_UNIT.exec(value);
    if (!unitColumn && m && /[A-Za-z%µ/*]/.test(m[2]!)) {
      value = m[1]!;
      unit = m[2]!;
    }
  };
  if (!isResult(value)) {
    const trailing = TRAILING_FLAG.exec(value);
    if (trailing) {
      value = trailing[1]!;
      flag = trailing[2]!;
    }
    if (!isResult(value)) splitUnit();
  }
  if (!isResult(value)) return null;
  return { value, flag, unit };
}

/** A range cell without the unit printed after it ("3.4 - 10.8 10*3/uL" beside "5.5 10*3/uL"). */
function rangeCell(text: string | undefined, unit: string | null, unitColumn: boolean): { range: string | null; unit: string | null } {
  const range = text?.trim() || null;
  if (!range) return { range, unit };
  if (unit && range.endsWith(` ${unit}`)) return { range: range.slice(0, -unit.length - 1).trim(), unit };
  if (!unit && !unitColumn) {
    const withUnit = RANGE_WITH_UNIT.exec(range);
    if (withUnit) return { range: withUnit[1]!.trim(), unit: withUnit[2]!.trim() };
  }
  return { range, unit };
}

/** A name cell that is a test's name (not a number, a date, a label). */
function isTestName(name: string): boolean {
  return /\p{L}/u.test(name) && !/^[\d.,\s<>=]+$/.test(name) && !/:$/.test(name);
}

/** How far below a row a line still continues it (its cells wrapped), in font sizes: closer than rows are to each other. */
const CONTINUATION = 1.3;

type Cells = Partial<Record<Role, string>>;

/**
 * Two lines' cells as one row, the upper line's text first. A cell wrapped after a hyphen or a slash
 * ("25-" / "Hydroxy", "Antigen/" / "Antibody") was one word, and so was a unit wrapped in a narrow column.
 */
function mergeCells(upper: Cells, lower: Cells): Cells {
  const out: Cells = { ...upper };
  for (const [role, text] of Object.entries(lower) as [Role, string][]) {
    const above = out[role];
    const joined = role === 'unit' || /[-/_({]$/.test(above ?? '') || /^[)}/]/.test(text);
    out[role] = above ? `${above}${joined ? '' : ' '}${text}` : text;
  }
  return out;
}

/** A line continues a row when it only adds to cells the row already has. */
function continues(row: Cells, line: Cells): boolean {
  return (Object.entries(line) as [Role, string][]).every(([role, text]) => !!row[role] && text.length <= 30);
}

/**
 * The title of a card that holds one test (its name, over a "Your value / Standard range" table):
 * the nearest line above the header that is one short cell and no label, date or heading of a page.
 */
function titleAbove(lines: readonly Line[], header: number): string | null {
  for (let j = header - 1; j >= Math.max(0, header - 3); j--) {
    const line = lines[j]!;
    if (line.y - lines[header]!.y > line.size * 4) return null;
    const text = line.text.trim();
    if (line.cells.length !== 1 || text.length > 60 || /:|\d{1,2}[/-]\d{1,2}[/-]\d{2,4}/.test(text) || COLLECTED.test(text)) continue;
    return isTestName(text) ? text : null;
  }
  return null;
}

/** One table row as a result, or null when it is none (no test name, no result). */
function resultOf(table: Table, cells: Cells, context: { date: string | null; lab: string | null }, page: number): LabInput | null {
  // A card's one row is named by the card's title, once.
  const titled = !cells.name?.trim() && table.title !== null;
  const name = titled ? table.title! : cells.name?.trim();
  const outside = !cells.value?.trim() && !!cells.outside?.trim();
  const raw = (cells.value ?? cells.outside)?.trim();
  if (!name || !raw || !isTestName(name)) return null;
  const unitColumn = table.columns.some((c) => c.role === 'unit');
  const read = valueCell(raw, unitColumn);
  if (!read) return null;
  let flag = cells.flag?.trim() || read.flag;
  // In an "Out of range" column with no letter, the column itself is the lab's flag.
  if (outside && !flag) flag = 'A';
  const { range, unit } = rangeCell(cells.range, cells.unit?.trim() || read.unit, unitColumn);
  if (titled) table.title = null;
  return { analyte: name, value: read.value, unit, range, flag, date: table.date ?? context.date, lab: context.lab, page };
}

/** Every result row of every results table on the pages, and every one-line result, with its page. */
export function readLabTables(pages: readonly PageRuns[], context: { date: string | null; lab: string | null; reference?: Date }): LabInput[] {
  const reference = context.reference ?? new Date();
  const results: LabInput[] = [];
  let tables: Table[] = [];
  // The latest collection date printed, which dates the tables and lines under it.
  let collected: string | null = null;
  for (const { page, runs, width } of pages) {
    const lines = linesOf(runs);
    const consumed = new Set<Line>();
    for (const [i, line] of lines.entries()) {
      if (consumed.has(line)) continue;
      collected = collectionDate(line.text, reference) ?? collected;
      const header = headerLines(lines, i);
      const headed = tablesOf(header.line, width, collected ?? context.date);
      if (headed.length) {
        tables = headed;
        for (const part of header.parts) consumed.add(part);
        const unnamed = headed.length === 1 && headed[0]!.columns[0]!.x0 === 0;
        if (unnamed) headed[0]!.title = titleAbove(lines, i);
        continue;
      }
      const oneLine = ONE_LINE.exec(line.text.replace(/\s+/g, ' ').trim())?.groups;
      if (oneLine && isTestName(oneLine.name!)) {
        let value = oneLine.value!.trim();
        let unit = oneLine.unit?.trim() || null;
        // "Not detected": a result of two words, not a word and its unit.
        if (!isResult(value) && unit && isResult(`${value} ${unit}`)) {
          value = `${value} ${unit}`;
          unit = null;
        }
        if (isResult(value)) {
          results.push({ analyte: oneLine.name!.trim(), value, unit, range: oneLine.range!.trim(), flag: oneLine.flag ?? null, date: collected ?? context.date, lab: context.lab, page });
          continue;
        }
      }
      for (const table of tables) {
        const cells = cellsFor(table, line);
        if (Object.keys(cells).length === 0) continue;
        const last = table.last;
        const close = last !== null && last.page === page && last.y - line.y <= line.size * CONTINUATION;
        table.last = { page, y: line.y, cells, result: null };
        if (close && !last.result) {
          // The row above had no result of its own: its cells wrapped onto this line ("HIV-1/2 Antigen/ | Not"
          // over "Antibody | detected"), or a centred cell sits between its lines.
          const merged = mergeCells(last.cells, cells);
          const result = resultOf(table, merged, context, page);
          if (result) {
            results.push(result);
            table.last = { page, y: line.y, cells: merged, result };
            continue;
          }
          table.last = { page, y: line.y, cells: merged, result: null };
        }
        if (close && last.result && !cells.value && !cells.outside && continues(last.cells, cells)) {
          // The rest of the row's wrapped cells: a long name, a unit or a flag on a second line.
          const merged = mergeCells(last.cells, cells);
          const result = resultOf(table, merged, context, page);
          if (result) {
            results[results.indexOf(last.result)] = result;
            table.last = { page, y: line.y, cells: merged, result };
            continue;
          }
        }
        const result = resultOf(table, cells, context, page);
        if (result) {
          results.push(result);
          table.last = { page, y: line.y, cells, result };
        }
      }
    }
  }
  return results;
}
