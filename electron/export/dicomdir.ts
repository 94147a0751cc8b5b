/**
 * A DICOMDIR (DICOM PS3.10 media directory) for the imaging studies in a bundle, so any DICOM viewer
 * opens them the way it opens a hospital CD. Written as explicit VR little endian: a file meta group,
 * then the directory record sequence (PATIENT > STUDY > SERIES > IMAGE) whose records point at each
 * other by byte offset. Values are UTF-8 (ISO_IR 192), so names in any script survive.
 */
import { createHash } from 'node:crypto';

export interface DicomdirImage {
  /** Path components under the bundle root, each at most 8 of A-Z, 0-9 and _ ("DICOM", "ST000001", …). */
  readonly fileId: readonly string[];
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  readonly transferSyntaxUid: string;
  readonly instanceNumber: number | null;
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
  readonly series: readonly DicomdirSeries[];
}

const LONG_LENGTH_VRS = new Set(['OB', 'OW', 'OF', 'SQ', 'UT', 'UN']);

function pad(bytes: Buffer, vr: string): Buffer {
  if (bytes.length % 2 === 0) return bytes;
  return Buffer.concat([bytes, Buffer.from([vr === 'UI' || vr === 'OB' ? 0 : 0x20])]);
}

function element(group: number, elementNumber: number, vr: string, value: Buffer): Buffer {
  const v = pad(value, vr);
  const long = LONG_LENGTH_VRS.has(vr);
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

interface Draft {
  readonly type: 'PATIENT' | 'STUDY' | 'SERIES' | 'IMAGE';
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

export function writeDicomdir(studies: readonly DicomdirStudy[], fileSetUid: string): Buffer {
  // Patients, each with their studies.
  const patients = new Map<string, Draft>();
  for (const study of studies) {
    const key = `${study.patientId}\u0000${study.patientName}`;
    let patient = patients.get(key);
    if (!patient) {
      patient = {
        type: 'PATIENT',
        keys: Buffer.concat([text(0x0008, 0x0005, 'CS', 'ISO_IR 192'), text(0x0010, 0x0010, 'PN', study.patientName), text(0x0010, 0x0020, 'LO', study.patientId || 'UNKNOWN'), text(0x0010, 0x0030, 'DA', dicomDate(study.patientBirthDate))]),
        children: [],
      };
      patients.set(key, patient);
    }
    patient.children.push({
      type: 'STUDY',
      keys: Buffer.concat([
        text(0x0008, 0x0005, 'CS', 'ISO_IR 192'),
        text(0x0008, 0x0020, 'DA', dicomDate(study.studyDate)),
        text(0x0008, 0x0030, 'TM', study.studyTime ?? ''),
        text(0x0008, 0x0050, 'SH', study.accessionNumber ?? ''),
        text(0x0008, 0x1030, 'LO', study.description ?? ''),
        text(0x0020, 0x000d, 'UI', study.studyInstanceUid),
        text(0x0020, 0x0010, 'SH', study.studyId ?? ''),
      ]),
      children: study.series.map((series) => ({
        type: 'SERIES' as const,
        keys: Buffer.concat([text(0x0008, 0x0060, 'CS', series.modality ?? 'OT'), text(0x0020, 0x000e, 'UI', series.seriesInstanceUid), text(0x0020, 0x0011, 'IS', series.number === null ? '' : String(series.number))]),
        children: series.images.map((image) => ({
          type: 'IMAGE' as const,
          // Referenced File ID and the referenced UIDs are in group 0004, so they come before the keys.
          keys: Buffer.concat([
            text(0x0004, 0x1500, 'CS', image.fileId.join('\\')),
            text(0x0004, 0x1510, 'UI', image.sopClassUid),
            text(0x0004, 0x1511, 'UI', image.sopInstanceUid),
            text(0x0004, 0x1512, 'UI', image.transferSyntaxUid),
            text(0x0020, 0x0013, 'IS', image.instanceNumber === null ? '' : String(image.instanceNumber)),
          ]),
          children: [],
        })),
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
    text(0x0002, 0x0012, 'UI', '2.25.329800735698586629295641978511506172918'),
    text(0x0002, 0x0013, 'SH', 'CASEBINDER'),
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
  return file;
}
