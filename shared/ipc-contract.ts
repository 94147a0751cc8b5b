/**
 * The one contract between the window and the back end (after Actual Budget's `Handlers` map): each
 * channel has a schema for its arguments, which the back end checks on every call because it treats
 * whatever the window sends as untrusted, and a type for its result. Results travel as
 * `{ ok: true, value } | { ok: false, error }` so the window can show the back end's own message.
 */
import type { PracticeClient } from './practice.ts';
import { z } from 'zod';
import { WINDOW_LANGUAGES } from './languages.ts';
import { isIsoDate } from './dates.ts';
import { DOCUMENT_TYPES, unknownDocumentTypeMessage } from './document-types.ts';
import type { ErrorInfo } from './errors.ts';
import { PACKET_LANGUAGES } from './export-types.ts';
import type { ExportPlan, ExportProgress, ExportResult, PacketPreview } from './export-types.ts';
import type { ImportProgress, ImportResult } from './import-types.ts';
import type { SeriesImages, StudyDetails } from './imaging.ts';
import type { ImagingSummary, MedicalDocument, NameVariant, OcrSummary, PageInfo, Patient, SearchHit } from './library-types.ts';
import { OCR_LANGUAGES, unknownOcrLanguageMessage } from './ocr-languages.ts';
import type { PatientMatch } from './patient-match.ts';
import type { OcrLanguage } from './ocr-languages.ts';
import type { OcrProgress } from './ocr-types.ts';
import { SUGGESTED_FIELDS, unknownSuggestedFieldMessage } from './library-types.ts';
import { APP_EVENTS, IPC_EVENT, IPC_INVOKE } from './ipc-names.ts';
import type { NarrativeSection } from './narrative.ts';
import { LAB_FLAGS, RECORD_KINDS } from './records-types.ts';
import type { ClinicalRecord, LabResult } from './records-types.ts';
import { CASE_STATUSES, OPINION_STANDS, REQUEST_METHODS, REQUEST_STATES, SPECIALTIES, SUBMISSION_METHODS, unknownSpecialtyMessage } from './case-types.ts';
import type { Case, CaseDetails, ChecklistItem } from './case-types.ts';
import type { TimelineEntry } from './timeline.ts';
import type { SecurityStatus } from './security-types.ts';
import type { EncryptionProgress } from './encryption-types.ts';
import type { BackupProgress } from './backup-types.ts';
import type { DocumentRedactions, Redaction, RedactionPreview } from './redaction-types.ts';

// The messages are the person's (the window shows them, the command line prints them): what is wrong and how to write it.
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** The window's language, for what the back end and the desktop word themselves. */
const windowLanguage = z.enum(WINDOW_LANGUAGES);
const isoDate = z.string().refine(isIsoDate, { error: (issue) => `"${String(issue.input)}" is not a date. Write it as YYYY-MM-DD, for example 2024-03-14.` });
const shortText = z.string().max(500);
/** A BCP 47 primary language subtag as the library stores it (`es`, `fa`, `zh`; three letters where there is no two). */
const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'Give a language as its code, e.g. "es" for Spanish.');
const documentType = z.enum(DOCUMENT_TYPES, { error: (issue) => unknownDocumentTypeMessage(String(issue.input)) });
const specialty = z.enum(SPECIALTIES, { error: (issue) => unknownSpecialtyMessage(String(issue.input)) });

const optionalText = z.string().max(2000).nullable().optional();
const passphrase = z.string().min(8, { error: 'The passphrase is too short: use at least 8 characters (a few unrelated words are easy to remember and hard to guess).' }).max(1000);

const labCorrection = z
  .object({
    analyte: z.string().min(1).max(200).optional(),
    value: z.string().min(1).max(100).optional(),
    unit: z.string().max(50).nullable().optional(),
    range: z.string().max(100).nullable().optional(),
    flag: z.enum(LAB_FLAGS).nullable().optional(),
    date: isoDate.nullable().optional(),
  })
  .strict();

/** What the person types in: problems, medications and allergies (downloads bring the rest). */
const recordInput = z
  .object({
    kind: z.enum(['problem', 'medication', 'allergy']),
    name: z.string().min(1).max(500),
    status: optionalText,
    date: isoDate.nullable().optional(),
    endDate: isoDate.nullable().optional(),
    detail: optionalText,
  })
  .strict();

