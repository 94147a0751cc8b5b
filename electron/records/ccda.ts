/**
 * C-CDA documents (a portal's CCD, visit summaries, consult notes, reports): their structured entries
 * become records (through @medplum/ccda's C-CDA to FHIR conversion, then the FHIR reader), their
 * narrative becomes readable sections and searchable text, and a PDF carried inside (nonXMLBody) is
 * handed back to be a document of its own. The XML is parsed with no DTD, no entities beyond XML's
 * own, no network and no XSLT: a document that declares a DOCTYPE is refused outright.
 */
import { convertCcdaToFhir, convertXmlToCcda } from '@medplum/ccda';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DocumentType } from '../../shared/document-types.ts';
import type { Refusal } from '../../shared/import-types.ts';
import { said } from '../../shared/said.ts';
import { refusal } from '../../shared/import-types.ts';
import { narrativeText } from '../../shared/narrative.ts';
import type { StatedPatient } from '../../shared/patient-match.ts';
import type { NarrativeNode, NarrativeSection } from '../../shared/narrative.ts';
import { readFhirResources } from './fhir.ts';
import type { FhirRead } from './fhir.ts';

export interface CcdaRead {
  readonly title: string;
  /** The kind of document by its LOINC document code, when it is one the library has a type for. */
  readonly type: DocumentType | null;
  readonly date: string | null;
  readonly facility: string | null;
  readonly author: string | null;
  /** Whose record it is: each recordTarget's names (Family^Given^Middle) and birth date, from the header itself. */
  readonly patients: StatedPatient[];
  readonly sections: NarrativeSection[];
  /** The narrative as plain text, for search. */
  readonly text: string;
  readonly records: FhirRead | null;
  /** Why the structured entries could not be read, when they could not (the narrative still was). */
  readonly entriesProblem: string | null;
  /** A PDF the document carries in place of XML content, and its media type. */
  readonly embedded: { readonly bytes: Uint8Array; readonly mediaType: string } | null;
}

/** LOINC document codes of C-CDA document types, to the library's document types. */
const DOCUMENT_TYPES: Readonly<Record<string, DocumentType>> = {
  '11488-4': 'consult-note',
  '18842-5': 'discharge-summary',
  '11504-8': 'operative-note',
  '28570-0': 'operative-note',
  '18748-4': 'imaging-report',
  '11526-1': 'pathology-report',
  '11502-2': 'lab-report',
  '34117-2': 'consult-note',
  '11506-3': 'consult-note',
  '57133-1': 'correspondence',
  '10160-0': 'medication-list',
};

/** A file that is not a C-CDA Casebinder can read, and why (in English and as said). */
export class NotReadable extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal, options?: { cause?: unknown }) {
    super(refusal.reason, options);
    this.name = 'NotReadable';
    this.refusal = refusal;
  }
}

function refuseUnsafeXml(text: string): Refusal | null {
  const head = text.slice(0, 64 * 1024);
  return /<!DOCTYPE/i.test(head) || /<!ENTITY/i.test(text) ? refusal('unsupported', said('xml-unsafe')) : null;
}

type Ordered = Record<string, unknown>;
const ATTRS = ':@';

function tagOf(node: Ordered): string {
  return Object.keys(node).find((k) => k !== ATTRS)!;
}

function childrenOf(node: Ordered): Ordered[] {
  const v = node[tagOf(node)];
  return Array.isArray(v) ? (v as Ordered[]) : [];
}

function attr(node: Ordered, name: string): string | undefined {
  const a = node[ATTRS] as Record<string, unknown> | undefined;
  const v = a?.[`@_${name}`];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function find(nodes: readonly Ordered[], tag: string): Ordered | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

function findAll(nodes: readonly Ordered[], tag: string): Ordered[] {
  return nodes.filter((n) => tagOf(n) === tag);
}

function path(nodes: readonly Ordered[], ...tags: string[]): Ordered | undefined {
  let current: Ordered | undefined;
  let level = nodes;
  for (const tag of tags) {
    current = find(level, tag);
    if (!current) return undefined;
    level = childrenOf(current);
  }
  return current;
}

function textOf(node: Ordered | undefined): string {
  if (!node) return '';
  if (tagOf(node) === '#text') return String(node['#text']);
  return childrenOf(node).map(textOf).join('');
}

type BlockKind = Exclude<NarrativeNode['kind'], 'text' | 'list'>;

const BLOCKS: Readonly<Record<string, BlockKind | 'list'>> = {
  paragraph: 'paragraph',
  table: 'table',
  thead: 'rows',
  tbody: 'rows',
  tfoot: 'rows',
  tr: 'row',
  th: 'heading-cell',
  td: 'cell',
  list: 'list',
  item: 'item',
  caption: 'caption',
  br: 'break',
};

/** CDA narrative (its small XHTML-like language) as a tree the window renders without any HTML. */
function narrative(nodes: readonly Ordered[]): NarrativeNode[] {
  const out: NarrativeNode[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') {
      const text = String(node['#text']).replace(/\s+/g, ' ');
      if (text.trim()) out.push({ kind: 'text', text });
      continue;
    }
    if (tag === '?xml' || tag === '#comment') continue;
    const kind = BLOCKS[tag];
    const inner = narrative(childrenOf(node));
    if (kind === 'break') out.push({ kind: 'break', children: [] });
    else if (kind === 'list') out.push({ kind, ordered: attr(node, 'listType') === 'ordered', children: inner });
    else if (kind) out.push({ kind, children: inner });
    else if (tag === 'content' && /bold|underline/i.test(attr(node, 'styleCode') ?? '')) out.push({ kind: 'strong', children: inner });
    else if (tag === 'content' && /italics/i.test(attr(node, 'styleCode') ?? '')) out.push({ kind: 'emphasis', children: inner });
    // content, sub, sup, footnote, linkHtml, renderMultiMedia: their text, in place.
    else out.push(...inner);
  }
  return out;
}

