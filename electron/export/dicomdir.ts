/**
 * A DICOMDIR (DICOM PS3.10 media directory) for the imaging studies in a bundle, so any DICOM viewer
 * opens them the way it opens a hospital CD. Written as explicit VR little endian: a file meta group,
 * then the directory record sequence (PATIENT > STUDY > SERIES > IMAGE) whose records point at each
 * other by byte offset. Values are UTF-8 (ISO_IR 192), so names in any script survive.
 */
import { createHash } from 'node:crypto';
import { LONG_VRS } from '../dicom/header.ts';

/** Who wrote a DICOM file Casebinder makes (its file meta's Implementation Class UID and Version Name). */
export const CASEBINDER_IMPLEMENTATION = { classUid: '2.25.329800735698586629295641978511506172918', versionName: 'CASEBINDER' } as const;

export interface DicomdirImage {
  /** Path components under the bundle root, each at most 8 of A-Z, 0-9 and _ ("DICOM", "ST000001", …). */
  readonly fileId: readonly string[];
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  readonly transferSyntaxUid: string;
  readonly instanceNumber: number | null;
  /** What the file says of the keys its record type needs beyond the instance number (recordKeys reads them). */
  readonly keys?: RecordKeys;
}

/** A coded concept (a report's title, for instance), as the directory repeats it. */
export interface CodedConcept {
  readonly value: string;
  readonly scheme: string;
  readonly meaning: string;
}

/** Values a non-image record repeats from its file, by DICOM keyword. */
export interface RecordKeys {
  readonly [keyword: string]: string | CodedConcept | null | undefined;
}

export interface DicomdirSeries {
  readonly seriesInstanceUid: string;
  readonly modality: string | null;
  readonly number: number | null;
  readonly images: readonly DicomdirImage[];
}

export interface DicomdirStudy {
  readonly patientName: string;
  readonly patientId: string;
  readonly patientBirthDate: string | null;
  readonly studyInstanceUid: string;
  readonly studyDate: string | null;
  readonly studyTime: string | null;
  readonly accessionNumber: string | null;
  readonly description: string | null;
  readonly studyId: string | null;
  /** A date its series give, for a study whose files carry no study date. */
  readonly seriesDate?: string | null;
  readonly series: readonly DicomdirSeries[];
}

/**
 * The directory record type of an object, by its SOP class (PS3.3 F.5, as dcmmkdir assigns them): a
 * structured report is an SR DOCUMENT, a presentation state a PRESENTATION, and so on; images IMAGE.
 */
export function recordTypeOf(sopClassUid: string): string {
  const c = sopClassUid;
  if (c === '1.2.840.10008.5.1.4.1.1.88.59') return 'KEY OBJECT DOC';
  if (c.startsWith('1.2.840.10008.5.1.4.1.1.88.')) return 'SR DOCUMENT';
  if (c.startsWith('1.2.840.10008.5.1.4.1.1.11.')) return 'PRESENTATION';
  if (c.startsWith('1.2.840.10008.5.1.4.1.1.9.')) return 'WAVEFORM';
  if (c === '1.2.840.10008.5.1.4.1.1.104.1' || c === '1.2.840.10008.5.1.4.1.1.104.2' || c.startsWith('1.2.840.10008.5.1.4.1.1.104.')) return 'ENCAP DOC';
  if (c === '1.2.840.10008.5.1.4.1.1.481.2') return 'RT DOSE';
  if (c === '1.2.840.10008.5.1.4.1.1.481.3') return 'RT STRUCTURE SET';
  if (c === '1.2.840.10008.5.1.4.1.1.481.5' || c === '1.2.840.10008.5.1.4.1.1.481.8') return 'RT PLAN';
  if (c === '1.2.840.10008.5.1.4.1.1.481.4' || c === '1.2.840.10008.5.1.4.1.1.481.6' || c === '1.2.840.10008.5.1.4.1.1.481.7' || c === '1.2.840.10008.5.1.4.1.1.481.9') return 'RT TREAT RECORD';
  if (c === '1.2.840.10008.5.1.4.1.1.66' || c === '1.2.840.10008.5.1.4.1.1.66.1' || c === '1.2.840.10008.5.1.4.1.1.66.3') return 'REGISTRATION';
  if (c === '1.2.840.10008.5.1.4.1.1.66.2') return 'FIDUCIAL';
  if (c === '1.2.840.10008.5.1.4.1.1.4.2') return 'SPECTROSCOPY';
  if (c === '1.2.840.10008.5.1.4.1.1.66.5') return 'SURFACE';
  if (c === '1.2.840.10008.5.1.4.1.1.1.1.1' || c === '1.2.840.10008.5.1.4.1.1.1.2.1' || c === '1.2.840.10008.5.1.4.1.1.1.3.1') return 'IMAGE';
  return 'IMAGE';
}

