/**
 * manifest.json: every file of a bundle with its size, SHA-256, media type and role, the document
 * or DICOM instance it holds, and what the bundle was made for (patient, case, specialist, choices).
 * A receiving system or a person with a checksum tool can prove nothing was altered on the way.
 */
import type { DocumentType } from '../../shared/document-types.ts';
import type { BundleFileRole } from '../../shared/export-types.ts';
import type { CaseBundleInput } from './gather.ts';
import type { Packet } from './packet.ts';

export interface ManifestFile {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly mediaType: string;
  readonly role: BundleFileRole;
  /** `type` is the label a person reads; `typeId` the document type's id (shared/document-types.ts), for a program reading it back. */
  readonly document?: { readonly number: number; readonly title: string; readonly type: string; readonly typeId: DocumentType; readonly date: string | null; readonly facility: string | null; readonly clinician: string | null; readonly originalName: string; readonly languages?: readonly string[]; readonly redacted?: true };
  readonly dicom?: { readonly studyInstanceUid: string; readonly seriesInstanceUid: string; readonly sopInstanceUid: string; readonly sopClassUid: string | null; readonly transferSyntaxUid: string | null };
}

export function manifestJson(
  input: CaseBundleInput,
  options: { readonly packetFile: string; readonly packet: Omit<Packet, 'bytes'>; readonly encrypted: boolean; readonly files: readonly ManifestFile[] },
): string {
  const { packetFile, packet, encrypted, files } = options;
  const manifest = {
    format: 'casebinder-bundle',
    version: 1,
    created: input.now.toISOString(),
    // The patient's spoken language and need for an interpreter, when the person said them (BCP 47).
    patient: { name: input.patient.name, dateOfBirth: input.patient.dateOfBirth, ...(input.patient.language ? { language: input.patient.language } : {}), ...(input.patient.interpreter ? { interpreter: true } : {}) },
    case: { title: input.details.title, condition: input.details.condition, specialty: input.details.specialty, decision: input.decision },
    preparedFor: input.specialist ? { name: input.specialist.name, institution: input.specialist.institution } : null,
    // A tagged PDF; no PDF/A claim (fontsNotEmbedded: the documents whose fonts would keep it from being one).
    // `language`: the packet's own text (BCP 47); what the patient and the records wrote is as written.
    packet: { path: packetFile, language: input.language, pages: packet.pages, encrypted, documentStarts: packet.documentStarts.map((p) => p + 1), tagged: true, pdfA: null, fontsNotEmbedded: packet.fontsNotEmbedded },
    choices: { reportsOnly: input.reportsOnly, documents: input.documents.map((d) => d.doc.id) },
    files: files.map(({ path: p, size, sha256, mediaType, role, document, dicom }) => ({ path: p, size, sha256, mediaType, role, ...(document ? { document } : {}), ...(dicom ? { dicom } : {}) })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
