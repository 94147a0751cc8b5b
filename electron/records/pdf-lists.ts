/**
 * Medications and allergies read from a PDF's lists: a clinic's medication list, a discharge
 * medication reconciliation, the "Current Medications" and "Allergies" sections of a note. Read from
 * the positioned text (electron/media/pdf-lines.ts): a section begins at its heading ("Current
 * Medications", "Start taking these medications", "Allergies") and holds a table (Medication | Dose |
 * Directions..., Allergen | Reaction...) or one entry per line ("aspirin 81 mg tablet - 1 tablet by
 * mouth daily", "Penicillin (hives); latex (rash)"). Each entry keeps its page and waits, unconfirmed,
 * until the person checks it beside the page, as lab values do. "No known drug allergies" is no allergy.
 */
import type { RecordInput } from '../library/records.ts';
import { linesOf, splitAcross } from '../media/pdf-lines.ts';
import type { Line, PageRuns } from '../media/pdf-lines.ts';

type Kind = 'medication' | 'allergy';

const MEDICATION_HEADING =
  /^(?:(?:patient|current|active|home|discharge|outpatient|inpatient|your|my|new|other)\s+)*(?:(?:continue|start|stop|resume) (?:taking )?(?:these |the following )?)?(?:medications?|medicines|meds)(?: list| summary| reconciliation| at discharge)?\s*:?$/i;
const ALLERGY_HEADING = /^(?:known |drug |medication )?(allergies|allergy list|allergies\/intolerances|allergies and (?:adverse )?reactions|adverse reactions)\s*:?$/i;
/** A heading that ends a list: another section of a note. */
const OTHER_HEADING =
  /^(assessment|plan|assessment and plan|impression|history|past medical history|social history|family history|review of systems|physical exam(ination)?|vital signs|diagnos[ie]s|problems?|problem list|procedures?|labs?|results|immunizations|follow[- ]?up|instructions|hospital course|condition at discharge|signature|comments?|notes?)\s*:?$/i;

const NO_ALLERGIES = /\b(no known (drug |medication )?allergies|NKDA|NKA|no allergies)\b/i;
/** A strength or a dose form: what makes a line a medication. */
const DOSE = /\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|mL|ml|units?|IU|%|mEq|mmol)\b|\b(?:tablets?|capsules?|inhaler|patch|injection|solution|suspension|cream|ointment|drops|spray)\b/i;

const NAME_HEADERS = /^(medications?|medicines?|drugs?|medication name|name|allergens?|allerg(y|ies)|substance|agent)$/i;
const DETAIL_HEADERS = /^(dose|dosage|strength|sig|directions|instructions|how to take|route|frequency|amount|reaction|reactions|severity|type)$/i;
const STATUS_HEADERS = /^(status|action|change)$/i;
/** Columns read past: who prescribed it, when, why. */
const OTHER_HEADERS = /^(prescriber|prescribed( by)?|start( date)?|started|last (filled|dose|reviewed)|reason|indication|for|date|notes?|comments?|pharmacy|refills|quantity|onset)$/i;

interface ListColumn {
  readonly role: 'name' | 'detail' | 'status' | 'other';
  /** Where the column's cells start (the header's start, or where the cells under a centred header start). */
  x0: number;
  readonly x1: number;
  readonly title: string;
}

function columnsOf(line: Line): ListColumn[] | null {
  if (line.cells.length < 2 || line.cells.some((c) => c.text.length > 30)) return null;
  const columns = line.cells.map((c): ListColumn | null => {
    const t = c.text.replace(/:$/, '').trim();
    if (NAME_HEADERS.test(t)) return { role: 'name', x0: c.x0, x1: c.x1, title: t };
    if (DETAIL_HEADERS.test(t)) return { role: 'detail', x0: c.x0, x1: c.x1, title: t };
    if (STATUS_HEADERS.test(t)) return { role: 'status', x0: c.x0, x1: c.x1, title: t };
    if (OTHER_HEADERS.test(t)) return { role: 'other', x0: c.x0, x1: c.x1, title: t };
    return null;
  });
  if (columns.some((c) => c === null)) return null;
  const known = columns as ListColumn[];
  return known[0]!.role === 'name' && known.some((c) => c.role !== 'name') ? known : null;
}

/**
 * Headers are often centred over their columns: where the cells under them start (the left edges the
 * rows below share) is where each column starts. Each header takes the start of the cells whose span
 * its centre falls in.
 */
function snapColumns(columns: ListColumn[], rows: readonly Line[]): void {
  const edges: number[] = [];
  for (const row of rows) for (const cell of row.cells) if (!edges.some((e) => Math.abs(e - cell.x0) < row.size * 0.6)) edges.push(cell.x0);
  edges.sort((a, b) => a - b);
  if (edges.length < 2) return;
  for (const column of columns) {
    const centre = (column.x0 + column.x1) / 2;
    const start = edges.filter((e) => e <= centre + 1).at(-1);
    if (start !== undefined && (column === columns[0] || start > columns[columns.indexOf(column) - 1]!.x0)) column.x0 = Math.min(column.x0, start);
  }
}