/** The keys each non-image record type carries (PS3.3 F.5), with their VR and whether they must have a value. */
const RECORD_KEYS: Readonly<Record<string, readonly (readonly [keyword: string, group: number, element: number, vr: string, required: boolean])[]>> = {
  'SR DOCUMENT': [
    ['CompletionFlag', 0x0040, 0xa491, 'CS', true],
    ['VerificationFlag', 0x0040, 0xa493, 'CS', true],
    ['ContentDate', 0x0008, 0x0023, 'DA', true],
    ['ContentTime', 0x0008, 0x0033, 'TM', true],
    ['VerificationDateTime', 0x0040, 0xa030, 'DT', false],
    ['ConceptNameCodeSequence', 0x0040, 0xa043, 'SQ', true],
  ],
  'KEY OBJECT DOC': [
    ['ContentDate', 0x0008, 0x0023, 'DA', true],
    ['ContentTime', 0x0008, 0x0033, 'TM', true],
    ['ConceptNameCodeSequence', 0x0040, 0xa043, 'SQ', true],
  ],
  PRESENTATION: [
    ['ContentDate', 0x0008, 0x0023, 'DA', true],
    ['ContentTime', 0x0008, 0x0033, 'TM', true],
    ['ContentLabel', 0x0070, 0x0080, 'CS', true],
    ['ContentDescription', 0x0070, 0x0081, 'LO', false],
    ['PresentationCreationDate', 0x0070, 0x0082, 'DA', true],
    ['PresentationCreationTime', 0x0070, 0x0083, 'TM', true],
    ['ContentCreatorName', 0x0070, 0x0084, 'PN', false],
  ],
  WAVEFORM: [
    ['ContentDate', 0x0008, 0x0023, 'DA', true],
    ['ContentTime', 0x0008, 0x0033, 'TM', true],
  ],
  'ENCAP DOC': [
    ['ContentDate', 0x0008, 0x0023, 'DA', false],
    ['ContentTime', 0x0008, 0x0033, 'TM', false],
    ['DocumentTitle', 0x0042, 0x0010, 'ST', false],
    ['ConceptNameCodeSequence', 0x0040, 0xa043, 'SQ', false],
    ['MIMETypeOfEncapsulatedDocument', 0x0042, 0x0012, 'LO', true],
  ],
  'RT DOSE': [['DoseSummationType', 0x3004, 0x000a, 'CS', true]],
  'RT STRUCTURE SET': [
    ['StructureSetLabel', 0x3006, 0x0002, 'SH', true],
    ['StructureSetDate', 0x3006, 0x0008, 'DA', false],
    ['StructureSetTime', 0x3006, 0x0009, 'TM', false],
  ],
  'RT PLAN': [
    ['RTPlanLabel', 0x300a, 0x0002, 'SH', true],
    ['RTPlanDate', 0x300a, 0x0006, 'DA', false],
    ['RTPlanTime', 0x300a, 0x0007, 'TM', false],
  ],
  'RT TREAT RECORD': [['TreatmentDate', 0x3008, 0x0250, 'DA', false], ['TreatmentTime', 0x3008, 0x0251, 'TM', false]],
};

/** Keys present only when the file has them (Type 1C: Verification DateTime is there when the report is verified). */
const CONDITIONAL = new Set(['VerificationDateTime']);

