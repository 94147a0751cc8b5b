/**
 * The packet: one PDF a specialist can read in ten minutes. In order: a cover, a one-page summary, a
 * one-page timeline, medications/allergies/problems, lab results with trend charts, an index of the
 * enclosed documents whose rows are links, then every document (PDF pages as they are, pictures fitted
 * to the page, a page per imaging study, a clinical document's own text). Every page carries the
 * patient's name, date of birth and "page X of Y" (original pages get a strip added below them for
 * it, so nothing of theirs is covered);
 * each document is a bookmark and has page labels ("D3-1"); fonts are embedded; with a password the
 * PDF is encrypted with AES-256.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, degrees, rgb } from '@cantoo/pdf-lib';
import type { PDFImage, PDFPage, PDFRef } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { formatUnit } from '../../shared/format.ts';
import { said } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';
import { formatPersonName, sameAsPatient } from '../../shared/imaging.ts';
import type { CaseDetails } from '../../shared/case-types.ts';
import type { NarrativeSection } from '../../shared/narrative.ts';
import type { ClinicalRecord, LabResult } from '../../shared/records-types.ts';
import type { TimelineEntry } from '../../shared/timeline.ts';
import { packetText } from './i18n/index.ts';
import type { PacketText } from './i18n/index.ts';
import type { BundleDocument, CaseBundleInput } from './gather.ts';
import { FontSet } from '../media/fonts.ts';
import { ACCENT, ALERT, CONTENT_WIDTH, HEADER_ROW, INK, MARGIN, MUTED, PAGE, PageWriter, RULE, UNCHECKED, drawLine, fit } from './layout.ts';
import type { Column } from './layout.ts';
import { CHART, trendChart, valueText } from './chart.ts';
import { writeNarrative } from './narrative.ts';
import { installBlockStreamCopy, PdfOut } from './pdf-write.ts';
import { StructureTree } from './tags.ts';
import type { StructureElement } from './tags.ts';
import { readOriginal } from '../library/sealed.ts';
import type { OriginalRef } from '../library/sealed.ts';

export interface PagePictureSource {
  (file: OriginalRef, mediaType: string, page: number): Promise<{ jpeg: Uint8Array; width: number; height: number }>;
}

export interface PacketOptions {
  readonly password?: string | null;
  /** Makes an upright JPEG of one page of a picture (HEIC, TIFF, a rotated photo); runs off the main thread. */
  readonly picture: PagePictureSource;
  readonly signal?: AbortSignal;
  /** Called as each document is added, with its number. */
  readonly onDocument?: (number: number, title: string) => void;
}

export interface PacketSection {
  readonly title: string;
  /** 0-based index of its first page. */
  readonly page: number;
}

export interface Packet {
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly sections: readonly PacketSection[];
  /** 0-based first page of each document, in the documents' order. */
  readonly documentStarts: readonly number[];
  /** Pages each document takes in the packet. */
  readonly documentPages: readonly number[];
  /** 0-based pages of the index of enclosed documents, with where each of its rows links to. */
  readonly indexLinks: readonly { readonly page: number; readonly document: number; readonly target: number }[];
  /** What the person should know about it, said in the window's language (the command line says the English). */
  readonly warnings: readonly Said[];
  /** Where the time went, in milliseconds (the bench prints it). */
  readonly timings: Readonly<Record<PacketPhase, number>>;
  /** The documents whose pages use fonts their files do not carry: why the packet cannot be PDF/A (archival PDF). */
  readonly fontsNotEmbedded: readonly { readonly document: number; readonly title: string; readonly fonts: readonly string[] }[];
}

/**
 * The fonts a PDF uses without carrying them (no font program in its descriptor): the reader draws them
 * with a font of its own, which PDF/A forbids. A Type 3 font draws its glyphs itself; a composite
 * (Type 0) font is judged by its descendant, which is a font object of its own.
 */
export function fontsNotEmbeddedIn(source: PDFDocument): string[] {
  const names = new Set<string>();
  const name = (key: string) => PDFName.of(key);
  for (const [, object] of source.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.lookup(name('Type')) !== name('Font')) continue;
    const subtype = object.lookup(name('Subtype'));
    if (subtype === name('Type3') || subtype === name('Type0')) continue;
    const descriptor = object.lookup(name('FontDescriptor'));
    const embedded = descriptor instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(name(k)));
    if (embedded) continue;
    const base = object.lookup(name('BaseFont'));
    names.add(base instanceof PDFName ? base.decodeText() : 'a font without a name');
  }
  return [...names].sort();
}

/** The parts of making a packet, timed apart: what the bench prints beside qpdf's bare merge. */
export type PacketPhase = 'ownPages' | 'pdfs' | 'photos' | 'stamps' | 'fonts' | 'write';

/** Adds the time since the last lap to a phase. */
function stopwatch() {
  const timings: Record<PacketPhase, number> = { ownPages: 0, pdfs: 0, photos: 0, stamps: 0, fonts: 0, write: 0 };
  let last = performance.now();
  return {
    timings,
    lap(phase: PacketPhase) {
      const now = performance.now();
      timings[phase] += now - last;
      last = now;
    },
  };
}

/** The strip added below an original page for the footer, in points. */
const FOOTER_STRIP = 24;

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

function personLine(input: CaseBundleInput, x: PacketText): string {
  return input.patient.dateOfBirth ? x.t('footer.person', { name: input.patient.name, date: x.date(input.patient.dateOfBirth) }) : input.patient.name;
}

/** A document's title as the packet lists it: a redacted copy says so. */
function titleOf(d: BundleDocument, x: PacketText): string {
  return d.redacted ? `${d.doc.title} (${x.t('redacted.mark')})` : d.doc.title;
}

/** The languages of a document other than the packet's, by name ("Spanish"); none when it is in the packet's. */
function otherLanguages(d: BundleDocument, x: PacketText): string[] {
  return (d.doc.languages ?? []).filter((l) => l !== x.language).map((l) => x.languageName(l));
}

/**
 * On the cover, when there is something to say: the language the patient speaks and whether an
 * interpreter is needed; the enclosed documents in other languages than the packet's (D3, D5 in Spanish);
 * and, for a packet not in English, that its own text is translated and the records are as written.
 */