const recordChange = z
  .object({ name: z.string().min(1).max(500).optional(), status: optionalText, date: isoDate.nullable().optional(), endDate: isoDate.nullable().optional(), detail: optionalText })
  .strict();

const caseChange = z
  .object({
    title: z.string().min(1).max(300).optional(),
    specialty: specialty.optional(),
    condition: optionalText,
    status: z.enum(CASE_STATUSES).optional(),
    notes: z.string().max(20_000).optional(),
    priorities: z.array(z.string().max(500)).max(50).optional(),
  })
  .strict();

const recommendationInput = z
  .object({
    clinician: z.string().min(1).max(300),
    facility: optionalText,
    date: isoDate.nullable().optional(),
    procedure: z.string().min(1).max(1000),
    urgency: optionalText,
    reasons: optionalText,
    risks: optionalText,
    alternatives: optionalText,
    documentIds: z.array(id).max(100).optional(),
  })
  .strict();

const opinionInput = z
  .object({
    specialistId: id.nullable(),
    by: z.string().min(1).max(300),
    date: isoDate.nullable(),
    summary: z.string().max(20_000),
    stand: z.enum(OPINION_STANDS),
    procedure: z.string().max(1000).nullable(),
    urgency: z.string().max(1000).nullable(),
    risks: z.string().max(2000).nullable(),
    alternatives: z.string().max(2000).nullable(),
    documentId: id.nullable(),
  })
  .strict();

const specialistInput = z
  .object({
    name: z.string().min(1).max(300),
    institution: optionalText,
    accepts: z.enum(SUBMISSION_METHODS).nullable().optional(),
    sizeLimitMb: z.number().positive().max(1_000_000).nullable().optional(),
    reads: z.array(languageCode).min(1).max(10).optional(),
  })
  .strict();

export const documentFilters = z
  .object({
    patientId: id.optional(),
    types: z.array(documentType).max(DOCUMENT_TYPES.length).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    facility: shortText.optional(),
    tag: shortText.optional(),
    language: languageCode.optional(),
    inTrash: z.boolean().optional(),
  })
  .strict();

const documentEdit = z
  .object({
    title: shortText.optional(),
    type: documentType.nullable().optional(),
    dateOfService: isoDate.nullable().optional(),
    facility: shortText.nullable().optional(),
    clinician: shortText.nullable().optional(),
    tags: z.array(z.string().max(100)).max(50).optional(),
    notes: z.string().max(100_000).optional(),
    languages: z.array(languageCode).max(5).nullable().optional(),
  })
  .strict();