/** The tags (as dicom-parser names them, "x0040a491") whose values a record of this type repeats. */
export function recordKeyTags(recordType: string): { keyword: string; tag: string; vr: string }[] {
  return (RECORD_KEYS[recordType] ?? []).map(([keyword, g, e, vr]) => ({ keyword, vr, tag: `x${g.toString(16).padStart(4, '0')}${e.toString(16).padStart(4, '0')}` }));
}


function pad(bytes: Buffer, vr: string): Buffer {
  if (bytes.length % 2 === 0) return bytes;
  return Buffer.concat([bytes, Buffer.from([vr === 'UI' || vr === 'OB' ? 0 : 0x20])]);
}

function element(group: number, elementNumber: number, vr: string, value: Buffer): Buffer {
  const v = pad(value, vr);
  const long = LONG_VRS.has(vr);
  const head = Buffer.alloc(long ? 12 : 8);
  head.writeUInt16LE(group, 0);
  head.writeUInt16LE(elementNumber, 2);
  head.write(vr, 4, 'latin1');
  if (long) head.writeUInt32LE(v.length, 8);
  else head.writeUInt16LE(v.length, 6);
  return Buffer.concat([head, v]);
}

const text = (g: number, e: number, vr: string, value: string | null | undefined) => element(g, e, vr, Buffer.from(value ?? '', 'utf8'));
const ul = (g: number, e: number, n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return element(g, e, 'UL', b);
};
const us = (g: number, e: number, n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n, 0);
  return element(g, e, 'US', b);
};

/** A UID made from text, under the 2.25 (UUID) root: the same input always gives the same UID. */
export function uidFrom(textValue: string): string {
  const hex = createHash('sha256').update(textValue).digest('hex').slice(0, 32);
  return `2.25.${BigInt(`0x${hex}`).toString()}`;
}

function dicomDate(iso: string | null): string {
  return iso ? iso.replace(/-/g, '') : '';
}

/** Values the directory needs that a study's files do not give, each taken as the standard allows, and said. */
export interface DerivedValue {
  readonly studyInstanceUid: string;
  readonly keyword: 'StudyDate' | 'StudyTime' | 'StudyID' | 'PatientID' | 'SeriesNumber' | 'InstanceNumber';
  readonly value: string;
  /** How the value was found, said as `derived-<how>` of `shared/export-words.ts`. */
  readonly how: DerivedHow;
}

export type DerivedHow = 'series-date' | 'content-date' | 'no-date' | 'no-time' | 'accession' | 'bundle-place' | 'no-patient-id' | 'series-place' | 'instance-place';

function codeSequence(group: number, elementNumber: number, concept: CodedConcept | null): Buffer {
  if (!concept) return element(group, elementNumber, 'SQ', Buffer.alloc(0));
  const body = Buffer.concat([text(0x0008, 0x0100, 'SH', concept.value), text(0x0008, 0x0102, 'SH', concept.scheme), text(0x0008, 0x0104, 'LO', concept.meaning)]);
  const item = Buffer.alloc(8);
  item.writeUInt16LE(0xfffe, 0);
  item.writeUInt16LE(0xe000, 2);
  item.writeUInt32LE(body.length, 4);
  return element(group, elementNumber, 'SQ', Buffer.concat([item, body]));
}

/** A record's keys beyond its type: what the file says, in tag order (a record's elements ascend). */
function keysOf(recordType: string, image: DicomdirImage, instanceNumber: string): Buffer {
  const own = (RECORD_KEYS[recordType] ?? []).flatMap(([keyword, g, e, vr]) => {
    const value = image.keys?.[keyword];
    if (CONDITIONAL.has(keyword) && !value) return [];
    const encoded = vr === 'SQ' ? codeSequence(g, e, typeof value === 'object' ? (value ?? null) : null) : text(g, e, vr, typeof value === 'string' ? value : '');
    return [{ tag: (g << 16) | e, encoded }];
  });
  const all = [{ tag: 0x00200013, encoded: text(0x0020, 0x0013, 'IS', instanceNumber) }, ...own];
  return Buffer.concat(all.sort((a, b) => a.tag - b.tag).map((k) => k.encoded));
}