async function languageBlock(w: PageWriter, input: CaseBundleInput, x: PacketText): Promise<void> {
  const { t } = x;
  const lines: string[] = [];
  if (input.patient.language) lines.push(t('cover.prefers', { language: x.languageName(input.patient.language) }));
  if (input.patient.interpreter) lines.push(t('cover.interpreter'));
  else if (input.patient.language && input.patient.language !== x.language) lines.push(t('cover.noInterpreter'));
  const byLanguage = new Map<string, number[]>();
  for (const d of input.documents) for (const l of d.doc.languages ?? []) if (l !== x.language) byLanguage.set(l, [...(byLanguage.get(l) ?? []), d.number]);
  for (const [language, numbers] of byLanguage) lines.push(t('cover.recordsIn', { language: x.languageName(language), documents: numbers.map((n) => `D${n}`).join(', ') }));
  if (x.language !== 'en') lines.push(t('cover.packetLanguage', { language: x.languageName(x.language) }));
  if (lines.length === 0) return;
  await w.paragraph(t('cover.language'), { size: 9, weight: 700, color: MUTED, before: 12 });
  await w.paragraph(lines.join(' '), { size: 10.5 });
}

function documentLine(d: BundleDocument, x: PacketText): string {
  return [d.date ? x.date(d.date) : x.t('index.undated'), x.type(d.type), titleOf(d, x)].join(' · ');
}

/** "Whether to proceed with an L4-L5 fusion, as Dr. Hale (Summit Spine) recommended on 3 Mar 2026." */
function decisionIn(details: CaseDetails, x: PacketText): string {
  const rec = details.recommendations[0];
  if (!rec) return details.condition ? `${details.title}: ${details.condition}.` : `${details.title}.`;
  const who = rec.facility ? `${rec.clinician} (${rec.facility})` : rec.clinician;
  // The procedure as written: lowering its first letter turned "L4-L5 posterior lumbar fusion" into "l4-L5 …".
  const procedure = rec.procedure.replace(/[.\s]+$/, '');
  return rec.date ? x.t('decision.whetherOn', { procedure, who, date: x.date(rec.date) }) : x.t('decision.whether', { procedure, who });
}

async function cover(w: PageWriter, input: CaseBundleInput, x: PacketText): Promise<{ page: PDFPage; contentsTop: number; contents: StructureElement | null }> {
  const { t } = x;
  const page = w.newPage();
  w.y -= 18;
  await w.paragraph(t('cover.kicker'), { size: 10, weight: 700, color: ACCENT });
  w.y -= 10;
  await w.paragraph(input.patient.name, { size: 26, weight: 700, lineHeight: 32, role: 'H1' });
  if (input.patient.dateOfBirth) await w.paragraph(t('cover.born', { date: x.date(input.patient.dateOfBirth) }), { size: 13, color: MUTED, before: 2 });
  if (input.patient.contact) await w.paragraph(input.patient.contact, { size: 11, before: 4 });
  await languageBlock(w, input, x);

  w.y -= 22;
  w.rule();
  w.y -= 4;
  await w.paragraph(t('cover.preparedFor'), { size: 9, weight: 700, color: MUTED, before: 8 });
  if (input.specialist) {
    await w.paragraph(input.specialist.name, { size: 15, weight: 700 });
    if (input.specialist.institution) await w.paragraph(input.specialist.institution, { size: 12 });
  } else {
    await w.paragraph(t('cover.aSpecialistIn', { specialty: x.specialty(input.details.specialty).toLocaleLowerCase(x.language) }), { size: 15, weight: 700 });
  }
  await w.paragraph(t('cover.decision'), { size: 9, weight: 700, color: MUTED, before: 16 });
  await w.paragraph(decisionIn(input.details, x), { size: 15, lineHeight: 20 });
  await w.paragraph(t('cover.case'), { size: 9, weight: 700, color: MUTED, before: 16 });
  await w.paragraph(input.details.condition ? `${input.details.title} (${input.details.condition})` : input.details.title, { size: 12 });
  await w.paragraph(t('cover.preparedOn'), { size: 9, weight: 700, color: MUTED, before: 16 });
  await w.paragraph(t('cover.prepared', { date: x.date(input.today), documents: input.documents.length }), { size: 11 });
  w.y -= 20;
  w.rule();
  await w.paragraph(t('cover.contents'), { size: 9, weight: 700, color: MUTED, before: 10 });
  // Its lines are drawn once every section's page is known; they are read here, after the cover.
  return { page, contentsTop: w.y, contents: w.element('TOC') };
}

async function summary(w: PageWriter, input: CaseBundleInput, x: PacketText): Promise<void> {
  const { t } = x;
  w.newPage();
  await w.heading(t('section.summary'), { size: 16 });
  const diagnosis = input.details.condition ?? (input.problems.filter((p) => !p.status || /active/i.test(p.status)).map((p) => p.name).join('; ') || null);
  const notStated = t('summary.notStated');
  await w.field(t('summary.diagnosis'), diagnosis ?? notStated);
  await w.field(t('summary.specialty'), x.specialty(input.details.specialty));
  if (input.details.recommendations.length === 0) {
    await w.heading(t('summary.recommendation'), { size: 12 });
    await w.paragraph(t('summary.noRecommendation'), { color: MUTED });
  }
  for (const [i, rec] of input.details.recommendations.entries()) {
    const total = input.details.recommendations.length;
    await w.heading(total > 1 ? t('summary.recommendationOf', { n: i + 1, total }) : t('summary.recommendation'), { size: 12 });
    await w.field(t('summary.recommended'), rec.procedure);
    await w.field(t('summary.by'), rec.facility ? `${rec.clinician}, ${rec.facility}` : rec.clinician);
    await w.field(t('summary.when'), rec.date ? x.date(rec.date) : t('summary.dateNotRecorded'));
    await w.field(t('summary.urgency'), rec.urgency ?? notStated);
    await w.field(t('summary.reasons'), rec.reasons ?? notStated);
    await w.field(t('summary.risks'), rec.risks ?? notStated);
    await w.field(t('summary.alternatives'), rec.alternatives ?? notStated);
  }
  await w.heading(t('summary.questions'), { size: 12, keep: 20 });
  if (input.details.questions.length === 0) await w.paragraph(t('summary.noQuestions'), { color: MUTED });
  for (const [i, q] of [...input.details.questions].sort((a, b) => a.position - b.position).entries()) {
    await w.paragraph(`${i + 1}.  ${q.text}`, { size: 10.5, before: 2, indent: 0 });
  }
  await w.heading(t('summary.priorities'), { size: 12, keep: 20 });
  if (input.details.priorities.length === 0) await w.paragraph(t('summary.noPriorities'), { color: MUTED });
  for (const p of input.details.priorities) await w.paragraph(`•  ${p}`, { size: 10.5, before: 2 });
}

