/** Exporting a case: what the person chooses, what the work reports as it goes, and what it wrote. */
import type { DocumentType } from './document-types.ts';
import type { PatientMatch } from './patient-match.ts';
import type { Said } from './said.ts';

/** What goes into a bundle; remembered per specialist (never the password). */
export interface ExportChoices {
  /** The documents to send, in order; null means the case's included documents, in the case's order. */
  readonly documentIds: readonly number[] | null;
  /** Leave imaging studies' DICOM files out (the packet still lists each study's series). */
  readonly reportsOnly: boolean;
  /** Split the ZIP into volumes no larger than this many megabytes (10^6 bytes); null for one ZIP. */
  readonly maxSizeMb: number | null;
  /** Also write the bundle as a ZIP (or volumes of ZIPs) beside the folder. */
  readonly zip: boolean;
  /** Documents whose original is sent though they have a redacted copy (which is sent otherwise). */
  readonly sendOriginal: readonly number[];
  /** The language of the packet's own text (what the patient and the records wrote stays as written). */
  readonly language: PacketLanguage;
}

/** The languages the packet can be written in (electron/export/i18n has a catalogue for each). */
export const PACKET_LANGUAGES = ['en', 'es'] as const;
export type PacketLanguage = (typeof PACKET_LANGUAGES)[number];

export const DEFAULT_EXPORT_CHOICES: ExportChoices = { documentIds: null, reportsOnly: false, maxSizeMb: null, zip: true, sendOriginal: [], language: 'en' };

export interface ExportRequest {
  readonly caseId: number;
  /** Whom the bundle is prepared for (one of the case's specialists); null for "not decided yet". */
  readonly specialistId: number | null;
  readonly choices: ExportChoices;
  /** The folder the bundle's folder (and ZIPs) are written into. */
  readonly outDir: string;
  /** Encrypts the packet and the ZIP (AES-256) when given. Never stored. */
  readonly password?: string | null;
}

export type ExportPhase = 'gathering' | 'packet' | 'originals' | 'standards' | 'zip' | 'finishing';

export const EXPORT_PHASE_LABELS: Readonly<Record<ExportPhase, string>> = {
  gathering: 'Gathering the case',
  packet: 'Making the packet',
  originals: 'Copying the originals',
  standards: 'Writing the manifest, FHIR and XDM',
  zip: 'Writing the ZIP',
  finishing: 'Finishing',
};

export interface ExportProgress {
  readonly phase: ExportPhase;
  readonly done: number;
  readonly total: number;
  /** What is being worked on, e.g. a document's title. */
  readonly current: string | null;
}

export interface ExportResult {
  readonly packet: string;
  readonly folder: string;
  readonly zip: readonly string[];
  readonly pages: number;
  readonly documents: number;
  /** Bytes written (folder), for the person to see. */
  readonly bytes: number;
  /** Things the person should know (a document that could not be drawn, letters no font has), said in the reader's language. */
  readonly warnings: readonly Said[];
}

/** What the export screen shows before writing: the documents with their sizes, the open gaps, the choices remembered. */
export interface ExportPlan {
  /** The case's documents in the case's order; `size` is the original's bytes (a study: all its DICOM files). */
  readonly documents: readonly {
    readonly id: number;
    readonly title: string;
    readonly type: DocumentType;
    readonly typeLabel: string;
    readonly date: string | null;
    readonly included: boolean;
    readonly kind: 'file' | 'study';
    readonly size: number;
    /** Lab values, medications and allergies read from it that the person has not checked yet (the packet marks them). */
    readonly unchecked: number;
    /** The size of its redacted copy, which is sent instead of the original (unless chosen otherwise); null when it has none. */
    readonly redactedSize: number | null;
    /** Whose record it says it is; for `other` its facts are held back and `identityReason` says why. */
    readonly patientMatch: PatientMatch;
    readonly identityReason: string | null;
  }[];
  readonly openGaps: readonly { readonly status: 'missing' | 'warning'; readonly message: string; readonly ask: string | null }[];
  /** Choices last used for each specialist of the case, by specialist id ("0" for none). */
  readonly remembered: Readonly<Record<string, ExportChoices>>;
  /** The folder bundles are written into, once the person has chosen one. */
  readonly folder: string | null;
}

/** A packet made for looking at before writing (never with a password); its bytes are read in ranges. */
export interface PacketPreview {
  readonly pages: number;
  readonly size: number;
  readonly warnings: readonly Said[];
}

/** Said wherever a password is chosen: which programs open an AES-256 ZIP and which do not. */
export const ENCRYPTED_ZIP_TOOLS =
  'The ZIP is encrypted with AES-256 and named only "Casebinder bundle" and the date, so nothing about the patient shows without the password; ' +
  'with it, it opens to one more ZIP, which holds the files. Open it with 7-Zip (Windows), Keka or The Unarchiver (macOS), or WinZip; ' +
  'Windows Explorer\'s built-in "Extract all" and the "unzip" command cannot open AES-encrypted ZIPs.';

/**
 * What a file in a case bundle is, as its manifest.json says: `original` and `dicom` are the records
 * themselves; the rest are made from them (`xdm-manifest`: a study's list of images for hospital
 * systems, a DICOM Key Object Selection document as IHE XDS-I.b registers a study).
 */
export const BUNDLE_FILE_ROLES = ['readme', 'index', 'packet', 'original', 'dicom', 'dicomdir', 'fhir', 'xdm-metadata', 'xdm-document', 'xdm-manifest'] as const;
export type BundleFileRole = (typeof BUNDLE_FILE_ROLES)[number];