interface Draft {
  readonly type: string;
  readonly keys: Buffer;
  readonly children: Draft[];
}

/** The record's own elements after the three offsets and the record type. */
function recordHead(type: string): Buffer[] {
  return [ul(0x0004, 0x1400, 0), us(0x0004, 0x1410, 0xffff), ul(0x0004, 0x1420, 0), text(0x0004, 0x1430, 'CS', type)];
}
/** Where the "next record" and "lower level" offsets sit inside a record item (after its 8-byte item header). */
const NEXT_AT = 8 + 8;
const LOWER_AT = 8 + 12 + 10 + 8;

/**
 * The DICOMDIR of these studies. Type 1 values a study's files lack are derived as dcmmkdir derives
 * them (the study date from its series, an ID from the accession number or the study's place in the
 * bundle, an instance number from the image's place in its series) and listed in `derived`, so the
 * export can say so; a study time the files do not give is written as 000000 (midnight), likewise said.
 */
export function writeDicomdir(studies: readonly DicomdirStudy[], fileSetUid: string): { readonly bytes: Buffer; readonly derived: readonly DerivedValue[] } {
  const derived: DerivedValue[] = [];
  const derive = (study: DicomdirStudy, keyword: DerivedValue['keyword'], value: string, how: DerivedHow) => {
    derived.push({ studyInstanceUid: study.studyInstanceUid, keyword, value, how });
    return value;
  };
  // Patients, each with their studies.
  const patients = new Map<string, Draft>();
  let studyNumber = 0;
  for (const study of studies) {
    studyNumber++;
    const contentDate = study.series.flatMap((s) => s.images).map((i) => i.keys?.ContentDate).find((d): d is string => typeof d === 'string' && /^\d{8}$/.test(d));
    const studyDate =
      dicomDate(study.studyDate) ||
      (study.seriesDate ? derive(study, 'StudyDate', dicomDate(study.seriesDate), 'series-date') : '') ||
      (contentDate ? derive(study, 'StudyDate', contentDate, 'content-date') : '') ||
      derive(study, 'StudyDate', '19000101', 'no-date');
    const studyTime = study.studyTime?.trim() || derive(study, 'StudyTime', '000000', 'no-time');
    const studyId =
      study.studyId?.trim() ||
      (study.accessionNumber?.trim() ? derive(study, 'StudyID', study.accessionNumber.trim().slice(0, 16), 'accession') : '') ||
      derive(study, 'StudyID', `CB${String(studyNumber).padStart(6, '0')}`, 'bundle-place');
    const patientId = study.patientId || derive(study, 'PatientID', 'UNKNOWN', 'no-patient-id');
    const key = `${study.patientId}\u0000${study.patientName}`;
    let patient = patients.get(key);
    if (!patient) {
      patient = {
        type: 'PATIENT',
        keys: Buffer.concat([text(0x0008, 0x0005, 'CS', 'ISO_IR 192'), text(0x0010, 0x0010, 'PN', study.patientName), text(0x0010, 0x0020, 'LO', patientId), text(0x0010, 0x0030, 'DA', dicomDate(study.patientBirthDate))]),
        children: [],
      };
      patients.set(key, patient);
    }
    patient.children.push({
      type: 'STUDY',
      keys: Buffer.concat([
        text(0x0008, 0x0005, 'CS', 'ISO_IR 192'),
        text(0x0008, 0x0020, 'DA', studyDate),
        text(0x0008, 0x0030, 'TM', studyTime),
        text(0x0008, 0x0050, 'SH', study.accessionNumber ?? ''),
        text(0x0008, 0x1030, 'LO', study.description ?? ''),
        text(0x0020, 0x000d, 'UI', study.studyInstanceUid),
        text(0x0020, 0x0010, 'SH', studyId),
      ]),
      children: study.series.map((series, seriesIndex) => ({
        type: 'SERIES' as const,
        keys: Buffer.concat([
          text(0x0008, 0x0060, 'CS', series.modality ?? 'OT'),
          text(0x0020, 0x000e, 'UI', series.seriesInstanceUid),
          text(
            0x0020,
            0x0011,
            'IS',
            series.number !== null ? String(series.number) : derive(study, 'SeriesNumber', String(seriesIndex + 1), 'series-place'),
          ),
        ]),
        children: series.images.map((image, index) => {
          const type = recordTypeOf(image.sopClassUid);
          const instanceNumber =
            image.instanceNumber !== null
              ? String(image.instanceNumber)
              : derive(study, 'InstanceNumber', String(index + 1), 'instance-place');
          return {
            type,
            // Referenced File ID and the referenced UIDs are in group 0004, so they come before the keys.
            keys: Buffer.concat([
              text(0x0004, 0x1500, 'CS', image.fileId.join('\\')),
              text(0x0004, 0x1510, 'UI', image.sopClassUid),
              text(0x0004, 0x1511, 'UI', image.sopInstanceUid),
              text(0x0004, 0x1512, 'UI', image.transferSyntaxUid),
              keysOf(type, image, instanceNumber),
            ]),
            children: [],
          };
        }),
      })),
    });
  }

  // Records in file order (depth first), each an item of defined length.
  const order: { draft: Draft; item: Buffer; siblings: Draft[]; index: number }[] = [];
  const visit = (list: Draft[]) => {
    list.forEach((draft, index) => {
      const body = Buffer.concat([...recordHead(draft.type), draft.keys]);
      const item = Buffer.alloc(8 + body.length);
      item.writeUInt16LE(0xfffe, 0);
      item.writeUInt16LE(0xe000, 2);
      item.writeUInt32LE(body.length, 4);
      body.copy(item, 8);
      order.push({ draft, item, siblings: list, index });
      visit(draft.children);
    });
  };
  const roots = [...patients.values()];
  visit(roots);

  const metaElements = Buffer.concat([
    element(0x0002, 0x0001, 'OB', Buffer.from([0, 1])),
    text(0x0002, 0x0002, 'UI', '1.2.840.10008.1.3.10'),
    text(0x0002, 0x0003, 'UI', fileSetUid),
    text(0x0002, 0x0010, 'UI', '1.2.840.10008.1.2.1'),
    text(0x0002, 0x0012, 'UI', CASEBINDER_IMPLEMENTATION.classUid),
    text(0x0002, 0x0013, 'SH', CASEBINDER_IMPLEMENTATION.versionName),
  ]);
  const meta = Buffer.concat([ul(0x0002, 0x0000, metaElements.length), metaElements]);
  const preamble = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM', 'latin1')]);
  const records = Buffer.concat(order.map((o) => o.item));
  const head = Buffer.concat([text(0x0004, 0x1130, 'CS', 'CASEBINDER'), ul(0x0004, 0x1200, 0), ul(0x0004, 0x1202, 0), us(0x0004, 0x1212, 0)]);
  const sequence = element(0x0004, 0x1220, 'SQ', records);
  const file = Buffer.concat([preamble, meta, head, sequence]);

  // Byte offsets from the start of the file, now that every item's place is known.
  const recordsStart = preamble.length + meta.length + head.length + 12;
  const offsetOf = new Map<Draft, number>();
  let at = recordsStart;
  for (const o of order) {
    offsetOf.set(o.draft, at);
    at += o.item.length;
  }
  for (const o of order) {
    const start = offsetOf.get(o.draft)!;
    const next = o.siblings[o.index + 1];
    file.writeUInt32LE(next ? offsetOf.get(next)! : 0, start + NEXT_AT);
    file.writeUInt32LE(o.draft.children[0] ? offsetOf.get(o.draft.children[0])! : 0, start + LOWER_AT);
  }
  // (0004,1200) and (0004,1202): the first and last root (patient) records. Each UL element is 12 bytes.
  const headStart = preamble.length + meta.length;
  const fileSetIdLength = text(0x0004, 0x1130, 'CS', 'CASEBINDER').length;
  file.writeUInt32LE(roots.length ? offsetOf.get(roots[0]!)! : 0, headStart + fileSetIdLength + 8);
  file.writeUInt32LE(roots.length ? offsetOf.get(roots.at(-1)!)! : 0, headStart + fileSetIdLength + 12 + 8);
  return { bytes: file, derived };
}