/** Rows that fit on the timeline's one page at its row height. */
const TIMELINE_ROWS = 40;
/** Lines a timeline cell may take: more than any date, type or title needs (beyond, the last line ends in "…"). */
const MAX_TIMELINE_LINES = 12;

/** A timeline entry's title in the packet's language (a document's title is its own). */
function entryTitle(e: TimelineEntry, x: PacketText): string {
  const f = e.facts ?? {};
  if (e.kind === 'lab' && f.values !== undefined) return x.t('timeline.labs', { values: f.values, outOfRange: f.outOfRange ?? 0 });
  if (e.kind === 'recommendation' && f.procedure) return x.t('timeline.recommended', { procedure: f.procedure });
  if (e.kind === 'opinion' && f.stand) return f.procedure ? x.t('timeline.opinionOn', { stand: f.stand, procedure: f.procedure }) : x.t('timeline.opinion', { stand: f.stand });
  return e.title;
}

async function timelinePage(w: PageWriter, input: CaseBundleInput, x: PacketText): Promise<void> {
  const { t } = x;
  w.newPage();
  await w.heading(t('section.timeline'), { size: 16 });
  let entries = [...input.timeline];
  const labDays = entries.filter((e) => e.kind === 'lab');
  const notes: string[] = [];
  if (entries.length > TIMELINE_ROWS && labDays.length) {
    entries = entries.filter((e) => e.kind !== 'lab');
    notes.push(t('timeline.labsLeftOut', { days: labDays.length }));
  }
  if (entries.length > TIMELINE_ROWS) {
    const shown = entries.length - (TIMELINE_ROWS - 1);
    notes.push(t('timeline.earliestLeftOut', { entries: shown }));
    entries = entries.slice(shown);
  }
  // Said, never dropped silently: documents with no date have no place in a timeline.
  const undated = input.documents.filter((d) => !d.date).length;
  if (undated && entries.length) notes.push(t('timeline.undated', { documents: undated }));
  if (entries.length === 0) {
    await w.paragraph(t('timeline.none'), { color: MUTED });
    return;
  }
  const columns: Column[] = [{ width: 78 }, { width: 96 }, { width: 330 }];
  await w.row([t('timeline.date'), t('timeline.what'), t('timeline.details')], columns, HEADER_ROW);
  for (const e of entries) {
    const kind = t('timeline.kind', { kind: e.kind });
    const sent = e.kind === 'document' && e.type ? input.documents.find((d) => d.doc.id === e.documentId) : undefined;
    const what = sent ? x.type(sent.type) : kind;
    const title = entryTitle(e, x);
    const detail = e.detail ? `${title} — ${e.detail}` : title;
    // Wrapped, never cut off: a long document type or detail takes more lines.
    await w.row([x.date(e.date), what, detail], columns, { size: 8.5, maxLines: MAX_TIMELINE_LINES, colors: [undefined, undefined, e.flagged ? ALERT : undefined], weight: e.kind === 'recommendation' ? 700 : 400 });
  }
  if (notes.length) await w.paragraph(notes.join(' '), { size: 8.5, color: MUTED, before: 6 });
}

async function recordsSection(w: PageWriter, input: CaseBundleInput, x: PacketText): Promise<boolean> {
  const { t } = x;
  const leftOut = input.leftOutForRedaction.records;
  if (!input.medications.length && !input.allergies.length && !input.problems.length && !leftOut) return false;
  w.newPage();
  await w.heading(t('section.records'), { size: 16 });
  if (leftOut) await w.paragraph(t('redacted.records', { count: leftOut }), { size: 9, color: MUTED });
  const active = (r: ClinicalRecord) => !r.status || /active|unknown|^$/i.test(r.status);
  const ordered = (records: readonly ClinicalRecord[]) => [...records].sort((a, b) => Number(active(b)) - Number(active(a)) || (b.date ?? '').localeCompare(a.date ?? '') || a.name.localeCompare(b.name));
  const columns: Column[] = [{ width: 220 }, { width: 160 }, { width: 62 }, { width: 62 }];
  const table = async (title: string, records: readonly ClinicalRecord[], none: string, detailHeader: string) => {
    await w.heading(title, { size: 12, keep: 30 });
    if (!records.length) {
      await w.paragraph(none, { color: MUTED });
      return;
    }
    const header = [t('records.name'), detailHeader, t('records.status'), t('records.since')];
    await w.row(header, columns, HEADER_ROW);
    w.repeat = header;
    w.repeatColumns = columns;
    for (const r of ordered(records)) {
      // Read from a PDF's list and not yet checked by the patient: said so, as for lab values.
      const status = r.confirmed ? (r.status ?? '') : [r.status, t('records.unchecked')].filter(Boolean).join(' · ');
      await w.row([r.name, r.detail ?? '', status, r.date ? x.date(r.date) : ''], columns, {
        size: 9,
        color: active(r) ? INK : MUTED,
        ...(r.confirmed ? {} : { colors: [undefined, undefined, UNCHECKED, undefined], maxLines: 4 }),
      });
    }
    w.repeat = null;
  };
  // With entries left out for redaction, "none recorded" would not be true: none is listed, is.
  const none = (what: string) => t(leftOut ? 'records.noneOutsideRedacted' : 'records.none', { what });
  await table(t('records.allergies'), input.allergies, none('allergies'), t('records.reaction'));
  await table(t('records.medications'), input.medications, none('medications'), t('records.doseAndDirections'));
  await table(t('records.problems'), input.problems, none('problems'), t('records.details'));
  return true;
}

/** A unit as people read it (10⁶/µL), or with a caret (10^6/µL) where the fonts lack the superscript. */
async function unitText(fonts: FontSet, ucum: string | null, printed: string | null): Promise<string> {
  const nice = formatUnit(ucum) || (printed ?? '');
  if (await fonts.covers(nice)) return nice;
  const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹⁻';
  return nice.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/g, (m) => `^${[...m].map((c) => '0123456789-'[SUP.indexOf(c)]).join('')}`);
}