const quarterTurn = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)], {
  error: (issue) => `Turn a page by 90, 180 or 270 degrees (clockwise), not ${String(issue.input)}.`,
});
const fraction = z.number({ error: 'A crop is four fractions of the photo: left, top, width, height (e.g. 0.05,0.1,0.9,0.8).' }).min(0).max(1);
const composeRequest = z
  .object({
    title: shortText,
    pages: z
      .array(
        z
          .object({
            documentId: id,
            page: z.number().int().min(1).max(100_000),
            rotation: quarterTurn,
            crop: z.object({ left: fraction, top: fraction, width: fraction, height: fraction }).strict().nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

/** A box on a page, in fractions of the page as shown. */
const redactionBox = z
  .object({
    page: z.number().int().min(1).max(100_000),
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    width: z.number().gt(0).max(1),
    height: z.number().gt(0).max(1),
  })
  .strict();
const findTexts = z.array(z.string().trim().min(1, 'Type the text to find.').max(200)).max(50);
const redactionRequest = z.object({ documentId: id, boxes: z.array(redactionBox).max(10_000), find: findTexts, suggested: z.boolean() }).strict();

const exportChoices = z
  .object({
    documentIds: z.array(id).min(1).max(10_000).nullable(),
    reportsOnly: z.boolean(),
    maxSizeMb: z.number().min(1).max(1_000_000).nullable(),
    zip: z.boolean(),
    sendOriginal: z.array(id).max(10_000),
    language: z.enum(PACKET_LANGUAGES, { error: (issue) => `The packet can be written in English (en) or Spanish (es), not "${String(issue.input)}".` }),
  })
  .strict();

/** What to export: the folder is not named by the window; it is the one the person chose in the dialog. */
const exportRequest = z
  .object({ caseId: id, specialistId: id.nullable(), choices: exportChoices, password: z.string().min(1).max(1024).nullable() })
  .strict();

/** The most a window may read of an original in one call; pdf.js asks for 64 KiB ranges. */
const MAX_READ_BYTES = 16 * 1024 * 1024;

export const CHANNELS = {
  'app:info': z.tuple([]),
  'patients:list': z.tuple([]),
  'patients:add': z.tuple([z.object({ name: shortText, dateOfBirth: isoDate.nullable().optional(), notes: z.string().max(10_000).optional(), contact: z.string().max(2000).optional(), language: languageCode.nullable().optional(), interpreter: z.boolean().optional() }).strict()]),
  'documents:list': z.tuple([documentFilters]),
  'documents:get': z.tuple([id]),
  'documents:read': z.tuple([id, z.number().int().min(0), z.number().int().min(1).max(MAX_READ_BYTES)]),
  'documents:edit': z.tuple([id, documentEdit]),
  'documents:confirm': z.tuple([id, z.array(z.enum(SUGGESTED_FIELDS, { error: (issue) => unknownSuggestedFieldMessage(String(issue.input)) })).max(SUGGESTED_FIELDS.length).optional()]),
  search: z.tuple([z.string().max(500), documentFilters, z.number().int().min(1).max(500).optional()]),
  'import:choose': z.tuple([z.enum(['files', 'folder'])]),
  'import:start': z.tuple([z.array(z.string().min(1).max(4096)).min(1).max(100_000), id]),
  'import:cancel': z.tuple([z.string().uuid()]),
  'import:result': z.tuple([z.string().uuid()]),
  'documents:pages': z.tuple([id]),
  'documents:page-text': z.tuple([id, z.number().int().min(1).max(100_000)]),
  'documents:preview': z.tuple([id, z.number().int().min(1).max(100_000)]),
  'documents:compose': z.tuple([composeRequest]),
  'studies:get': z.tuple([id]),
  'series:thumbnail': z.tuple([id]),
  'series:images': z.tuple([id]),
  'ocr:status': z.tuple([]),
  'ocr:start': z.tuple([]),
  'ocr:cancel': z.tuple([]),
  'ocr:read-again': z.tuple([id.optional()]),
  'settings:ocr-languages': z.tuple([
    z.array(z.enum(OCR_LANGUAGES.map((l) => l.code) as [OcrLanguage, ...OcrLanguage[]], { error: (issue) => unknownOcrLanguageMessage(String(issue.input)) })).min(1).max(OCR_LANGUAGES.length),
  ]),
  'shell:open-external': z.tuple([z.string().max(2048)]),
  /** Prints the window (as it lays out for paper) through the system's print dialog. */
  'shell:print': z.tuple([]),
  /** The window's language, and whether the person chose it (false: it follows the system's). */
  'shell:window-language': z.tuple([windowLanguage, z.boolean()]),
  'documents:trash': z.tuple([z.array(id).min(1).max(10_000)]),
  'documents:restore': z.tuple([id]),
  'documents:move': z.tuple([id, id]),
  'documents:move-many': z.tuple([z.array(id).min(1).max(10_000), id]),
  'documents:confirm-many': z.tuple([z.array(id).min(1).max(10_000)]),
  'documents:tag': z.tuple([z.array(id).min(1).max(10_000), z.string().trim().min(1, 'Type the tag to add.').max(100)]),
  'documents:opened': z.tuple([id]),
  'documents:opened-with-suggestions': z.tuple([id]),
  'documents:mine': z.tuple([id]),
  'trash:list': z.tuple([]),
  'trash:empty': z.tuple([]),
  'patients:edit': z.tuple([id, z.object({ name: shortText.optional(), dateOfBirth: isoDate.nullable().optional(), contact: z.string().max(2000).optional(), notes: z.string().max(10_000).optional(), language: languageCode.nullable().optional(), interpreter: z.boolean().optional() }).strict()]),
  'patients:merge': z.tuple([id, id]),
  'patients:name-variants': z.tuple([id]),
  'corrections:list': z.tuple([]),
  'corrections:undo': z.tuple([]),
  'documents:narrative': z.tuple([id]),
  'labs:list': z.tuple([id, z.object({ withHeldBack: z.boolean().optional() }).strict().optional()]),
  'labs:confirm': z.tuple([z.array(id).min(1).max(10_000)]),
  'labs:correct': z.tuple([id, labCorrection]),
  'labs:remove': z.tuple([id]),
  'records:list': z.tuple([id, z.enum(RECORD_KINDS).optional(), z.object({ withHeldBack: z.boolean().optional() }).strict().optional()]),
  'records:confirm': z.tuple([z.array(id).min(1).max(10_000)]),
  'records:add': z.tuple([id, recordInput]),
  'records:update': z.tuple([id, recordChange]),
  'records:remove': z.tuple([id]),
  'cases:list': z.tuple([id]),
  'practice:overview': z.tuple([windowLanguage.optional()]),
  'cases:create': z.tuple([id, z.object({ title: z.string().min(1).max(300), specialty, condition: optionalText }).strict()]),
  'cases:get': z.tuple([id, windowLanguage.optional()]),
  'cases:update': z.tuple([id, caseChange]),
  'cases:remove': z.tuple([id]),
  'cases:add-documents': z.tuple([id, z.array(id).min(1).max(10_000)]),
  'cases:set-included': z.tuple([id, id, z.boolean()]),
  'cases:order-documents': z.tuple([id, z.array(id).max(10_000)]),
  'cases:remove-document': z.tuple([id, id]),
  'cases:add-question': z.tuple([id, z.string().min(1).max(2000)]),
  'cases:update-question': z.tuple([id, z.string().min(1).max(2000)]),
  'cases:remove-question': z.tuple([id]),
  'cases:order-questions': z.tuple([id, z.array(id).max(1000)]),
  'cases:add-recommendation': z.tuple([id, recommendationInput]),
  'cases:remove-recommendation': z.tuple([id, id]),
  'cases:update-recommendation': z.tuple([id, id, recommendationInput.omit({ documentIds: true }).partial()]),
  'cases:update-opinion': z.tuple([id, id, opinionInput.partial()]),
  'cases:remove-opinion': z.tuple([id, id]),
  'cases:add-request': z.tuple([id, z.object({ facility: z.string().min(1).max(300), what: z.string().min(1).max(1000), askedOn: isoDate, method: z.enum(REQUEST_METHODS) }).strict()]),
  'cases:set-request-state': z.tuple([id, z.enum(REQUEST_STATES), z.array(id).max(1000).optional()]),
  'cases:add-specialist': z.tuple([id, specialistInput]),
  'cases:update-specialist': z.tuple([id, id, specialistInput.partial()]),
  'cases:remove-specialist': z.tuple([id, id]),
  'cases:add-opinion': z.tuple([id, opinionInput]),
  timeline: z.tuple([id, id.optional()]),
  'timeline:undated': z.tuple([id, id.optional()]),
  'export:plan': z.tuple([id, windowLanguage.optional()]),
  'export:choose-folder': z.tuple([]),
  'export:preview': z.tuple([exportRequest.omit({ password: true })]),
  'export:preview-info': z.tuple([z.string().uuid()]),
  'export:preview-read': z.tuple([z.string().uuid(), z.number().int().min(0), z.number().int().min(1).max(MAX_READ_BYTES)]),
  'export:preview-discard': z.tuple([z.string().uuid()]),
  'export:start': z.tuple([exportRequest]),
  'export:running': z.tuple([id]),
  'export:cancel': z.tuple([z.string().uuid()]),
  /** A document's redactions, newest first. */
  'redactions:get': z.tuple([id]),
  /** What a document offers for redacting: suggestions, and where each of these texts is (pages that are pictures read by OCR unless `false`). */
  'redactions:preview': z.tuple([id, findTexts, z.boolean().optional()]),
  /** Makes a redaction (a job: progress by page, cancellable). */
  'redactions:start': z.tuple([redactionRequest]),
  'redactions:result': z.tuple([z.string().uuid()]),
  'redactions:cancel': z.tuple([z.string().uuid()]),
  /** Removes a document's newest redaction. */
  'redactions:undo': z.tuple([id]),
  /** Bytes of a document's current redacted copy (as documents:read reads the original). */
  'redactions:read': z.tuple([id, z.number().int().min(0), z.number().int().min(1).max(MAX_READ_BYTES)]),
  'export:result': z.tuple([z.string().uuid()]),
  'export:show': z.tuple([z.string().uuid()]),
  'export:open-packet': z.tuple([z.string().uuid()]),
  'security:status': z.tuple([]),
  'security:unlock': z.tuple([
    z.union([z.object({ passphrase: z.string().min(1).max(1000) }).strict(), z.object({ recoveryKey: z.string().min(1).max(200) }).strict(), z.object({ keychain: z.literal(true) }).strict()]),
  ]),
  'security:lock': z.tuple([]),
  'security:new-recovery-key': z.tuple([]),
  'security:encrypt': z.tuple([passphrase, z.string().min(1).max(200)]),
  'security:decrypt': z.tuple([z.string().min(1).max(1000)]),
  'security:conversion-result': z.tuple([z.string().uuid()]),
  'security:cancel': z.tuple([z.string().uuid()]),
  'security:change-passphrase': z.tuple([z.string().min(1).max(1000), passphrase]),
  'security:keychain': z.tuple([z.boolean()]),
  'security:settings': z.tuple([z.object({ idleLockMinutes: z.number().int().min(0).max(1440).optional(), backupReminderDays: z.number().int().min(0).max(365).optional() }).strict()]),
  'backup:choose-folder': z.tuple([]),
  'backup:start': z.tuple([z.string().min(1).max(4096), passphrase.nullable().optional()]),
  'backup:cancel': z.tuple([z.string().uuid()]),
  'backup:result': z.tuple([z.string().uuid()]),
  'backup:verify': z.tuple([z.string().min(1).max(4096)]),
} as const;

export type Channel = keyof typeof CHANNELS;

/** Read-only all the way down, so callers may pass the app's readonly arrays. */
type Immutable<T> = T extends object ? { readonly [K in keyof T]: Immutable<T[K]> } : T;
export type ChannelArgs<C extends Channel> = Immutable<z.input<(typeof CHANNELS)[C]>>;

/** One row of the library list: what the list shows, small enough for 10,000 at once. */
export interface DocumentSummary {
  readonly id: number;
  readonly patientId: number;
  readonly kind: MedicalDocument['kind'];
  readonly title: string;
  readonly type: MedicalDocument['type'];
  readonly dateOfService: string | null;
  readonly facility: string | null;
  readonly suggested: MedicalDocument['suggested'];
  readonly pages: number;
  readonly mediaType: string;
  readonly sha256: string | null;
  readonly size: number;
  readonly tags: readonly string[];
  readonly imaging: ImagingSummary | null;
  readonly ocr: OcrSummary | null;
  readonly madeFrom: readonly number[];
  /** `other`: it names someone else, and its facts are held back. */
  readonly patientMatch: PatientMatch;
  /** The languages it is written in, main one first (MedicalDocument.languages). */
  readonly languages: readonly string[] | null;
}

/** A document in the trash, with the day it goes for good. */
export interface TrashedDocument extends DocumentSummary {
  readonly deletedAt: string;
  readonly removedAfter: string;
}

/** A correction that can be undone (the newest first). */
export interface CorrectionSummary {
  readonly id: number;
  readonly at: string;
  readonly description: string;
}

/** Where reading scanned pages stands. */
export interface OcrStatus {
  readonly jobId: string | null;
  readonly progress: OcrProgress | null;
  /** Pages waiting to be read. */
  readonly waiting: number;
  readonly languages: readonly OcrLanguage[];
}

export interface AppInfo {
  readonly version: string;
  readonly libraryDir: string;
  readonly platform: string;
}

export interface ChannelResults {
  'app:info': AppInfo;
  'patients:list': Patient[];
  'patients:add': Patient;
  'documents:list': DocumentSummary[];
  'documents:get': MedicalDocument;
  /** Bytes of the original from an offset; fewer at the end of the file. */
  'documents:read': Uint8Array;
  'documents:edit': MedicalDocument;
  'documents:confirm': MedicalDocument;
  search: SearchHit[];
  /** The files or folder the person chose; empty when they cancelled the dialog. */
  'import:choose': string[];
  'import:start': { readonly jobId: string };
  'import:cancel': null;
  'import:result': ImportResult;
  'documents:pages': PageInfo[];
  'documents:page-text': string;
  /** An upright JPEG of the page (HEIC and TIFF pages). */
  'documents:preview': Uint8Array;
  'documents:compose': MedicalDocument;
  'studies:get': StudyDetails;
  /** PNG of the series' key image. */
  'series:thumbnail': Uint8Array;
  /** The series' images in order for the viewer, and what it leaves out and why. */
  'series:images': SeriesImages;
  'ocr:status': OcrStatus;
  'ocr:start': { readonly jobId: string | null };
  'ocr:cancel': null;
  'ocr:read-again': OcrStatus;
  'settings:ocr-languages': OcrStatus;
  /** True when the link was opened (the person agreed). */
  'shell:open-external': boolean;
  /** '' when it printed; else why not ('cancelled' when the person cancelled). */
  'shell:print': string;
  'shell:window-language': null;
  'documents:trash': null;
  'documents:restore': MedicalDocument;
  'documents:move': MedicalDocument;
  /** The documents moved (each with the photos it was made from), as one correction. */
  'documents:move-many': null;
  /** Which of the documents had a suggestion to accept. */
  'documents:confirm-many': { readonly confirmed: readonly number[] };
  /** Which of the documents gained the tag (the others had it). */
  'documents:tag': { readonly tagged: readonly number[] };
  'documents:opened': null;
  /** The patient's documents the person has opened whose suggestions are not all accepted yet. */
  'documents:opened-with-suggestions': number[];
  'documents:mine': MedicalDocument;
  'trash:list': TrashedDocument[];
  /** Documents removed for good, and originals removed from the vault. */
  'trash:empty': { readonly removed: number; readonly filesRemoved: number };
  'patients:edit': Patient;
  'patients:merge': Patient;
  'patients:name-variants': NameVariant[];
  'corrections:list': CorrectionSummary[];
  /** What was undone. */
  'corrections:undo': CorrectionSummary;
  /** The readable sections of a clinical document (C-CDA), rendered without its stylesheet. */
  'documents:narrative': NarrativeSection[];
  'labs:list': LabResult[];
  'labs:confirm': LabResult[];
  'labs:correct': LabResult;
  'labs:remove': null;
  'records:list': ClinicalRecord[];
  'records:add': ClinicalRecord;
  'records:update': ClinicalRecord;
  'records:confirm': ClinicalRecord[];
  'records:remove': null;
  'cases:list': Case[];
  /** Every client with their open cases, stage, gaps, overdue requests and last activity. */
  'practice:overview': PracticeClient[];
  'cases:create': Case;
  /** The case with its parts and its checklist, evaluated now. */
  /**
   * A case with all its screen shows, read at one moment: its checklist, its documents, its timeline and how
   * many of its documents the timeline leaves out (no date of service).
   */
  'cases:get': { readonly case: CaseDetails; readonly checklist: ChecklistItem[]; readonly documents: DocumentSummary[]; readonly timeline: TimelineEntry[]; readonly undated: number };
  'cases:update': Case;
  'cases:remove': null;
  'cases:add-documents': null;
  'cases:set-included': null;
  'cases:order-documents': null;
  'cases:remove-document': null;
  'cases:add-question': null;
  'cases:update-question': null;
  'cases:remove-question': null;
  'cases:order-questions': null;
  'cases:add-recommendation': null;
  'cases:remove-recommendation': null;
  'cases:update-recommendation': null;
  'cases:update-opinion': null;
  'cases:remove-opinion': null;
  'cases:add-request': null;
  'cases:set-request-state': null;
  'cases:add-specialist': null;
  'cases:update-specialist': null;
  'cases:remove-specialist': null;
  'cases:add-opinion': null;
  /** Every dated thing of a patient (or of one case), oldest first. */
  timeline: TimelineEntry[];
  /** How many documents the timeline leaves out because they have no date of service. */
  'timeline:undated': number;
  'export:plan': ExportPlan;
  /** The folder chosen for bundles (remembered); null when the person cancelled the dialog. */
  'export:choose-folder': string | null;
  'export:preview': { readonly jobId: string };
  /** Waits for the preview's packet; its size is what export:preview-read reads from. */
  'export:preview-info': PacketPreview;
  'export:preview-read': Uint8Array;
  /** The window is done with the preview: its packet is let go of. */
  'export:preview-discard': null;
  'export:start': { readonly jobId: string };
  /** An export of this case still being written (the window left its screen and came back), or null. */
  'export:running': { readonly jobId: string; readonly progress: ExportProgress | null } | null;
  'export:cancel': null;
  'redactions:get': DocumentRedactions;
  'redactions:preview': RedactionPreview;
  'redactions:start': { readonly jobId: string };
  'redactions:result': Redaction;
  'redactions:cancel': null;
  'redactions:undo': DocumentRedactions;
  'redactions:read': Uint8Array;
  'export:result': ExportResult;
  /** Shows the written bundle in the system's file manager. */
  'export:show': null;
  /** Opens the written packet in the system's PDF reader. */
  'export:open-packet': null;
  'security:status': SecurityStatus;
  'security:unlock': SecurityStatus;
  'security:lock': null;
  /** A recovery key for turning encryption on: shown (and printed) before, used by security:encrypt. */
  'security:new-recovery-key': string;
  'security:encrypt': { readonly jobId: string };
  'security:decrypt': { readonly jobId: string };
  /** Waits for encrypting or decrypting to end; the library is open again (with its new key) when it does. */
  'security:conversion-result': SecurityStatus;
  'security:cancel': null;
  'security:change-passphrase': null;
  'security:keychain': SecurityStatus;
  'security:settings': SecurityStatus;
  'backup:choose-folder': string | null;
  'backup:start': { readonly jobId: string };
  'backup:cancel': null;
  /** `recoveryKey`: the first backup with a password made one, to show once. */
  'backup:result': { readonly to: string; readonly createdAt: string; readonly originals: number; readonly copied: number; readonly bytesCopied: number; readonly recoveryKey: string | null };
  'backup:verify': { readonly ok: boolean; readonly createdAt: string; readonly filesVerified: number; readonly problems: readonly string[] };
}

export type IpcResult<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

/** What the back end tells the window without being asked. */
export interface AppEvents {
  'job:progress':
    | { readonly jobId: string; readonly kind: 'import'; readonly progress: ImportProgress }
    | { readonly jobId: string; readonly kind: 'ocr'; readonly progress: OcrProgress }
    | { readonly jobId: string; readonly kind: 'export' | 'preview'; readonly progress: ExportProgress }
    | { readonly jobId: string; readonly kind: 'encrypt' | 'decrypt'; readonly progress: EncryptionProgress }
    | { readonly jobId: string; readonly kind: 'backup'; readonly progress: BackupProgress }
    | { readonly jobId: string; readonly kind: 'redaction'; readonly progress: { readonly documentId: number; readonly done: number; readonly total: number } };
  'job:finished': { readonly jobId: string; readonly kind: 'import' | 'ocr' | 'export' | 'preview' | 'encrypt' | 'decrypt' | 'backup' | 'redaction'; readonly status: 'finished' | 'failed' | 'cancelled' };
  /** The library locked (asked, idle, or from the menu): the window hides everything and asks for the passphrase. */
  'security:locked': Record<string, never>;
  /** Something in the library changed (an import, an edit): lists should be fetched again. */
  'library:changed': { readonly patientId: number | null };
  /** The menu asked for something the window does. */
  'menu:command': { readonly command: MenuCommand };
}

export type AppEvent = keyof AppEvents;
APP_EVENTS satisfies readonly AppEvent[];
export { APP_EVENTS, IPC_EVENT, IPC_INVOKE };

export const MENU_COMMANDS = ['import-files', 'import-folder', 'find', 'go-library', 'add-patient', 'lock', 'privacy'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * The one object the preload puts on `window.casebinder`. `pathForFile` turns a dropped file into its
 * path on disk (Electron's webUtils); the window never sees Node, Electron or ipcRenderer.
 */
export interface CasebinderBridge {
  invoke(channel: Channel, args: readonly unknown[]): Promise<IpcResult>;
  on(event: AppEvent, listener: (payload: unknown) => void): () => void;
  pathForFile(file: unknown): string;
}