function fieldsOf(columns: readonly ListColumn[], line: Line): Map<ListColumn, string> {
  const out = new Map<ListColumn, string>();
  const tolerance = line.size * 0.6;
  for (const piece of line.pieces.flatMap((p) => splitAcross(p, columns, tolerance))) {
    let column: ListColumn | undefined;
    for (const c of columns) if (piece.x0 >= c.x0 - tolerance) column = c;
    column ??= columns[0]!;
    out.set(column, out.has(column) ? `${out.get(column)} ${piece.text}` : piece.text);
  }
  return out;
}

/** "aspirin 81 mg EC tablet - 1 tablet by mouth daily" -> name and directions; "aspirin 81 mg daily" -> "aspirin 81 mg", "daily". */
function medicationEntry(text: string): { name: string; detail: string | null } | null {
  const entry = text.replace(/^[\s•·*\-–—\d.)]+/, '').replace(/[.;,]\s*$/, '').trim();
  if (!/^\p{L}/u.test(entry) || !DOSE.test(entry) || entry.length > 200) return null;
  const split = /^(.+?)\s+[-–—:]\s+(.+)$/.exec(entry);
  if (split) return { name: split[1]!.trim(), detail: split[2]!.trim() };
  const strength = /^(.*?\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|mL|ml|units?|IU|%|mEq|mmol)\b(?:\s+(?:EC|ER|XL|SR|DR|ODT|SL|HCl))*(?:\s+(?:tablets?|capsules?|inhaler|patch|solution|suspension|cream|ointment|drops|spray))?)(?:\s+(.+))?$/i.exec(entry);
  if (strength) return { name: strength[1]!.trim(), detail: strength[2]?.trim() || null };
  return { name: entry, detail: null };
}

/** "Penicillin (hives)", "Latex: itching", "Sulfa antibiotics - rash" -> the allergen and the reaction. */
function allergyEntry(text: string): { name: string; detail: string | null } | null {
  const entry = text.replace(/^[\s•·*\-–—\d.)]+/, '').replace(/[.;,]\s*$/, '').trim();
  if (!/^\p{L}/u.test(entry) || entry.length > 120 || NO_ALLERGIES.test(entry)) return null;
  const paren = /^(.+?)\s*\((.+)\)$/.exec(entry);
  if (paren) return { name: paren[1]!.trim(), detail: paren[2]!.trim() };
  const split = /^(.+?)\s*(?::|\s[-–—]\s)\s*(.+)$/.exec(entry);
  if (split) return { name: split[1]!.trim(), detail: split[2]!.trim() };
  return entry.split(/\s+/).length <= 4 ? { name: entry, detail: null } : null;
}

/** A labelled detail of the page ("Patient: …", "As of: …", "Printed: …"), never an entry. */
const FIELD_LINE = /^(patient|name|dob|date of birth|birth date|date|as of|last reviewed|reviewed( by)?|printed|page|mrn|provider|prescriber|pharmacy|signed|allergies reviewed|updated|account)\b[^:]{0,20}:/i;

/** Items of a line that lists several: "aspirin 81 mg daily; ticagrelor 90 mg twice daily". */
function items(text: string): string[] {
  return text.split(/;\s+/).map((t) => t.trim()).filter(Boolean);
}

