import type { DocumentSummary } from '../../../shared/ipc-contract.ts';
import type { MedicalDocument } from '../../../shared/library-types.ts';

/** A document as a list row shows it: small enough to send 10,000 at once. */
export function summary(doc: MedicalDocument): DocumentSummary {
  return {
    id: doc.id,
    patientId: doc.patientId,
    kind: doc.kind,
    title: doc.title,
    type: doc.type,
    dateOfService: doc.dateOfService,
    facility: doc.facility,
    suggested: doc.suggested,
    pages: doc.pages,
    mediaType: doc.mediaType,
    sha256: doc.sha256,
    size: doc.size,
    tags: doc.tags,
    imaging: doc.imaging,
    ocr: doc.ocr,
    madeFrom: doc.madeFrom,
    patientMatch: doc.identity.match,
    languages: doc.languages,
  };
}