async function labsSection(w: PageWriter, input: CaseBundleInput, x: PacketText): Promise<boolean> {
  const { t } = x;
  const leftOut = input.leftOutForRedaction.labs;
  if (!input.labs.length && !leftOut) return false;
  w.newPage();
  await w.heading(t('section.labs'), { size: 16 });
  if (leftOut) await w.paragraph(t('redacted.labs', { count: leftOut }), { size: 9, color: MUTED });
  if (!input.labs.length) return true;
  const byAnalyte = new Map<string, LabResult[]>();
  for (const lab of input.labs) byAnalyte.set(lab.analyte, [...(byAnalyte.get(lab.analyte) ?? []), lab]);
  const groups = [...byAnalyte.entries()].sort(([a], [b]) => a.localeCompare(b, x.language, { sensitivity: 'base' }));

  const trends = groups
    .map(([analyte, labs]) => {
      const unit = labs.find((l) => l.value.number !== null)?.unit ?? null;
      const points = labs.filter((l) => l.value.number !== null && l.date && l.unit === unit);
      return { analyte, unit, points };
    })
    .filter((t) => t.points.length > 1);
  if (trends.length) {
    await w.paragraph(t('labs.trends', { tests: trends.length }), { size: 9, color: MUTED });
    const perRow = 3;
    for (let i = 0; i < trends.length; i += perRow) {
      w.ensure(CHART.height + 10);
      w.y -= 8;
      const top = w.y;
      for (const [j, trend] of trends.slice(i, i + perRow).entries()) {
        const unit = await unitText(w.fonts, trend.unit, null);
        await w.fonts.prepare([trend.analyte, unit], 700);
        const points = trend.points.map((l) => t('labs.point', { value: valueText(l), date: x.date(l.date!) })).join('; ');
        const alt = unit ? t('labs.chartAltUnit', { analyte: trend.analyte, unit, points }) : t('labs.chartAlt', { analyte: trend.analyte, points });
        w.marked(w.element('Figure', null, alt), () => trendChart(w.page, w.fonts, x, { x: MARGIN.left + j * (CONTENT_WIDTH / perRow), top, title: trend.analyte, unit, labs: trend.points }));
      }
      w.y = top - CHART.height;
    }
    w.y -= 6;
  }

  const unchecked = input.labs.filter((l) => !l.confirmed).length;
  if (unchecked) {
    await w.paragraph(t('labs.unchecked', { count: unchecked }), { size: 9, color: UNCHECKED, before: 4 });
  }
  const columns: Column[] = [{ width: 116 }, { width: 62 }, { width: 60, align: 'right' }, { width: 56 }, { width: 80 }, { width: 50 }, { width: 80 }];
  await w.heading(t('labs.all'), { size: 12, keep: 30 });
  const header = [t('labs.test'), t('labs.date'), t('labs.value'), t('labs.unit'), t('labs.range'), t('labs.flag'), t('labs.from')];
  await w.row(header, columns, HEADER_ROW);
  w.repeat = header;
  w.repeatColumns = columns;
  const numbers = new Map(input.documents.map((d) => [d.doc.id, d.number]));
  const from = (lab: LabResult) => {
    const n = lab.source.documentId === null ? null : numbers.get(lab.source.documentId);
    const where = n === undefined || n === null ? t('labs.enteredByPatient') : lab.source.page ? t('labs.sourcePage', { document: n, page: lab.source.page }) : t('labs.source', { document: n });
    return lab.confirmed ? where : t('labs.notChecked', { source: where });
  };
  for (const [g, [analyte, labs]] of groups.entries()) {
    for (const [i, lab] of labs.entries()) {
      await w.row(
        [i === 0 ? analyte : '', lab.date ? x.date(lab.date) : '', valueText(lab), await unitText(w.fonts, lab.unit, lab.unitAsPrinted), lab.range?.text ?? '', t('labs.flagName', { flag: lab.flag || 'none' }), from(lab)],
        columns,
        {
          size: 8.5,
          maxLines: 3,
          shade: g % 2 === 1,
          colors: [undefined, undefined, lab.flag ? ALERT : undefined, undefined, undefined, lab.flag ? ALERT : undefined, lab.confirmed ? MUTED : UNCHECKED],
          weight: 400,
        },
      );
    }
  }
  w.repeat = null;
  return true;
}

interface IndexRow {
  /** The row's last cell in the structure tree, which its page number is drawn into. */
  readonly pageCell: StructureElement | null;
  readonly page: PDFPage;
  readonly pageIndex: number;
  readonly top: number;
  readonly height: number;
}

const INDEX_COLUMNS: Column[] = [{ width: 24 }, { width: 66 }, { width: 86 }, { width: 108 }, { width: 170 }, { width: 50, align: 'right' }];

async function indexSection(w: PageWriter, input: CaseBundleInput, x: PacketText): Promise<IndexRow[]> {
  const { t } = x;
  w.newPage();
  await w.heading(t('section.index'), { size: 16 });
  const redacted = input.documents.some((d) => d.redacted);
  await w.paragraph([t('index.intro'), ...(redacted ? [t('index.redacted', { mark: t('redacted.mark') })] : [])].join(' '), { size: 9, color: MUTED });
  w.y -= 4;
  const header = [t('index.number'), t('index.date'), t('index.type'), t('index.facility'), t('index.title'), t('index.page')];
  await w.row(header, INDEX_COLUMNS, HEADER_ROW);
  w.repeat = header;
  w.repeatColumns = INDEX_COLUMNS;
  const rows: IndexRow[] = [];
  for (const d of input.documents) {
    const others = otherLanguages(d, x);
    const title = others.length ? t('index.inLanguage', { title: titleOf(d, x), language: x.list(others) }) : titleOf(d, x);
    const box = await w.row([String(d.number), d.date ? x.date(d.date) : t('index.undated'), x.type(d.type), d.facility ?? '', title, ''], INDEX_COLUMNS, { size: 9, maxLines: 2, colors: [MUTED, undefined, undefined, undefined, ACCENT] });
    const last = box.element?.kids.at(-1);
    rows.push({ pageCell: last && 'role' in last ? last : null, page: box.page, pageIndex: w.doc.getPageCount() - 1, top: box.y + box.height, height: box.height });
  }
  w.repeat = null;
  return rows;
}

async function cannotShow(w: PageWriter, d: BundleDocument, why: string, x: PacketText): Promise<void> {
  w.newPage();
  await w.heading(d.doc.title, { size: 14 });
  await w.paragraph(documentLine(d, x), { color: MUTED });
  await w.paragraph(why, { before: 12 });
  if (d.bundlePath) await w.paragraph(x.t('document.originalIs', { path: d.bundlePath }), { before: 8 });
}

