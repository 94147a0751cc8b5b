/**
 * Imaging studies as the app, the command line and exports see them: what DICOM headers say, in the
 * words a patient and a specialist use. Pure functions only (no Node, no DOM).
 */
import { isIsoDate } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { said } from './said.ts';
import type { Said } from './said.ts';

export interface SeriesSummary {
  readonly id: number;
  readonly seriesInstanceUid: string;
  readonly modality: string | null;
  readonly number: number | null;
  readonly description: string | null;
  readonly bodyPart: string | null;
  /** The series' date, as its files give it. */
  readonly date: IsoDate | null;
  readonly instances: number;
  /** True when a thumbnail of the key image exists. */
  readonly hasThumbnail: boolean;
  /** Why there is no thumbnail, in plain words; null when there is one (or none was tried yet). */
  readonly thumbnailProblem: Said | null;
  /** Problems of single files of the series (e.g. a file cut short), one sentence each. */
  readonly problems: readonly Said[];
  /** Text of a structured report (SR) in this series. */
  readonly reportText: string | null;
  /** Documents (PDF reports) that files of this series carried. */
  readonly reportDocumentIds: readonly number[];
}

/** One image file of a series as the viewer loads it (through the app's own protocol, never a file path). */
export interface SeriesImage {
  readonly instanceId: number;
  readonly instanceNumber: number | null;
  /** Frames in the file (a multi-frame object is one file of many images). */
  readonly frames: number;
  readonly transferSyntaxUid: string | null;
}

/** A series as the viewer opens it: its images in order, and what it leaves out and why. */
export interface SeriesImages {
  readonly seriesId: number;
  readonly documentId: number;
  readonly images: readonly SeriesImage[];
  /** Files of the series that hold no image or cannot be drawn, one sentence each ("IMG0003: it is cut short"). */
  readonly leftOut: readonly string[];
  /** Why nothing of the series can be drawn (an encoding no decoder reads); null when its images can be. */
  readonly cannotDraw: string | null;
}

/** Where the window fetches an instance's bytes: a path on the app's own origin (app://casebinder/dicom/instances/7). */
export const DICOM_INSTANCE_PATH = '/dicom/instances/';

/** One radiology-ready check of a study (shared/readiness.ts makes them). */
export interface ReadinessCheck {
  readonly check: 'dicomdir' | 'acquired' | 'lossy' | 'thin-slices' | 'report';
  readonly status: 'ok' | 'warning' | 'missing';
  /** In English, as the command line prints it. */
  readonly message: string;
  /** The same, as said (shared/said.ts), for the window and the checklist to say in their language. */
  readonly words: Said;
}

export interface StudyDetails {
  readonly documentId: number;
  readonly studyInstanceUid: string;
  readonly studyDate: IsoDate | null;
  readonly studyTime: string | null;
  readonly description: string | null;
  readonly accessionNumber: string | null;
  readonly institution: string | null;
  readonly referringPhysician: string | null;
  readonly studyId: string | null;
  /** The patient as the study's files name them (DICOM person name, as written). */
  readonly patientName: string | null;
  readonly patientId: string | null;
  readonly patientBirthDate: IsoDate | null;
  readonly patientSex: string | null;
  readonly modalities: readonly string[];
  readonly instances: number;
  readonly series: readonly SeriesSummary[];
  /** Where the study's patient differs from the library's patient, one sentence each, as said (shared/said.ts). */
  readonly warnings: readonly Said[];
  /** Whether it is what a second-opinion radiologist can read, check by check. */
  readonly readiness: readonly ReadinessCheck[];
}

/** The DICOM modalities the library names (shared/i18n-terms.ts names them in each language). */
export const MODALITY_LABELS = {
  CT: 'CT scan',
  MR: 'MRI',
  CR: 'X-ray',
  DX: 'X-ray',
  RF: 'Fluoroscopy',
  XA: 'Angiography',
  US: 'Ultrasound',
  NM: 'Nuclear medicine',
  PT: 'PET',
  MG: 'Mammography',
  OT: 'Other images',
  SR: 'Structured report',
  DOC: 'Document',
  KO: 'Key images',
  PR: 'Display settings',
  ECG: 'ECG',
  IVUS: 'Intravascular ultrasound',
  OCT: 'Optical coherence tomography',
  OP: 'Eye photography',
  XC: 'Photograph',
  SEG: 'Segmentation',
  RTSTRUCT: 'Radiotherapy structures',
  RTDOSE: 'Radiotherapy dose',
  RTPLAN: 'Radiotherapy plan',
} as const satisfies Readonly<Record<string, string>>;