/** Every medication and allergy the document's lists hold, each with its page. */
export function readMedicationLists(pages: readonly PageRuns[]): RecordInput[] {
  const found: RecordInput[] = [];
  const seen = new Set<string>();
  const add = (kind: Kind, entry: { name: string; detail: string | null } | null, page: number, status: string | null) => {
    if (!entry || !/\p{L}{2}/u.test(entry.name) || FIELD_LINE.test(`${entry.name}:`)) return;
    const key = `${kind}|${entry.name.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ kind, name: entry.name, codes: [], detail: entry.detail, status, page });
  };
  /** The list being read, and how many lines it has gone without an entry (details under its heading). */
  let section: { kind: Kind; status: string | null; entries: number; idle: number } | null = null;
  let columns: ListColumn[] | null = null;
  /** The table row being read: its cells so far, and where its last line was. */
  let row = null as { page: number; y: number; fields: Map<ListColumn, string>; named: boolean } | null;
  const flush = () => {
    if (!row || !columns || !section) return;
    const fields = row.fields;
    row = null;
    const name = [...fields].find(([c]) => c.role === 'name')?.[1];
    // A row is its name and at least one other cell; a name alone is a note under the table.
    if (!name || fields.size < 2 || NO_ALLERGIES.test(name)) return;
    const details = columns.filter((c) => c.role === 'detail' && fields.get(c)).map((c) => fields.get(c)!);
    const status = columns.filter((c) => c.role === 'status' && fields.get(c)).map((c) => fields.get(c)!)[0] ?? section.status;
    const strength = details.find((d) => DOSE.test(d) && !/\b(by mouth|daily|take|twice|once)\b/i.test(d));
    const entry =
      section.kind === 'medication'
        ? { name: strength && !DOSE.test(name) ? `${name} ${strength}` : name, detail: details.filter((d) => d !== strength).join('; ') || null }
        : { name, detail: details.join('; ') || null };
    if (section.kind === 'medication' && !/^\p{L}/u.test(entry.name)) return;
    const before = found.length;
    add(section.kind, entry, currentPage, section.kind === 'medication' ? (/^(continue|active|taking)$/i.test(status ?? '') ? 'active' : status) : null);
    if (found.length > before) section.entries++;
  };
  let currentPage = 1;

  for (const { page, runs } of pages) {
    const lines = linesOf(runs);
    for (const [i, line] of lines.entries()) {
      const text = line.text.replace(/\s+/g, ' ').trim();
      if (row?.page !== page || !columns) flush();
      currentPage = row?.page ?? page;
      // "Allergies: Penicillins (hives)." on one line, in any section.
      const inline = /^(?:allergies|drug allergies|allergies\/intolerances)\s*:\s*(.+)$/i.exec(text);
      if (inline) {
        flush();
        for (const item of inline[1]!.split(/;\s*|,\s+(?![^()]*\))/)) add('allergy', allergyEntry(item), page, null);
        section = { kind: 'allergy', status: null, entries: 1, idle: 0 };
        columns = null;
        continue;
      }
      if (MEDICATION_HEADING.test(text)) {
        flush();
        section = { kind: 'medication', status: /^stop/i.test(text) ? 'stopped' : 'active', entries: 0, idle: 0 };
        columns = null;
        continue;
      }
      if (ALLERGY_HEADING.test(text)) {
        flush();
        section = { kind: 'allergy', status: null, entries: 0, idle: 0 };
        columns = null;
        continue;
      }
      if (!section) continue;
      if (OTHER_HEADING.test(text)) {
        flush();
        section = null;
        continue;
      }
      const header = columnsOf(line);
      if (header) {
        flush();
        snapColumns(header, lines.slice(i + 1, i + 9));
        columns = header;
        continue;
      }
      if (columns) {
        // One run of text across the columns is a paragraph under the table ("No known drug allergies.",
        // "Reviewed with patient by …"): the table has ended.
        const across = line.pieces.length === 1 && columns.some((c) => c.x0 > line.pieces[0]!.x0 + line.size && c.x0 < line.pieces[0]!.x1 - line.size);
        if (across) {
          flush();
          columns = null;
        }
      }
      if (columns) {
        const fields = fieldsOf(columns, line);
        const hasName = [...fields].some(([c]) => c.role === 'name');
        // A row's cells may wrap, or sit centred between its other cells' lines: lines this close
        // together are one row, until a line brings a name of its own to a row that has one (a line
        // holding only some of the row's cells goes on with them: "Docusate / sodium", "100 / mg").
        const partial = row !== null && [...fields.keys()].every((c) => row!.fields.has(c)) && fields.size < row.fields.size;
        if (row && row.page === page && row.y - line.y <= line.size * 1.3 && (!(hasName && row.named) || partial)) {
          for (const [c, t] of fields) row.fields.set(c, row.fields.has(c) ? `${row.fields.get(c)}${/[-/]$/.test(row.fields.get(c)!) ? '' : ' '}${t}` : t);
          row.y = line.y;
          row.named ||= hasName;
          continue;
        }
        flush();
        row = { page, y: line.y, fields: new Map(fields), named: hasName };
        continue;
      }
      // A list without a table: an entry per line, or several on a line.
      let any = false;
      const field = FIELD_LINE.test(text);
      for (const item of field ? [] : items(text)) {
        const entry = section.kind === 'medication' ? medicationEntry(item) : NO_ALLERGIES.test(item) ? null : allergyEntry(item);
        if (entry) {
          add(section.kind, entry, page, section.status);
          any = true;
        }
      }
      if (any) {
        section.entries++;
        section.idle = 0;
      } else if (!NO_ALLERGIES.test(text)) {
        // A line that is no entry (a paragraph, a signature, a print stamp) ends the list; a few under
        // its heading before the first entry (the patient's name, "As of") do not.
        section.idle++;
        if (section.entries > 0 || section.idle > 4) section = null;
      }
    }
  }
  flush();
  return found;
}