/** Fits a picture on a letter page (landscape for a wide picture), inside the margins and above the footer. */
function pictureBox(width: number, height: number): { pageSize: [number, number]; x: number; y: number; w: number; h: number } {
  const landscape = width > height * 1.15;
  const [pw, ph] = landscape ? [PAGE.height, PAGE.width] : [PAGE.width, PAGE.height];
  const boxW = pw - 2 * 36;
  const boxH = ph - 36 - (MARGIN.bottom - 8);
  const scale = Math.min(boxW / width, boxH / height);
  const w = width * scale;
  const h = height * scale;
  return { pageSize: [pw, ph], x: (pw - w) / 2, y: MARGIN.bottom - 8 + (boxH - h) / 2, w, h };
}

/** JPEG orientations that are turns (not mirror images), as the clockwise turn that shows them upright. */
const TURNS: Readonly<Record<number, 0 | 90 | 180 | 270>> = { 1: 0, 3: 180, 6: 90, 8: 270 };

/** Draws an original's picture as a figure of the tagged PDF (its alternate text says what it is). */
type FigureMarker = (page: PDFPage, draw: () => void) => void;

async function addPicture(doc: PDFDocument, image: PDFImage, width: number, height: number, turn: 0 | 90 | 180 | 270, figure: FigureMarker): Promise<PDFPage> {
  const upright = turn === 90 || turn === 270 ? { width: height, height: width } : { width, height };
  const box = pictureBox(upright.width, upright.height);
  const page = doc.addPage(box.pageSize);
  // Made a stream now rather than when the file is written, so its bytes can go out with the document's.
  await image.embed();
  // Drawn turned, so a phone photo's pixels go in as they are (no re-encoding) and show upright.
  const s = box.w / upright.width;
  const [iw, ih] = [width * s, height * s];
  figure(page, () => {
    if (turn === 0) page.drawImage(image, { x: box.x, y: box.y, width: iw, height: ih });
    if (turn === 90) page.drawImage(image, { x: box.x, y: box.y + box.h, width: iw, height: ih, rotate: degrees(-90) });
    if (turn === 180) page.drawImage(image, { x: box.x + box.w, y: box.y + box.h, width: iw, height: ih, rotate: degrees(180) });
    if (turn === 270) page.drawImage(image, { x: box.x + box.w, y: box.y, width: iw, height: ih, rotate: degrees(90) });
  });
  return page;
}

async function pictureDocument(doc: PDFDocument, d: BundleDocument, options: PacketOptions, figure: (page: number, pages: number) => FigureMarker): Promise<void> {
  const file = d.vaultPath!;
  const media = d.doc.mediaType;
  if (media === 'image/jpeg' || media === 'image/png') {
    const bytes = await readOriginal(file);
    const meta = await sharp(bytes).metadata();
    const turn = TURNS[meta.orientation ?? 1];
    if (turn !== undefined && meta.width && meta.height) {
      const image = media === 'image/jpeg' ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
      await addPicture(doc, image, image.width, image.height, turn, figure(1, 1));
      return;
    }
  }
  const pages = Math.max(1, d.doc.pages);
  for (let p = 1; p <= pages; p++) {
    throwIfCancelled(options.signal);
    const picture = await options.picture(file, media, p);
    const image = await doc.embedJpg(picture.jpeg);
    await addPicture(doc, image, picture.width, picture.height, 0, figure(p, pages));
  }
}

/** What the specialist is told when a study's files name another person or birth date than the patient's. */
function studyWarnings(study: NonNullable<BundleDocument['study']>, input: CaseBundleInput, x: PacketText): string[] {
  const { patient } = input;
  const warnings: string[] = [];
  if (!sameAsPatient(study.patientName, patient.name)) warnings.push(x.t('study.otherName', { name: formatPersonName(study.patientName), patient: patient.name }));
  if (study.patientBirthDate && patient.dateOfBirth && study.patientBirthDate !== patient.dateOfBirth) {
    warnings.push(x.t('study.otherBirthDate', { date: study.patientBirthDate, patient: patient.name, patientDate: patient.dateOfBirth }));
  }
  return warnings;
}

async function studyPage(w: PageWriter, d: BundleDocument, input: CaseBundleInput, x: PacketText): Promise<void> {
  const { t } = x;
  const study = d.study!;
  w.newPage();
  await w.heading(x.studyTitle(study.description, study.modalities), { size: 15 });
  await w.field(t('study.date'), study.studyDate ? x.date(study.studyDate) : t('study.notRecorded'));
  await w.field(t('study.kind'), study.modalities.map(x.modality).join(', ') || t('study.images'));
  if (study.institution) await w.field(t('study.institution'), study.institution);
  if (study.referringPhysician) await w.field(t('study.referredBy'), study.referringPhysician.replace(/\^+/g, ' ').trim());
  if (study.accessionNumber) await w.field(t('study.accession'), study.accessionNumber);
  await w.field(t('study.images'), t('study.files', { files: study.instances, series: study.series.length }));
  await w.field(t('study.uid'), study.studyInstanceUid, { size: 8.5 });
  for (const warning of studyWarnings(study, input, x)) await w.paragraph(t('study.note', { warning }), { color: ALERT, before: 4, size: 9.5 });
  await w.paragraph(input.reportsOnly ? t('study.reportsOnly') : t('study.withImages'), { before: 10, weight: 700, size: 10 });
  await w.heading(t('study.series'), { size: 12, keep: 30 });
  const columns: Column[] = [{ width: 40 }, { width: 100 }, { width: 280 }, { width: 84, align: 'right' }];
  await w.row([t('study.seriesNumber'), t('study.kind'), t('study.description'), t('study.images')], columns, HEADER_ROW);
  for (const s of study.series) {
    await w.row([s.number === null ? '' : String(s.number), x.modality(s.modality), [s.description, s.bodyPart].filter(Boolean).join(' · ') || '—', String(s.instances)], columns, { size: 9 });
  }
  const withPictures = study.series.filter((s) => d.thumbnails.has(s.id)).slice(0, 6);
  if (withPictures.length) {
    await w.heading(t('study.keyImages'), { size: 12, keep: 150 });
    const size = 150;
    const gap = (CONTENT_WIDTH - 3 * size) / 2;
    for (let i = 0; i < withPictures.length; i += 3) {
      w.ensure(size + 30);
      const top = w.y - 6;
      for (const [j, s] of withPictures.slice(i, i + 3).entries()) {
        const image = await w.doc.embedPng(d.thumbnails.get(s.id)!);
        const scale = Math.min(size / image.width, size / image.height);
        const cellX = MARGIN.left + j * (size + gap);
        const about = { number: s.number ?? '?', kind: x.modality(s.modality), description: s.description ?? '' };
        const caption = t(s.description ? 'study.captionDescribed' : 'study.caption', about);
        await w.fonts.prepare([caption]);
        w.marked(w.element('Figure', null, t(s.description ? 'study.keyImageAltDescribed' : 'study.keyImageAlt', about)), () => {
          w.page.drawRectangle({ x: cellX, y: top - size, width: size, height: size, color: rgb(0, 0, 0) });
          w.page.drawImage(image, { x: cellX + (size - image.width * scale) / 2, y: top - size + (size - image.height * scale) / 2, width: image.width * scale, height: image.height * scale });
          drawLine(w.page, w.fonts, fit(w.fonts, caption, 8, size), cellX, top - size - 11, { size: 8, color: MUTED });
        });
      }
      w.y = top - size - 20;
    }
  }
}