function sectionsOf(nodes: readonly Ordered[], depth: number): NarrativeSection[] {
  return findAll(nodes, 'component').flatMap((component) => {
    const section = find(childrenOf(component), 'section');
    if (!section) return [];
    const parts = childrenOf(section);
    const title = textOf(find(parts, 'title')).replace(/\s+/g, ' ').trim() || attr(find(parts, 'code') ?? {}, 'displayName') || 'Section';
    const text = find(parts, 'text');
    return [{ title, depth, nodes: text ? narrative(childrenOf(text)) : [] }, ...(depth < 3 ? sectionsOf(parts, depth + 1) : [])];
  });
}

function personName(node: Ordered | undefined): string | null {
  if (!node) return null;
  const parts = childrenOf(node);
  const name = [...findAll(parts, 'prefix'), ...findAll(parts, 'given'), ...findAll(parts, 'family'), ...findAll(parts, 'suffix')]
    .map((n) => textOf(n).trim())
    .filter(Boolean)
    .join(' ');
  return name || textOf(node).replace(/\s+/g, ' ').trim() || null;
}

/** A CDA name (given, family, suffix parts) the way DICOM and HL7 write one: Family^Given^Middle. */
function hl7Name(node: Ordered): string | null {
  const parts = childrenOf(node);
  const family = findAll(parts, 'family').map((n) => textOf(n).trim()).filter(Boolean).join(' ');
  const [given = '', ...middle] = findAll(parts, 'given').filter((g) => attr(g, 'qualifier') !== 'CL').map((n) => textOf(n).trim()).filter(Boolean);
  if (family || given) return `${family}^${given}^${middle.join(' ')}`.replace(/\^+$/, '');
  return textOf(node).replace(/\s+/g, ' ').trim() || null;
}

/** The people a document is about (its recordTargets), as the header states them. */
function recordTargets(top: readonly Ordered[]): StatedPatient[] {
  return findAll(top, 'recordTarget').flatMap((target) => {
    const patient = path(childrenOf(target), 'patientRole', 'patient');
    if (!patient) return [];
    const parts = childrenOf(patient);
    const names = findAll(parts, 'name').map(hl7Name).filter((n): n is string => !!n);
    const birthDate = hl7Day(attr(find(parts, 'birthTime') ?? {}, 'value'));
    return names.length || birthDate ? [{ names, birthDate, source: 'ccda' as const }] : [];
  });
}

/** "20141015103026-0500" -> "2014-10-15". */
function hl7Day(value: string | undefined): string | null {
  const m = value ? /^(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
});

/**
 * The day of every entry that has an id, from its effectiveTime: the C-CDA to FHIR conversion drops
 * a time given as a single value on some entries (procedures, for one), and a procedure done three
 * times is three procedures only with its days.
 */
function entryDays(nodes: readonly Ordered[], days = new Map<string, string>()): Map<string, string> {
  for (const node of nodes) {
    if (tagOf(node) === '#text') continue;
    const parts = childrenOf(node);
    const id = find(parts, 'id');
    const time = find(parts, 'effectiveTime');
    const root = id && !attr(id, 'extension') ? attr(id, 'root') : undefined;
    const day = time ? (hl7Day(attr(time, 'value')) ?? hl7Day(attr(find(childrenOf(time), 'low') ?? {}, 'value'))) : null;
    if (root && day && !days.has(root.toLowerCase())) days.set(root.toLowerCase(), day);
    entryDays(parts, days);
  }
  return days;
}

