/**
 * What the command line prints with --json: the contract the README documents for scripts. Each
 * shape is the library's own, named for a reader outside the app.
 */
import { todayIso } from '../../shared/dates.ts';
import type { MedicalDocument, SearchHit } from '../../shared/library-types.ts';
import type { ClinicalRecord, LabResult } from '../../shared/records-types.ts';
import { say } from '../../shared/said.ts';
import { snippetWithStars } from '../../shared/snippet.ts';
import type { Library } from '../library/library.ts';

export function documentJson(doc: MedicalDocument, library: Library) {
  const patient = library.patients.get(doc.patientId);
  return {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    type: doc.type,
    dateOfService: doc.dateOfService,
    facility: doc.facility,
    clinician: doc.clinician,
    pages: doc.pages,
    suggested: doc.suggested,
    tags: doc.tags,
    notes: doc.notes,
    patient: { id: patient.id, name: patient.name },
    originalName: doc.originalName,
    mediaType: doc.mediaType,
    size: doc.size,
    sha256: doc.sha256,
    importedAt: doc.importedAt,
    sourcePath: doc.sourcePath,
    ...(doc.imaging ? { imaging: doc.imaging } : {}),
    ...(doc.ocr ? { ocr: doc.ocr } : {}),
    ...(doc.partOf !== null ? { partOf: doc.partOf } : {}),
    ...(doc.madeFrom.length ? { madeFrom: doc.madeFrom } : {}),
    // Whose record it says it is: "same", "other" (its facts are held back) or "unknown".
    patientMatch: doc.identity.match,
    namesInDocument: doc.identity.names,
    birthDatesInDocument: doc.identity.birthDates,
    ...(doc.identity.reason ? { patientMatchReason: doc.identity.reason } : {}),
    ...(doc.identity.confirmed ? { patientConfirmed: true } : {}),
    // Names that are the patient's only read across scripts (Arabic letters for a Latin name): a likely match.
    ...(doc.identity.likelyNames.length ? { patientNamesInOtherScripts: doc.identity.likelyNames } : {}),
    ...(doc.dateReason ? { dateOfServiceReason: say(doc.dateReason) } : {}),
    // BCP 47, read from the text: the main language, and all of them (main first); null and [] when the
    // text says too little (a study, a photo not read yet) or the library has not read it yet. Or as
    // the person said them (`edit --language`): then languagesByPerson.
    language: doc.languages?.[0] ?? null,
    languages: doc.languages ?? [],
    ...(doc.languagesByPerson ? { languagesByPerson: true } : {}),
    ...(doc.deletedAt ? { deletedAt: doc.deletedAt } : {}),
  };
}

export function studyJson(doc: MedicalDocument, library: Library) {
  const s = library.studies.details(doc.id, library.patients.get(doc.patientId));
  return {
    studyInstanceUid: s.studyInstanceUid,
    studyDate: s.studyDate,
    modalities: s.modalities,
    description: s.description,
    accessionNumber: s.accessionNumber,
    institution: s.institution,
    referringPhysician: s.referringPhysician,
    patientInImages: { name: s.patientName, id: s.patientId, birthDate: s.patientBirthDate, sex: s.patientSex },
    instances: s.instances,
    series: s.series.map((x) => ({
      seriesInstanceUid: x.seriesInstanceUid,
      number: x.number,
      modality: x.modality,
      description: x.description,
      bodyPart: x.bodyPart,
      instances: x.instances,
      thumbnail: x.hasThumbnail,
      ...(x.thumbnailProblem ? { thumbnailProblem: say(x.thumbnailProblem) } : {}),
      ...(x.problems.length ? { problems: x.problems.map((p) => say(p)) } : {}),
      ...(x.reportText ? { reportText: x.reportText } : {}),
      ...(x.reportDocumentIds.length ? { reportDocuments: x.reportDocumentIds } : {}),
    })),
    warnings: s.warnings.map((w) => say(w)),
  };
}

/** A lab result as the command line prints it (the contract in the README). */
export function labJson(lab: LabResult) {
  return {
    id: lab.id,
    analyte: lab.analyte,
    loinc: lab.loinc,
    // A number, a number with its comparator as printed ("<0.5"), or text ("Negative").
    value: lab.value.comparator && lab.value.number !== null ? `${lab.value.comparator}${lab.value.number}` : (lab.value.number ?? lab.value.text),
    valueAsPrinted: lab.value.printed,
    unit: lab.unit,
    unitAsPrinted: lab.unitAsPrinted,
    range: lab.range,
    flag: lab.flag,
    date: lab.date,
    lab: lab.lab,
    source: lab.source,
    origin: lab.origin,
    confirmed: lab.confirmed,
    ...(lab.heldBack ? { heldBack: lab.heldBack } : {}),
  };
}

export function recordJson(record: ClinicalRecord) {
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    codes: record.codes,
    status: record.status,
    date: record.date,
    endDate: record.endDate,
    detail: record.detail,
    source: record.source,
    origin: record.origin,
    confirmed: record.confirmed,
    ...(record.heldBack ? { heldBack: record.heldBack } : {}),
  };
}

export function hitJson(hit: SearchHit) {
  return {
    id: hit.id,
    title: hit.title,
    page: hit.page,
    snippet: snippetWithStars(hit.snippet),
    type: hit.type,
    dateOfService: hit.dateOfService,
    facility: hit.facility,
    patientId: hit.patientId,
    otherPages: hit.otherPages,
    ...(hit.ocrConfidence !== null ? { ocrConfidence: hit.ocrConfidence } : {}),
  };
}

/** A case as `case show` prints it (the contract in the README). */
export function caseJson(library: Library, id: number) {
  const c = library.cases.details(id);
  return {
    id: c.id,
    patientId: c.patientId,
    title: c.title,
    condition: c.condition,
    specialty: c.specialty,
    status: c.status,
    documents: c.documents.map((d) => ({ id: d.documentId, included: d.included })),
    recommendations: c.recommendations,
    questions: c.questions.map((q) => q.text),
    priorities: c.priorities,
    checklist: library.cases.checklist(id, todayIso()).map((i) => ({ status: i.status, message: i.message, ask: i.ask, rule: i.rule })),
  };
}