/** The readable text of a clinical document (C-CDA), or null for other downloads and files it cannot read. */
async function narrativeOf(d: BundleDocument): Promise<NarrativeSection[] | null> {
  if (d.doc.mediaType !== 'application/xml') return null;
  try {
    // Loaded only for a case that holds a clinical document: the C-CDA reader and its FHIR
    // converter are about 25 MB of a process's memory that a packet of PDFs and photos never needs.
    const { readCcda } = await import('../records/ccda.ts');
    const sections = readCcda((await readOriginal(d.vaultPath!)).toString('utf8')).sections;
    return sections.length ? sections : null;
  } catch {
    return null;
  }
}

async function recordFilePage(w: PageWriter, d: BundleDocument, sections: readonly PacketSection[], x: PacketText): Promise<void> {
  const { t } = x;
  w.newPage();
  await w.heading(d.doc.title, { size: 15 });
  await w.paragraph(documentLine(d, x), { color: MUTED });
  const gathered = [t('section.records'), t('section.labs')];
  const where = sections.filter((s) => gathered.includes(s.title)).map((s) => t('record.pageOf', { section: s.title, page: s.page + 1 }));
  const listed = where.length ? [t('record.gathered', { sections: x.list(where) })] : [];
  const fileIs = t('record.fileIs', { path: d.bundlePath ?? d.doc.originalName });
  const narrative = await narrativeOf(d);
  if (narrative) {
    await w.paragraph([t('record.narrative'), ...listed, fileIs].join(' '), { before: 8, size: 9, color: MUTED });
  } else {
    await w.paragraph([t('record.download', { mediaType: d.doc.mediaType }), ...listed, fileIs].join(' '), { before: 12 });
  }
  const text = d.doc.notes.trim();
  if (text) await w.paragraph(t('record.notes', { text }), { before: 8, color: MUTED });
  if (narrative) await writeNarrative(w, narrative);
}

function dictOf(doc: PDFDocument, entries: Record<string, unknown>): PDFDict {
  return doc.context.obj(entries as never) as unknown as PDFDict;
}

function textString(text: string): PDFHexString {
  return PDFHexString.fromText(text);
}