/** The resource with the day of its C-CDA entry where the conversion left its date out. */
function withDay(resource: unknown, days: ReadonlyMap<string, string>): unknown {
  const r = resource as Record<string, unknown> | undefined;
  const day = typeof r?.id === 'string' ? days.get(r.id.toLowerCase()) : undefined;
  if (!r || !day) return resource;
  const missing = (...fields: string[]) => fields.every((f) => r[f] === undefined);
  switch (r.resourceType) {
    case 'Procedure':
      return missing('performedDateTime', 'performedPeriod') ? { ...r, performedDateTime: day } : r;
    case 'Immunization':
      return missing('occurrenceDateTime', 'occurrenceString') ? { ...r, occurrenceDateTime: day } : r;
    case 'Observation':
      return missing('effectiveDateTime', 'effectivePeriod', 'issued') ? { ...r, effectiveDateTime: day } : r;
    case 'Condition':
      return missing('onsetDateTime', 'onsetPeriod', 'recordedDate') ? { ...r, onsetDateTime: day } : r;
    case 'Encounter':
      return missing('period') ? { ...r, period: { start: day } } : r;
    case 'MedicationRequest':
      return missing('authoredOn') ? { ...r, authoredOn: day } : r;
    case 'AllergyIntolerance':
      return missing('onsetDateTime', 'recordedDate') ? { ...r, onsetDateTime: day } : r;
    default:
      return r;
  }
}

/** Reads a C-CDA document. Throws with a reason a person can act on when it is not one. */
export function readCcda(text: string): CcdaRead {
  const unsafe = refuseUnsafeXml(text);
  if (unsafe) throw new NotReadable(unsafe);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new NotReadable(refusal('damaged', said('xml-damaged-at', { detail: valid.err.msg, line: valid.err.line })));
  let tree: Ordered[];
  try {
    tree = parser.parse(text) as Ordered[];
  } catch (error) {
    throw new NotReadable(refusal('damaged', said('xml-damaged', { detail: (error as Error).message })), { cause: error });
  }
  const doc = find(tree, 'ClinicalDocument');
  if (!doc) throw new NotReadable(refusal('damaged', said('not-ccda')));
  const top = childrenOf(doc);
  const code = attr(find(top, 'code') ?? {}, 'code') ?? '';
  const title = textOf(find(top, 'title')).replace(/\s+/g, ' ').trim() || attr(find(top, 'code') ?? {}, 'displayName') || 'Clinical document';
  const facility =
    textOf(path(top, 'custodian', 'assignedCustodian', 'representedCustodianOrganization', 'name')).trim() ||
    textOf(path(top, 'author', 'assignedAuthor', 'representedOrganization', 'name')).trim() ||
    null;
  const author = personName(path(top, 'author', 'assignedAuthor', 'assignedPerson', 'name'));
  const serviceTime = path(top, 'documentationOf', 'serviceEvent', 'effectiveTime');
  const date =
    hl7Day(attr(find(childrenOf(serviceTime ?? {}), 'high') ?? {}, 'value')) ??
    hl7Day(attr(path(top, 'componentOf', 'encompassingEncounter', 'effectiveTime', 'low') ?? {}, 'value')) ??
    hl7Day(attr(find(top, 'effectiveTime') ?? {}, 'value'));

  const body = find(top, 'component');
  const structured = body && find(childrenOf(body), 'structuredBody');
  const nonXml = body && find(childrenOf(body), 'nonXMLBody');
  let embedded: CcdaRead['embedded'] = null;
  if (nonXml) {
    const content = find(childrenOf(nonXml), 'text');
    const mediaType = content ? (attr(content, 'mediaType') ?? '') : '';
    if (content && attr(content, 'representation') === 'B64' && mediaType === 'application/pdf') {
      embedded = { bytes: Buffer.from(textOf(content).replace(/\s+/g, ''), 'base64'), mediaType };
    }
  }
  const sections = structured ? sectionsOf(childrenOf(structured), 0) : [];
  const plainText = [title, ...sections.map((s) => `${s.title}\n${narrativeText(s.nodes)}`)].join('\n\n').trim();

  let records: FhirRead | null = null;
  let entriesProblem: string | null = null;
  if (structured) {
    try {
      const bundle = convertCcdaToFhir(convertXmlToCcda(text));
      const days = entryDays(childrenOf(structured));
      records = readFhirResources((bundle.entry ?? []).map((e: { resource?: unknown }) => withDay(e.resource, days)));
    } catch (error) {
      const message = (error as Error).message;
      const template = /templateId: ([\d.]+)/.exec(message)?.[1];
      entriesProblem = template ? `they use a form Casebinder does not read yet, template ${template}` : message;
    }
  }
  return { title, type: DOCUMENT_TYPES[code] ?? null, date, facility, author, patients: recordTargets(top), sections, text: plainText, records, entriesProblem, embedded };
}