/** The words an imaging report uses for a modality (regular expressions), to match reports to studies. */
const MODALITY_WORDS: Readonly<Record<string, readonly string[]>> = {
  CT: ['CT', 'computed tomography', 'CAT scan'],
  MR: ['MRI', 'MR', 'magnetic resonance'],
  PT: ['PET', 'positron'],
  NM: ['nuclear', 'scintigraph\\w*', 'bone scan', 'SPECT'],
  US: ['ultrasound', 'sonograph\\w*', 'echo\\w*'],
  CR: ['X-ray', 'radiograph\\w*', 'XR'],
  DX: ['X-ray', 'radiograph\\w*', 'XR'],
  MG: ['mammogra\\w*'],
  XA: ['angiogra\\w*'],
  RF: ['fluoroscop\\w*'],
};

/**
 * The first word in `text` that names one of these modalities ("MRI" for MR), or null. Abbreviations
 * must be in capitals (the "Mr" of a name is not an MR); words may be in any case.
 */
export function modalityMentioned(text: string, modalities: readonly string[]): string | null {
  for (const m of modalities) {
    for (const word of MODALITY_WORDS[m.toUpperCase()] ?? [m]) {
      const found = new RegExp(`\\b${word}\\b`, /^[A-Z-]+$/.test(word) ? '' : 'i').exec(text);
      if (found) return found[0];
    }
  }
  return null;
}

/** Every modality code the words know of. */
export const MODALITIES_WITH_WORDS: readonly string[] = Object.keys(MODALITY_WORDS);

/** "MR" -> "MRI"; unknown codes are shown as they are. */
export function modalityLabel(code: string | null): string {
  if (!code) return 'Images';
  return (MODALITY_LABELS as Readonly<Record<string, string>>)[code.toUpperCase()] ?? code;
}

/** A title for a study when its files carry no description: "MRI study", "CT scan and X-ray study". */
export function studyTitle(description: string | null, modalities: readonly string[]): string {
  if (description?.trim()) return description.trim();
  const imaging = modalities.filter((m) => !['SR', 'DOC', 'KO', 'PR'].includes(m.toUpperCase()));
  const labels = [...new Set((imaging.length ? imaging : modalities).map(modalityLabel))];
  return labels.length ? `${labels.join(' and ')} study` : 'Imaging study';
}

/** DICOM dates (DA) are YYYYMMDD; old ACR-NEMA files wrote YYYY.MM.DD. Anything else is no date. */
export function dicomDate(value: string | null | undefined): IsoDate | null {
  const m = value?.trim().match(/^(\d{4})\.?(\d{2})\.?(\d{2})$/);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(iso) ? iso : null;
}

interface PersonName {
  readonly family: string;
  readonly given: string;
  readonly middle: string;
  readonly prefix: string;
  readonly suffix: string;
}

function components(group: string): PersonName {
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = group.split('^').map((s) => s.trim());
  return { family, given, middle, prefix, suffix };
}

/**
 * A DICOM person name ("Doe^Jane^M^^" or "Yamada^Tarou=山田^太郎=やまだ^たろう") the way people
 * write names: "Jane M Doe", "Tarou Yamada (山田 太郎)". Empty when the name is empty.
 */
export function formatPersonName(value: string | null | undefined): string {
  if (!value?.trim()) return '';
  const [alphabetic = '', ideographic = ''] = value.split('=');
  const write = (n: PersonName) => [n.prefix, n.given, n.middle, n.family, n.suffix].filter(Boolean).join(' ');
  const main = write(components(alphabetic));
  const other = ideographic.trim() ? components(ideographic) : undefined;
  const otherText = other ? [other.family, other.given].filter(Boolean).join(' ') : '';
  if (!main) return otherText;
  return otherText ? `${main} (${otherText})` : main;
}