/** Bookmarks: the packet's sections, then "Enclosed documents" with one entry per document. */
function writeOutline(doc: PDFDocument, items: readonly { title: string; page: number; children?: { title: string; page: number }[] }[]): void {
  const context = doc.context;
  const outlinesRef = context.nextRef();
  const pageRef = (i: number) => doc.getPage(i).ref;
  const build = (list: readonly { title: string; page: number; children?: { title: string; page: number }[] }[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = list.map(() => context.nextRef());
    let count = list.length;
    list.forEach((item, i) => {
      const dict: Record<string, unknown> = {
        Title: textString(item.title),
        Parent: parent,
        Dest: [pageRef(item.page), PDFName.of('Fit')],
      };
      if (i > 0) dict.Prev = refs[i - 1];
      if (i < list.length - 1) dict.Next = refs[i + 1];
      if (item.children?.length) {
        const sub = build(item.children, refs[i]!);
        dict.First = sub.first;
        dict.Last = sub.last;
        dict.Count = PDFNumber.of(sub.count);
        count += sub.count;
      }
      context.assign(refs[i]!, dictOf(doc, dict));
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };
  const top = build(items, outlinesRef);
  context.assign(outlinesRef, dictOf(doc, { Type: PDFName.of('Outlines'), First: top.first, Last: top.last, Count: PDFNumber.of(top.count) }));
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Page labels: the packet's own pages i, ii, iii…; each document's pages "D3-1", "D3-2"… */
function writePageLabels(doc: PDFDocument, documentStarts: readonly number[]): void {
  const nums: unknown[] = [PDFNumber.of(0), dictOf(doc, { S: PDFName.of('r') })];
  documentStarts.forEach((start, i) => {
    nums.push(PDFNumber.of(start), dictOf(doc, { S: PDFName.of('D'), P: PDFString.of(`D${i + 1}-`), St: PDFNumber.of(1) }));
  });
  doc.catalog.set(PDFName.of('PageLabels'), dictOf(doc, { Nums: doc.context.obj(nums as never) }));
}

function addLink(doc: PDFDocument, page: PDFPage, rect: [number, number, number, number], target: number): void {
  const annotation = doc.context.register(
    dictOf(doc, {
      Type: PDFName.of('Annot'),
      Subtype: PDFName.of('Link'),
      Rect: rect.map((n) => PDFNumber.of(Math.round(n * 100) / 100)),
      Border: [0, 0, 0],
      Dest: [doc.getPage(target).ref, PDFName.of('Fit')],
    }),
  );
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(annotation);
  else page.node.set(PDFName.of('Annots'), doc.context.obj([annotation]));
}

/**
 * The footer: on the packet's own pages in their bottom margin; on an original page in a strip added
 * below its visible area (on the side that shows at the bottom, whatever the page's rotation).
 */
function stamp(page: PDFPage, fonts: FontSet, left: string, right: string, original: boolean): void {
  const angle = ((page.getRotation().angle % 360) + 360) % 360;
  const turn = (Math.round(angle / 90) * 90) % 360;
  const crop = page.getCropBox();
  let { x, y, width, height } = crop;
  if (original) {
    const media = page.getMediaBox();
    const grow = (box: { x: number; y: number; width: number; height: number }) => {
      if (turn === 0) return { ...box, y: box.y - FOOTER_STRIP, height: box.height + FOOTER_STRIP };
      if (turn === 90) return { ...box, width: box.width + FOOTER_STRIP };
      if (turn === 180) return { ...box, height: box.height + FOOTER_STRIP };
      return { ...box, x: box.x - FOOTER_STRIP, width: box.width + FOOTER_STRIP };
    };
    const m = grow(media);
    page.setMediaBox(m.x, m.y, m.width, m.height);
    const c = grow(crop);
    page.setCropBox(c.x, c.y, c.width, c.height);
    ({ x, y, width, height } = c);
    // The strip is white whatever lay outside the old crop box.
    const strip = turn === 0 ? { x, y, width, height: FOOTER_STRIP } : turn === 90 ? { x: x + width - FOOTER_STRIP, y, width: FOOTER_STRIP, height } : turn === 180 ? { x, y: y + height - FOOTER_STRIP, width, height: FOOTER_STRIP } : { x, y, width: FOOTER_STRIP, height };
    page.drawRectangle({ ...strip, color: rgb(1, 1, 1) });
  }
  // The visible page as a reader sees it: origin at its bottom-left, u along its bottom, v up.
  const frames = {
    0: { ox: x, oy: y, u: [1, 0], v: [0, 1], w: width },
    90: { ox: x + width, oy: y, u: [0, 1], v: [-1, 0], w: height },
    180: { ox: x + width, oy: y + height, u: [-1, 0], v: [0, -1], w: width },
    270: { ox: x, oy: y + height, u: [0, -1], v: [1, 0], w: height },
  } as const;
  const f = frames[turn as 0 | 90 | 180 | 270];
  const size = 7.5;
  const baseline = original ? 9 : 30;
  const margin = original ? 18 : MARGIN.left;
  const at = (a: number, b: number) => ({ x: f.ox + a * f.u[0] + b * f.v[0], y: f.oy + a * f.u[1] + b * f.v[1] });
  const draw = (text: string, a: number) => {
    let cursor = a;
    for (const run of fonts.runs(text)) {
      const p = at(cursor, baseline);
      page.drawText(run.text, { x: p.x, y: p.y, size, font: run.font, color: MUTED, rotate: degrees(turn) });
      cursor += run.font.widthOfTextAtSize(run.text, size);
    }
  };
  const rightWidth = fonts.width(right, size);
  const leftText = fit(fonts, left, size, Math.max(40, f.w - 2 * margin - rightWidth - 12));
  if (!original) {
    const a = at(margin, baseline + 11);
    const b = at(f.w - margin, baseline + 11);
    page.drawLine({ start: a, end: b, thickness: 0.4, color: RULE });
  }
  draw(leftText, margin);
  draw(right, f.w - margin - rightWidth);
}

installBlockStreamCopy();

/** The packet in memory (the export screen's preview reads it from there). */
export async function buildPacket(input: CaseBundleInput, options: PacketOptions): Promise<Packet> {
  const chunks: Uint8Array[] = [];
  const packet = await writePacket(input, options, async (chunk) => {
    chunks.push(chunk);
  });
  // A plain Uint8Array, not a Buffer: the preview's ranges are copies (slice), never views of the whole packet.
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ...packet, bytes };
}

/**
 * The packet written object by object to `write` (a file), the pages of originals and the photos as
 * soon as each document is in: the same bytes as buildPacket's, never all in memory.
 */
export async function writePacket(input: CaseBundleInput, options: PacketOptions, write: (chunk: Uint8Array) => Promise<void>): Promise<Omit<Packet, 'bytes'>> {
  const out = new PdfOut(write, !options.password);
  const { doc, layout, clock } = await composePacket(input, options, out);
  await out.finish(doc);
  clock.lap('write');
  return { ...layout, timings: clock.timings };
}

/** Everything but the writing: the document with its pages, tags and fonts, and where each part is. */
async function composePacket(input: CaseBundleInput, options: PacketOptions, out: PdfOut): Promise<{ doc: PDFDocument; layout: Omit<Packet, 'bytes' | 'timings'>; clock: ReturnType<typeof stopwatch> }> {
  const clock = stopwatch();
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = new FontSet(doc);
  const tags = new StructureTree(doc);
  const w = new PageWriter(doc, fonts, tags);
  const x = packetText(input.language);
  const { t } = x;
  /** What a reader is told of an original's page: which document and page, and where the original is. */
  const originalAlt = (d: BundleDocument, page: number, pages: number, what: string) =>
    t('document.alt', { number: d.number, title: titleOf(d, x), pages, page, what, redacted: d.redacted ? 'yes' : 'no', path: d.bundlePath ?? d.doc.originalName });
  /** A PDF's pages copied as they came: each a figure (their own text, untagged, is inside it). */
  const originalFigures = (d: BundleDocument, from: number) => {
    const count = doc.getPageCount() - from;
    for (let i = from; i < doc.getPageCount(); i++) tags.figurePage(doc.getPage(i), originalAlt(d, i - from + 1, count, t('document.altPdf')));
  };
  const pictureFigure = (d: BundleDocument) => (page: number, pages: number) => (on: PDFPage, draw: () => void) => {
    tags.mark(on, tags.open('Figure', tags.document, { alt: originalAlt(d, page, pages, t('document.altPicture')) }), draw);
  };
  const warnings: Said[] = [];
  const sections: PacketSection[] = [];
  const section = (title: string) => sections.push({ title, page: doc.getPageCount() - 1 });

  const front = await cover(w, input, x);
  section(t('section.cover'));
  const summaryFrom = doc.getPageCount();
  await summary(w, input, x);
  sections.push({ title: t('section.summary'), page: summaryFrom });
  throwIfCancelled(options.signal);
  const timelineFrom = doc.getPageCount();
  await timelinePage(w, input, x);
  sections.push({ title: t('section.timeline'), page: timelineFrom });
  const recordsFrom = doc.getPageCount();
  if (await recordsSection(w, input, x)) sections.push({ title: t('section.records'), page: recordsFrom });
  const labsFrom = doc.getPageCount();
  if (await labsSection(w, input, x)) sections.push({ title: t('section.labs'), page: labsFrom });
  throwIfCancelled(options.signal);
  const indexFrom = doc.getPageCount();
  const indexRows = await indexSection(w, input, x);
  sections.push({ title: t('section.index'), page: indexFrom });

  const documentStarts: number[] = [];
  const documentPages: number[] = [];
  const originalPages = new Set<number>();
  const fontsNotEmbedded: Packet['fontsNotEmbedded'][number][] = [];
  clock.lap('ownPages');
  for (const d of input.documents) {
    throwIfCancelled(options.signal);
    options.onDocument?.(d.number, d.doc.title);
    const start = doc.getPageCount();
    documentStarts.push(start);
    if (d.study) {
      await studyPage(w, d, input, x);
      clock.lap('ownPages');
    } else if (d.doc.mediaType === 'application/pdf') {
      try {
        // Many clinics' PDFs are "protected" with no password to open them (only restrictions on
        // copying or printing): the empty password opens them, as every PDF reader does. A PDF that
        // needs a real password never gets into the library.
        const source = await PDFDocument.load(await readOriginal(d.vaultPath!), { updateMetadata: false, password: '' });
        const unembedded = fontsNotEmbeddedIn(source);
        if (unembedded.length) fontsNotEmbedded.push({ document: d.number, title: d.doc.title, fonts: unembedded });
        const copied = await doc.copyPages(source, source.getPageIndices());
        for (const page of copied) {
          originalPages.add(doc.getPageCount());
          doc.addPage(page);
        }
        originalFigures(d, start);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        warnings.push(said('export-pdf-failed', { title: d.doc.title, reason: (error as Error).message }));
        await cannotShow(w, d, t('document.pdfFailed'), x);
      }
      clock.lap('pdfs');
    } else if (d.doc.mediaType.startsWith('image/')) {
      try {
        await pictureDocument(doc, d, options, pictureFigure(d));
      } catch (error) {
        if (options.signal?.aborted) throw error;
        warnings.push(said('export-picture-failed', { title: d.doc.title, reason: (error as Error).message }));
        await cannotShow(w, d, t('document.pictureFailed'), x);
      }
      clock.lap('photos');
    } else {
      await recordFilePage(w, d, sections, x);
      clock.lap('ownPages');
    }
    documentPages.push(doc.getPageCount() - start);
    await out.streams(doc);
    clock.lap('write');
  }

  const total = doc.getPageCount();
  clock.lap('ownPages');
  // The index: each row's page number, and the whole row a link to the document's first page.
  const indexLinks: { page: number; document: number; target: number }[] = [];
  const pageColumn = INDEX_COLUMNS.slice(0, -1).reduce((s, c) => s + c.width, 0);
  for (const [i, row] of indexRows.entries()) {
    const target = documentStarts[i]!;
    const label = String(target + 1);
    const lw = fonts.width(label, 9);
    w.marked(row.pageCell, () => drawLine(row.page, fonts, label, MARGIN.left + pageColumn + INDEX_COLUMNS.at(-1)!.width - 6 - lw, row.top - 2 - 9 * 1.3 + 9 * 1.3 * 0.4 - 1.5, { size: 9, color: ACCENT }), row.page);
    addLink(doc, row.page, [MARGIN.left - 3, row.top - row.height, MARGIN.left + CONTENT_WIDTH + 3, row.top], target);
    indexLinks.push({ page: row.pageIndex, document: i + 1, target });
  }

  // The cover's contents, now that every section's page is known.
  let cy = front.contentsTop;
  const contents = [...sections.slice(1), { title: t('section.documents'), page: documentStarts[0] ?? total - 1 }];
  await fonts.prepare(contents.map((c) => c.title));
  for (const c of contents) {
    cy -= 15;
    const num = String(c.page + 1);
    w.marked(tags.open('TOCI', front.contents ?? tags.document, { actual: `${c.title}, page ${num}` }), () => {
      drawLine(front.page, fonts, c.title, MARGIN.left, cy, { size: 10.5 });
      drawLine(front.page, fonts, num, MARGIN.left + CONTENT_WIDTH - fonts.width(num, 10.5), cy, { size: 10.5, color: ACCENT });
    }, front.page);
    addLink(doc, front.page, [MARGIN.left - 3, cy - 4, MARGIN.left + CONTENT_WIDTH + 3, cy + 11], c.page);
  }

  writeOutline(doc, [
    ...sections.map((s) => ({ title: s.title, page: s.page })),
    {
      title: t('section.documents'),
      page: documentStarts[0] ?? total - 1,
      children: input.documents.map((d, i) => ({ title: `${d.number}. ${documentLine(d, x)}`, page: documentStarts[i]! })),
    },
  ]);
  writePageLabels(doc, documentStarts);

  const left = `${personLine(input, x)} · ${input.details.title}`;
  // A document's pages also say which document of the index they are and where in it ("D7 · page 2 of 3"),
  // so a page printed or cited alone is found again.
  const pageRight = (i: number) => {
    const j = documentStarts.findLastIndex((start, k) => start <= i && i < start + documentPages[k]!);
    const packetPage = t('footer.page', { page: i + 1, pages: total });
    if (j < 0) return packetPage;
    return t('footer.documentPage', { document: input.documents[j]!.number, page: i - documentStarts[j]! + 1, pages: documentPages[j]!, packetPage });
  };
  await fonts.prepare([left, t('footer.documentPage', { document: input.documents.length, page: total, pages: total, packetPage: t('footer.page', { page: total, pages: total }) })]);
  for (let i = 0; i < total; i++) {
    if (i % 50 === 0) throwIfCancelled(options.signal);
    tags.artifact(doc.getPage(i), () => stamp(doc.getPage(i), fonts, left, pageRight(i), originalPages.has(i)));
  }

  doc.setTitle(t('pdf.title', { name: input.patient.name, case: input.details.title }), { showInWindowTitleBar: true });
  doc.setAuthor(input.patient.name);
  doc.setSubject(decisionIn(input.details, x));
  doc.setCreator('Casebinder');
  doc.setProducer('Casebinder');
  doc.setCreationDate(input.now);
  doc.setModificationDate(input.now);
  doc.setLanguage(input.language);
  if (fonts.missing.size) {
    warnings.push(said('export-fonts-missing', { letters: { list: [...fonts.missing], joined: ' ' } }));
  }
  if (options.password) {
    doc.encrypt({
      userPassword: options.password,
      ownerPassword: options.password,
      permissions: { printing: 'highResolution', copying: true, annotating: true, fillingForms: true, contentAccessibility: true, modifying: false, documentAssembly: false },
    });
  }
  tags.finish();
  clock.lap('stamps');
  // Fonts are subset and embedded (with the pictures drawn) before the file is written, so each is timed apart.
  await doc.flush();
  clock.lap('fonts');
  return { doc, clock, layout: { pages: total, sections, documentStarts, documentPages, indexLinks, warnings, fontsNotEmbedded } };
}