function words(value: string): string[] {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Whether a DICOM person name can be the library's patient: the family name must be one of the
 * patient's words and the first given name must match one too (or its initial). Case, accents and
 * punctuation do not count, so "O'NEILL^MARGARET" is Margaret O'Neill. A study with no name cannot
 * disagree.
 */
export function sameAsPatient(dicomName: string | null, patientName: string): boolean {
  if (!dicomName?.trim()) return true;
  const alphabetic = components(dicomName.split('=')[0] ?? '');
  const patient = new Set(words(patientName));
  const joined = words(patientName).join('');
  const family = words(alphabetic.family);
  const given = words(alphabetic.given);
  if (family.length === 0 && given.length === 0) return true;
  const familyMatches = family.length === 0 || family.every((w) => patient.has(w)) || joined.includes(family.join(''));
  const first = given[0];
  const givenMatches =
    first === undefined || patient.has(first) || (first.length === 1 && [...patient].some((w) => w.startsWith(first)));
  return familyMatches && givenMatches;
}

/**
 * What to say when a study's files name another patient than the library's: to the person using the
 * app, with what to do; to the specialist reading the packet, the facts alone (the app is where the
 * patient is asked to check).
 */
export function patientWarnings(
  study: { readonly patientName: string | null; readonly patientBirthDate: IsoDate | null },
  patient: { readonly name: string; readonly dateOfBirth: IsoDate | null },
  reader: 'person' | 'specialist' = 'person',
): Said[] {
  const warnings: Said[] = [];
  if (!sameAsPatient(study.patientName, patient.name)) warnings.push(said('study-other-name', { named: formatPersonName(study.patientName), patient: patient.name, reader }));
  if (study.patientBirthDate && patient.dateOfBirth && study.patientBirthDate !== patient.dateOfBirth) {
    warnings.push(said('study-other-birth', { theirs: study.patientBirthDate, patient: patient.name, own: patient.dateOfBirth, reader }));
  }
  return warnings;
}

/** Transfer syntaxes: how a file's images are encoded, and whether Casebinder can draw them. */
const TRANSFER_SYNTAXES: Readonly<Record<string, { readonly name: string; readonly previewable: boolean }>> = {
  '1.2.840.10008.1.2': { name: 'uncompressed (implicit VR)', previewable: true },
  '1.2.840.10008.1.2.1': { name: 'uncompressed', previewable: true },
  '1.2.840.10008.1.2.1.99': { name: 'deflated', previewable: true },
  '1.2.840.10008.1.2.2': { name: 'uncompressed (big endian)', previewable: true },
  '1.2.840.10008.1.2.4.50': { name: 'JPEG baseline', previewable: true },
  '1.2.840.10008.1.2.4.51': { name: 'JPEG extended', previewable: true },
  '1.2.840.10008.1.2.4.57': { name: 'JPEG lossless', previewable: true },
  '1.2.840.10008.1.2.4.70': { name: 'JPEG lossless', previewable: true },
  '1.2.840.10008.1.2.4.80': { name: 'JPEG-LS lossless', previewable: true },
  '1.2.840.10008.1.2.4.81': { name: 'JPEG-LS near-lossless', previewable: true },
  '1.2.840.10008.1.2.4.90': { name: 'JPEG 2000 lossless', previewable: true },
  '1.2.840.10008.1.2.4.91': { name: 'JPEG 2000', previewable: true },
  '1.2.840.10008.1.2.4.201': { name: 'HTJ2K lossless', previewable: true },
  '1.2.840.10008.1.2.4.202': { name: 'HTJ2K lossless (RPCL)', previewable: true },
  '1.2.840.10008.1.2.4.203': { name: 'HTJ2K', previewable: true },
  '1.2.840.10008.1.2.4.110': { name: 'JPEG XL lossless', previewable: true },
  '1.2.840.10008.1.2.4.112': { name: 'JPEG XL', previewable: true },
  '1.2.840.10008.1.2.5': { name: 'RLE lossless', previewable: true },
  '1.2.840.10008.1.2.4.100': { name: 'MPEG-2 video', previewable: false },
  '1.2.840.10008.1.2.4.101': { name: 'MPEG-2 video', previewable: false },
  '1.2.840.10008.1.2.4.102': { name: 'MPEG-4 video', previewable: false },
  '1.2.840.10008.1.2.4.103': { name: 'MPEG-4 video', previewable: false },
  '1.2.840.10008.1.2.4.104': { name: 'MPEG-4 video', previewable: false },
  '1.2.840.10008.1.2.4.105': { name: 'MPEG-4 video', previewable: false },
  '1.2.840.10008.1.2.4.106': { name: 'MPEG-4 video', previewable: false },
  '1.2.840.10008.1.2.4.107': { name: 'HEVC video', previewable: false },
  '1.2.840.10008.1.2.4.108': { name: 'HEVC video', previewable: false },
};

export function transferSyntaxName(uid: string): string {
  return TRANSFER_SYNTAXES[uid]?.name ?? `an encoding Casebinder does not know (transfer syntax ${uid})`;
}

export function isPreviewableTransferSyntax(uid: string): boolean {
  return TRANSFER_SYNTAXES[uid]?.previewable ?? false;
}

/** The viewer's decoders (Cornerstone3D's) read every previewable encoding but JPEG XL, whose codec it does not carry. */
export function isViewableTransferSyntax(uid: string): boolean {
  return isPreviewableTransferSyntax(uid) && !uid.startsWith('1.2.840.10008.1.2.4.11');
}

/**
 * A decoder's own message (OpenJPEG's "opj_decode failed", CharLS's "invalid marker", a WebAssembly
 * abort) in words a person understands: what could not be drawn and that the file itself is kept.
 * The decoder's words follow in brackets, for whoever supports the person.
 */
export function decoderProblem(raw: string, transferSyntaxUid: string | null): Said {
  const encoding = transferSyntaxUid ? transferSyntaxName(transferSyntaxUid) : said('decoder-its-encoding');
  const detail = raw.replace(/\s+/g, ' ').trim().slice(0, 200);
  let what: Said;
  if (/unsupported|not supported|no decoder|unknown transfer syntax|not implemented/i.test(raw)) what = said('decoder-none', { encoding });
  else if (/memory|allocation|too large|out of bounds|RangeError/i.test(raw)) what = said('decoder-too-large');
  else if (/truncat|unexpected end|buffer|offset|length|cut short|EOF/i.test(raw)) what = said('decoder-cut-short', { encoding });
  else what = said('decoder-damaged', { encoding });
  return said('decoder-problem', { what, hasDetail: detail ? 'yes' : 'no', detail });
}

export const SOP_CLASS = {
  encapsulatedPdf: '1.2.840.10008.5.1.4.1.1.104.1',
  encapsulatedCda: '1.2.840.10008.5.1.4.1.1.104.2',
  mediaStorageDirectory: '1.2.840.10008.1.3.10',
} as const;

/**
 * Objects that are no picture to scroll through, whatever pixels they carry: what each is, in words.
 * (RT dose grids are images and are drawn; segmentations are masks drawn over other images.)
 */
export function notAnImage(sopClassUid: string | null): string | null {
  if (!sopClassUid) return null;
  if (sopClassUid.startsWith('1.2.840.10008.5.1.4.1.1.88.')) return 'a written report (structured report or key image list), not an image';
  if (sopClassUid === '1.2.840.10008.5.1.4.1.1.66.4') return 'a segmentation (outlines marked on other images), which the viewer does not draw on its own';
  if (sopClassUid === '1.2.840.10008.5.1.4.1.1.481.3') return 'radiotherapy structures (outlines), not an image';
  if (sopClassUid === '1.2.840.10008.5.1.4.1.1.481.5' || sopClassUid === '1.2.840.10008.5.1.4.1.1.481.8') return 'a radiotherapy plan, not an image';
  if (sopClassUid.startsWith('1.2.840.10008.5.1.4.1.1.11.')) return 'display settings for other images (a presentation state), not an image';
  if (sopClassUid.startsWith('1.2.840.10008.5.1.4.1.1.104.')) return 'a document (PDF or CDA) wrapped in DICOM, not an image';
  if (sopClassUid.startsWith('1.2.840.10008.5.1.4.1.1.9.')) return 'a waveform (such as an ECG), not an image';
  return null;
}

/** Structured reports (basic, enhanced, comprehensive, key object selection and the like). */
export function isStructuredReport(sopClassUid: string | null): boolean {
  return !!sopClassUid?.startsWith('1.2.840.10008.5.1.4.1.1.88.');
}

/** What a DICOM file says about itself (electron/dicom/header.ts reads it; the library stores it). */
export interface DicomHeader {
  readonly transferSyntaxUid: string;
  readonly sopClassUid: string | null;
  readonly sopInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly patientName: string | null;
  readonly patientId: string | null;
  readonly patientBirthDate: IsoDate | null;
  readonly patientSex: string | null;
  readonly studyDate: IsoDate | null;
  readonly studyTime: string | null;
  readonly studyDescription: string | null;
  readonly accessionNumber: string | null;
  readonly institution: string | null;
  readonly referringPhysician: string | null;
  readonly studyId: string | null;
  readonly modality: string | null;
  readonly seriesNumber: number | null;
  readonly seriesDescription: string | null;
  readonly seriesDate: IsoDate | null;
  readonly bodyPart: string | null;
  readonly instanceNumber: number | null;
  readonly rows: number | null;
  readonly columns: number | null;
  readonly frames: number | null;
  /** Where the image data starts and how long it says it is (null: undefined length, i.e. compressed fragments). */
  readonly pixelData: { readonly offset: number; readonly length: number | null } | null;
  /** The file has no Part 10 wrapper (no "DICM", no file meta information). */
  readonly raw: boolean;
  /** Image Type, e.g. "ORIGINAL\\PRIMARY\\AXIAL" or "DERIVED\\SECONDARY". */
  readonly imageType: string | null;
  /** Lossy Image Compression: '01' compressed with loss at some point, '00' never. */
  readonly lossyCompression: string | null;
  /** Slice Thickness in mm. */
  readonly sliceThickness: number | null;
}
