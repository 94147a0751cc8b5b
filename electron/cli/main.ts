/**
 * `casebinder`: the library from a terminal, over the same services the app uses.
 * Every command takes --json and then prints exactly one JSON document on stdout.
 * Exit status: 0 on success, 2 when some inputs were refused, 1 on any other failure, 130 when cancelled.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_EXPORT_CHOICES, ENCRYPTED_ZIP_TOOLS, EXPORT_PHASE_LABELS } from '../../shared/export-types.ts';
import { pagePictureFrom, startExport } from '../export/bundle.ts';
import { isDocumentType, unknownDocumentTypeMessage } from '../../shared/document-types.ts';
import type { DocumentType } from '../../shared/document-types.ts';
import { CasebinderError, toErrorInfo } from '../../shared/errors.ts';
import { EXIT_CANCELLED, EXIT_FAILURE, EXIT_OK, EXIT_REFUSED, invalid, parseDate, parseId } from './common.ts';
import type { Output } from './common.ts';
import { SUGGESTED_FIELDS } from '../../shared/library-types.ts';
import type { DocumentEdit, DocumentFilters, MedicalDocument, SearchHit, SuggestedField } from '../../shared/library-types.ts';
import { snippetWithStars } from '../../shared/snippet.ts';
import { composeDocument } from '../compose/compose.ts';
import type { ComposePage, QuarterTurn } from '../../shared/compose-types.ts';
import type { OcrResult } from '../../shared/ocr-types.ts';
import { OCR_LANGUAGES } from '../../shared/ocr-languages.ts';
import { Importer } from '../import/importer.ts';
import { readStatedPatientsOfOlderDocuments } from '../import/stated-patients.ts';
import { Library } from '../library/library.ts';
import { OcrRunner } from '../ocr/runner.ts';
import { WorkerPool } from '../workers/pool.ts';
import { DEFAULT_SEARCH_LIMIT } from '../library/search.ts';
import { resolveLibraryDir } from '../library/location.ts';
import { formatCase, formatCheck, formatDocument, formatDocuments, formatHits, formatImport, formatLabs, formatOcr, formatPatients, formatRecords, formatStudy, styleFor } from './format.ts';
import type { ClinicalRecord, LabResult } from '../../shared/records-types.ts';
import { CASE_STATUS_LABELS, SPECIALTIES, SPECIALTY_LABELS } from '../../shared/case-types.ts';
import type { Specialty } from '../../shared/case-types.ts';
import { unknownSpecialtyMessage } from '../library/cases.ts';
import { runDocument, runPatientEdit, runPatientMerge, runTrash, runUndo } from './corrections.ts';
import { todayIso } from '../../shared/dates.ts';

const USAGE = `Usage: casebinder [--library DIR] [--json] COMMAND [ARGUMENTS]

Commands:
  init                                  create the library (default: your app-data folder)
  patient add NAME [--dob YYYY-MM-DD] [--notes TEXT] [--contact TEXT]
  patient contact NAME --contact TEXT   how a specialist reaches the patient (on the packet's cover)
  patient list
  patient edit NAME [--name NEW] [--dob YYYY-MM-DD] [--contact TEXT]
                                        correct a patient's details
  patient merge FROM INTO               two patients who are one person: FROM's documents,
                                        cases and records go to INTO
  import PATH... [--patient NAME] [--ocr]
                                        import files, folders, imaging discs and ZIP archives
                                        (PDF, JPEG, PNG, HEIC, TIFF, DICOM); --ocr also waits
                                        for OCR to read the scanned pages
  ocr [--again] [--document ID]         read the text of scanned pages and photos that wait for it
                                        (--again: read every OCR page again, e.g. after a
                                        change of languages)
  ocr-languages [CODE...]               show or set the languages OCR reads (${OCR_LANGUAGES.map((l) => l.code).join(', ')})
  compose ID[:PAGE]... --title TEXT [--rotate ID=DEGREES]... [--crop ID=LEFT,TOP,WIDTH,HEIGHT]...
                                        make one document from photos of its pages, in the order
                                        given (turn by 90, 180 or 270 degrees; crop in fractions)
  list [--patient NAME] [--type TYPE] [--from DATE] [--to DATE] [--facility TEXT] [--tag TAG]
  show ID [--text]                      one document or imaging study; --text adds the text of
                                        every page
  search QUERY... [filters as for list] full text of every page, best first
  edit ID [--type TYPE] [--date DATE] [--facility TEXT] [--clinician NAME] [--title TEXT]
          [--tag TAG]... [--notes TEXT] set details (this confirms them)
  confirm ID [--field type|dateOfService|facility|clinician]...
                                        accept the library's suggestions as your own
  document delete ID...                 put documents in the trash (restorable for 30 days)
  document restore ID                   take a document out of the trash
  document move ID --patient NAME       file a document under the patient it belongs to
  document mine ID                      a document that names someone else is the patient's
                                        after all (a name change, a nickname)
  trash [--empty]                       what is in the trash; --empty removes it for good
  undo [list]                           undo the newest move, merge, edit, delete or "mine"
                                        (until the trash is emptied)
  check                                 verify the database and re-read every original
  labs [--patient NAME] [--all]         every lab result: test, value, unit (UCUM), range, flag,
                                        date and where it came from; values read from a PDF
                                        count once confirmed; --all adds those held back
                                        because their document names someone else
  labs confirm ID...                    confirm lab values read from a PDF
  problems | medications | allergies [--patient NAME] [--all]
                                        what portal downloads (and the person) list
  case create --patient NAME --title TEXT --specialty ID [--condition TEXT]
                                        a case: one decision to be reviewed (${SPECIALTIES.join(', ')})
  case list [--patient NAME]            the cases, newest first
  case add CASE DOC...                  attach library documents to a case
  case question CASE TEXT               add a question for the specialist
  case specialist CASE NAME [--institution TEXT]
                                        whom the case is sent to (export --specialist ID)
  case recommendation CASE --by NAME --date YYYY-MM-DD --procedure TEXT [--urgency TEXT]
          [--facility TEXT] [--document DOC]...
                                        the recommendation under review
  case show CASE                        a case with its documents, recommendations, questions
                                        and completeness checklist
  export CASE [DOC...] --out DIR [--zip] [--password-file F] [--reports-only] [--max-size 25MB]
          [--specialist ID]
                                        the case bundle: packet PDF, originals, DICOM with
                                        DICOMDIR, manifest, FHIR and IHE XDM, in a folder in DIR
                                        (--zip: also as a ZIP, split into volumes under
                                        --max-size; --password-file: encrypt packet and ZIP
                                        with AES-256 using the file's first line; DOC...:
                                        only these of the case's documents)

Options:
  --library DIR   the library folder (or set CASEBINDER_LIBRARY)
  --json          print one JSON document on stdout
  --events        (import, ocr, check) print progress as JSON lines on stderr
  --limit N       (list, search) at most N results (search: 20 unless told)
`;

const options = {
  library: { type: 'string' },
  json: { type: 'boolean', default: false },
  events: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  patient: { type: 'string' },
  dob: { type: 'string' },
  notes: { type: 'string' },
  type: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  facility: { type: 'string' },
  clinician: { type: 'string' },
  title: { type: 'string' },
  date: { type: 'string' },
  tag: { type: 'string', multiple: true },
  field: { type: 'string', multiple: true },
  text: { type: 'boolean', default: false },
  limit: { type: 'string' },
  ocr: { type: 'boolean', default: false },
  again: { type: 'boolean', default: false },
  document: { type: 'string' },
  rotate: { type: 'string', multiple: true },
  crop: { type: 'string', multiple: true },
  specialty: { type: 'string' },
  condition: { type: 'string' },
  by: { type: 'string' },
  procedure: { type: 'string' },
  urgency: { type: 'string' },
  out: { type: 'string' },
  zip: { type: 'boolean', default: false },
  'password-file': { type: 'string' },
  'reports-only': { type: 'boolean', default: false },
  'max-size': { type: 'string' },
  specialist: { type: 'string' },
  contact: { type: 'string' },
  institution: { type: 'string' },
  name: { type: 'string' },
  empty: { type: 'boolean', default: false },
  all: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function parseTypes(values: readonly string[] | undefined): DocumentType[] | undefined {
  if (!values?.length) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => {
    const t = v.trim();
    if (!isDocumentType(t)) invalid(unknownDocumentTypeMessage(t));
    return t;
  });
}

function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) invalid(`--limit takes a whole number above 0, not "${value}".`);
  return n;
}

function filtersFrom(values: Values, library: Library): DocumentFilters {
  return {
    ...(values.patient ? { patientId: library.patients.find(values.patient).id } : {}),
    ...(values.type ? { types: parseTypes(values.type) } : {}),
    ...(values.from ? { from: parseDate(values.from, 'The --from date') } : {}),
    ...(values.to ? { to: parseDate(values.to, 'The --to date') } : {}),
    ...(values.facility ? { facility: values.facility } : {}),
    ...(values.tag?.[0] ? { tag: values.tag[0] } : {}),
  };
}

function documentJson(doc: MedicalDocument, library: Library) {
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
    ...(doc.dateReason ? { dateOfServiceReason: doc.dateReason } : {}),
    ...(doc.deletedAt ? { deletedAt: doc.deletedAt } : {}),
  };
}

function studyJson(doc: MedicalDocument, library: Library) {
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
      ...(x.thumbnailProblem ? { thumbnailProblem: x.thumbnailProblem } : {}),
      ...(x.problems.length ? { problems: x.problems } : {}),
      ...(x.reportText ? { reportText: x.reportText } : {}),
      ...(x.reportDocumentIds.length ? { reportDocuments: x.reportDocumentIds } : {}),
    })),
    warnings: s.warnings,
  };
}

/** A lab result as the command line prints it (the contract in the README). */
function labJson(lab: LabResult) {
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

function recordJson(record: ClinicalRecord) {
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

function hitJson(hit: SearchHit) {
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

function openLibrary(values: Values, create = false): Library {
  const dir = resolveLibraryDir(values.library);
  try {
    const library = Library.open(dir, { create });
    // A library from before names were read: what its documents say about whose they are, once.
    readStatedPatientsOfOlderDocuments(library);
    return library;
  } catch (error) {
    if (error instanceof CasebinderError && error.code === 'library-missing') {
      const where = values.library ? ` --library "${values.library}"` : '';
      throw new CasebinderError('library-missing', `${error.message} Create one with: casebinder${where} init`);
    }
    throw error;
  }
}

/** Opens the library for one command and closes it whatever happens. */
async function withLibrary<T>(values: Values, use: (library: Library) => T | Promise<T>): Promise<T> {
  const library = openLibrary(values);
  try {
    return await use(library);
  } finally {
    library.close();
  }
}

async function run(command: string | undefined, args: string[], values: Values): Promise<Output> {
  switch (command) {
    case 'init': {
      const dir = resolveLibraryDir(values.library);
      const existed = Library.exists(dir);
      const library = Library.open(dir, { create: true });
      library.close();
      return {
        json: { library: dir, created: !existed },
        text: existed ? `A library is already here: ${dir}` : `Created a new library in ${dir}`,
        exit: EXIT_OK,
      };
    }
    case 'patient': {
      const [sub, ...rest] = args;
      return withLibrary(values, (library) => {
        if (sub === 'add') {
          const name = rest.join(' ');
          const patient = library.patients.add({ name, dateOfBirth: parseDate(values.dob, 'The date of birth') ?? null, notes: values.notes ?? '', contact: values.contact ?? '' });
          return { json: patient, text: `Added patient ${patient.id}: ${patient.name}`, exit: EXIT_OK };
        }
        if (sub === 'list' || sub === undefined) {
          const patients = library.patients.list();
          return { json: patients, text: formatPatients(patients), exit: EXIT_OK };
        }
        if (sub === 'edit') return runPatientEdit(library, rest.join(' '), values);
        if (sub === 'merge') return runPatientMerge(library, rest);
        if (sub === 'contact') {
          if (values.contact === undefined) return invalid('Say how a specialist reaches the patient: casebinder patient contact NAME --contact "phone, e-mail, address"');
          const patient = library.patients.setContact(library.patients.find(rest.join(' ')).id, values.contact);
          return { json: patient, text: `${patient.name}'s contact (printed on every packet's cover): ${patient.contact || 'none'}`, exit: EXIT_OK };
        }
        return invalid(`"patient ${sub}" is not a command. Use "patient add NAME", "patient edit NAME", "patient merge FROM INTO", "patient contact NAME --contact TEXT" or "patient list".`);
      });
    }
    case 'import':
      return runImport(args, values);
    case 'list':
      return withLibrary(values, (library) => {
        const docs = library.documents.list(filtersFrom(values, library), { limit: parseLimit(values.limit, 100_000) });
        return { json: docs.map((d) => documentJson(d, library)), text: formatDocuments(docs), exit: EXIT_OK };
      });
    case 'show':
      return withLibrary(values, (library) => {
        const doc = library.documents.get(parseId(args[0]));
        const patient = library.patients.get(doc.patientId);
        const text = values.text ? library.documents.pageTexts(doc.id) : undefined;
        const pages = doc.ocr ? library.documents.pageInfo(doc.id).filter((p) => p.ocr !== null) : undefined;
        const study = doc.kind === 'study' ? library.studies.details(doc.id, patient) : undefined;
        return {
          json: {
            ...documentJson(doc, library),
            ...(study ? { study: studyJson(doc, library) } : {}),
            ...(pages ? { ocrPages: pages.map((p) => ({ page: p.number, state: p.ocr, confidence: p.confidence, languages: p.languages, ...(p.problem ? { problem: p.problem } : {}) })) } : {}),
            ...(text ? { text } : {}),
          },
          text:
            formatDocument(doc, patient, pages) +
            (study ? `\n\n${formatStudy(study)}` : '') +
            (text ? `\n\n${text.map((t, i) => `--- page ${i + 1} ---\n${t}`).join('\n')}` : ''),
          exit: EXIT_OK,
        };
      });
    case 'search': {
      const query = args.join(' ');
      if (!query.trim()) invalid('Say what to search for, e.g. casebinder search "PSA, total"');
      return withLibrary(values, (library) => {
        const hits = library.search.search(query, filtersFrom(values, library), parseLimit(values.limit, DEFAULT_SEARCH_LIMIT));
        return { json: hits.map(hitJson), text: formatHits(hits, styleFor(process.stdout)), exit: EXIT_OK };
      });
    }
    case 'edit':
      return withLibrary(values, (library) => {
        const id = parseId(args[0]);
        const types = parseTypes(values.type);
        const edit: DocumentEdit = {
          ...(types ? { type: types[0] } : {}),
          ...(values.date !== undefined ? { dateOfService: parseDate(values.date, 'The date of service') } : {}),
          ...(values.facility !== undefined ? { facility: values.facility } : {}),
          ...(values.clinician !== undefined ? { clinician: values.clinician } : {}),
          ...(values.title !== undefined ? { title: values.title } : {}),
          ...(values.tag !== undefined ? { tags: values.tag } : {}),
          ...(values.notes !== undefined ? { notes: values.notes } : {}),
        };
        if (Object.keys(edit).length === 0) invalid('Say what to change, e.g. casebinder edit 12 --type lab-report --date 2024-03-14');
        const doc = library.documents.edit(id, edit);
        return { json: documentJson(doc, library), text: formatDocument(doc, library.patients.get(doc.patientId)), exit: EXIT_OK };
      });
    case 'confirm':
      return withLibrary(values, (library) => {
        const fields = (values.field ?? []).map((f): SuggestedField => {
          const known = SUGGESTED_FIELDS.find((k) => k.toLowerCase() === f.toLowerCase() || (f === 'date' && k === 'dateOfService'));
          if (!known) invalid(`"${f}" is not a field with suggestions. Use one of: ${SUGGESTED_FIELDS.join(', ')}.`);
          return known;
        });
        const doc = library.documents.confirm(parseId(args[0]), fields.length ? fields : SUGGESTED_FIELDS);
        return { json: documentJson(doc, library), text: formatDocument(doc, library.patients.get(doc.patientId)), exit: EXIT_OK };
      });
    case 'ocr':
      return withLibrary(values, async (library) => {
        if (values.again) library.ocr.readAgain(values.document ? parseId(values.document) : undefined);
        const result = await withWorkers((pool) => readScannedPages(library, pool, values));
        return { json: result, text: formatOcr(result), exit: result.cancelled ? EXIT_CANCELLED : EXIT_OK };
      });
    case 'ocr-languages':
      return withLibrary(values, (library) => {
        const languages = args.length ? library.settings.setOcrLanguages(args.flatMap((a) => a.split(/[,+]/))) : library.settings.ocrLanguages();
        const names = languages.map((code) => OCR_LANGUAGES.find((l) => l.code === code)?.name ?? code);
        return {
          json: { languages, available: OCR_LANGUAGES },
          text:
            `OCR reads scanned pages in: ${names.join(', ')}.` +
            (args.length ? ' Pages already read keep their text; read them again with: casebinder ocr --again' : `\nAvailable: ${OCR_LANGUAGES.map((l) => `${l.code} (${l.name})`).join(', ')}`),
          exit: EXIT_OK,
        };
      });
    case 'compose':
      return withLibrary(values, async (library) => {
        const request = { title: values.title ?? '', pages: composePages(args, values) };
        const doc = await withWorkers((pool) => composeDocument(library, pool, request));
        return {
          json: documentJson(doc, library),
          text: `Made document ${doc.id} "${doc.title}" from ${doc.madeFrom.length} photo(s): ${doc.madeFrom.map((id) => `#${id}`).join(', ')}.\nOCR will read its pages: casebinder ocr`,
          exit: EXIT_OK,
        };
      });
    case 'labs':
      return withLibrary(values, (library) => {
        if (args[0] === 'confirm') {
          const ids = args.slice(1).map((a) => parseId(a, 'lab result'));
          if (ids.length === 0) return invalid('Say which lab results to confirm: casebinder labs confirm ID... (the IDs are in: casebinder labs)');
          const confirmed = library.records.confirmLabs(ids);
          return { json: confirmed.map(labJson), text: `Confirmed ${confirmed.length} lab result(s): ${confirmed.map((l) => `#${l.id} ${l.analyte}`).join(', ')}.`, exit: EXIT_OK };
        }
        if (args.length) return invalid(`"labs ${args[0]}" is not a command. Use: casebinder labs [--patient NAME], or casebinder labs confirm ID...`);
        const patient = values.patient ? library.patients.find(values.patient) : library.patients.only();
        const labs = library.records.labs({ patientId: patient.id, withHeldBack: values.all });
        return { json: labs.map(labJson), text: formatLabs(labs, patient.name), exit: EXIT_OK };
      });
    case 'problems':
    case 'medications':
    case 'allergies':
      return withLibrary(values, (library) => {
        const kind = ({ problems: 'problem', medications: 'medication', allergies: 'allergy' } as const)[command];
        const patient = values.patient ? library.patients.find(values.patient) : library.patients.only();
        const records = library.records.records(patient.id, kind, { withHeldBack: values.all });
        return { json: records.map(recordJson), text: formatRecords(records, command, patient.name), exit: EXIT_OK };
      });
    case 'case':
      return withLibrary(values, (library) => runCase(library, args, values));
    case 'document':
      return withLibrary(values, (library) => runDocument(library, args, values));
    case 'trash':
      return withLibrary(values, (library) => runTrash(library, values));
    case 'undo':
      return withLibrary(values, (library) => runUndo(library, args));
    case 'export':
      return runExport(args, values);
    case 'check':
      return withLibrary(values, async (library) => {
        const report = await library.check({
          onProgress: (p) => {
            if (values.events) process.stderr.write(`${JSON.stringify({ event: 'progress', ...p })}\n`);
          },
        });
        return { json: report, text: formatCheck(report), exit: report.ok ? EXIT_OK : EXIT_FAILURE };
      });
    case 'help':
    case undefined:
      return { json: { usage: USAGE }, text: USAGE, exit: command ? EXIT_OK : EXIT_FAILURE };
    default:
      return invalid(`"${command}" is not a casebinder command. Run "casebinder help" to see them.`);
  }
}

/** A case as `case show` prints it (the contract in the README). */
function caseJson(library: Library, id: number) {
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

function runCase(library: Library, args: readonly string[], values: Values): Output {
  const [sub, ...rest] = args;
  const caseId = () => parseId(rest[0], 'case');
  switch (sub) {
    case 'create': {
      const patient = values.patient ? library.patients.find(values.patient) : library.patients.only();
      if (!values.title) return invalid('Give the case a title: casebinder case create --title "Recommended L4-L5 spinal fusion" --specialty spine-orthopedic');
      if (!values.specialty) return invalid(`Say the specialty: --specialty ${SPECIALTIES.join('|')}`);
      if (!(SPECIALTIES as readonly string[]).includes(values.specialty)) return invalid(unknownSpecialtyMessage(values.specialty));
      const created = library.cases.create(patient.id, { title: values.title, specialty: values.specialty as Specialty, condition: values.condition ?? null }, library.now());
      return { json: { id: created.id }, text: `Created case #${created.id} "${created.title}" for ${patient.name}.`, exit: EXIT_OK };
    }
    case 'list': {
      const patient = values.patient ? library.patients.find(values.patient) : undefined;
      const cases = library.cases.list(patient?.id);
      return {
        json: cases,
        text: cases.length ? cases.map((c) => `#${c.id}  ${c.title}  (${SPECIALTY_LABELS[c.specialty]}; ${CASE_STATUS_LABELS[c.status]})`).join('\n') : 'No cases yet. Create one: casebinder case create --title TEXT --specialty ID',
        exit: EXIT_OK,
      };
    }
    case 'add': {
      const ids = rest.slice(1).map((a) => parseId(a));
      if (ids.length === 0) return invalid('Say which documents to add: casebinder case add CASE DOC...');
      const documents = library.cases.addDocuments(caseId(), ids);
      return { json: { documents: documents.map((d) => ({ id: d.documentId, included: d.included })) }, text: `Case #${caseId()} now holds ${documents.length} document(s).`, exit: EXIT_OK };
    }
    case 'specialist': {
      const name = rest.slice(1).join(' ').trim();
      if (!name) return invalid('Name the specialist: casebinder case specialist CASE "Dr. Lena Brandt" --institution "University Spine Center"');
      const specialist = library.cases.addSpecialist(caseId(), { name, institution: values.institution ?? null });
      return { json: specialist, text: `Added specialist ${specialist.id} to case #${caseId()}: ${specialist.name}. Export for them with --specialist ${specialist.id}.`, exit: EXIT_OK };
    }
    case 'question': {
      const text = rest.slice(1).join(' ');
      const question = library.cases.addQuestion(caseId(), text);
      return { json: question, text: `Added question ${question.position} to case #${caseId()}.`, exit: EXIT_OK };
    }
    case 'recommendation': {
      if (!values.by || !values.procedure) return invalid('Say who recommended what: casebinder case recommendation CASE --by NAME --date YYYY-MM-DD --procedure TEXT');
      const date = values.date ? parseDate(values.date, 'The --date') : null;
      const documentIds = values.document ? [parseId(values.document)] : [];
      const recommendation = library.cases.addRecommendation(caseId(), {
        clinician: values.by,
        procedure: values.procedure,
        date: date ?? null,
        urgency: values.urgency ?? null,
        facility: values.facility ?? null,
        documentIds,
      });
      return { json: recommendation, text: `Recorded the recommendation: ${recommendation.procedure}, by ${recommendation.clinician}.`, exit: EXIT_OK };
    }
    case 'show': {
      const json = caseJson(library, caseId());
      return { json, text: formatCase(json), exit: EXIT_OK };
    }
    default:
      return invalid(`"case ${sub ?? ''}" is not a command. Use: case create | list | add | question | recommendation | show`);
  }
}

/** Worker threads for one command, ended whatever happens. */
async function withWorkers<T>(use: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool();
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

/** Runs OCR over every waiting page, printing progress; Ctrl-C stops it and leaves the rest waiting. */
async function readScannedPages(library: Library, pool: WorkerPool, values: Values): Promise<OcrResult> {
  const runner = new OcrRunner(library, pool);
  try {
    const job = runner.start();
    const showBar = !values.json && !values.events && process.stderr.isTTY;
    job.onProgress((p) => {
      if (values.events) process.stderr.write(`${JSON.stringify({ event: 'ocr-progress', ...p })}\n`);
      else if (showBar) process.stderr.write(`\rReading scanned pages (OCR): ${p.pagesDone}/${p.pagesTotal} pages  `);
    });
    const onInterrupt = () => job.cancel();
    process.once('SIGINT', onInterrupt);
    const result = await job.result.finally(() => process.off('SIGINT', onInterrupt));
    if (showBar) process.stderr.write('\n');
    return result;
  } finally {
    await runner.close();
  }
}

function quarterTurn(value: string): QuarterTurn {
  const n = Number(value);
  if (n === 0 || n === 90 || n === 180 || n === 270) return n;
  if (n === -90) return 270;
  return invalid(`Turn a page by 90, 180 or 270 degrees (clockwise), not "${value}".`);
}

/** "12", "12:2" (page 2 of a multi-page scan), with --rotate 12=90 and --crop 12=0.05,0.1,0.9,0.8. */
function composePages(args: readonly string[], values: Values): ComposePage[] {
  if (args.length === 0) invalid('Say which photos to combine, in page order, e.g. casebinder compose 12 13 14 --title "Letter from Dr. Hale"');
  const perPhoto = (list: readonly string[] | undefined, what: string) =>
    new Map(
      (list ?? []).map((entry) => {
        const [key, value] = entry.split('=');
        if (!key || value === undefined) invalid(`Write ${what} as ID=VALUE, e.g. --${what} 12=${what === 'rotate' ? '90' : '0.05,0.1,0.9,0.8'}`);
        return [key.replace(/^#/, ''), value] as const;
      }),
    );
  const rotations = perPhoto(values.rotate, 'rotate');
  const crops = perPhoto(values.crop, 'crop');
  return args.map((arg) => {
    const [idText, pageText] = arg.split(':');
    const id = parseId(idText);
    const rotation = rotations.get(arg) ?? rotations.get(String(id));
    const cropText = crops.get(arg) ?? crops.get(String(id));
    let crop: ComposePage['crop'] = null;
    if (cropText) {
      const n = cropText.split(',').map(Number);
      if (n.length !== 4 || n.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) {
        invalid(`A crop is four fractions of the photo: left, top, width, height (e.g. 0.05,0.1,0.9,0.8), not "${cropText}".`);
      }
      crop = { left: n[0]!, top: n[1]!, width: n[2]!, height: n[3]! };
    }
    return { documentId: id, page: pageText ? parseId(pageText, 'page') : 1, rotation: rotation ? quarterTurn(rotation) : 0, crop };
  });
}

async function runImport(paths: string[], values: Values): Promise<Output> {
  if (paths.length === 0) invalid('Say what to import: one or more files or folders, e.g. casebinder import ~/Downloads/records');
  const library = openLibrary(values);
  const pool = new WorkerPool();
  const importer = new Importer(library, pool);
  try {
    const patient = values.patient ? library.patients.find(values.patient) : library.patients.only();
    const job = importer.start({ paths, patientId: patient.id });
    const showBar = !values.json && !values.events && process.stderr.isTTY;
    job.onProgress((p) => {
      if (values.events) {
        const { outcome, ...counts } = p;
        process.stderr.write(`${JSON.stringify({ event: 'progress', ...counts, ...(outcome ? { outcome } : {}) })}\n`);
      } else if (showBar && p.phase === 'importing') {
        const percent = p.bytesTotal ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100;
        process.stderr.write(`\rImporting for ${patient.name}: ${p.filesDone}/${p.filesTotal} files (${percent}%)  `);
      } else if (showBar && p.phase === 'previews') {
        process.stderr.write(`\rMaking previews of the imaging series…                    `);
      }
    });
    const onInterrupt = () => job.cancel();
    process.once('SIGINT', onInterrupt);
    const result = await job.result.finally(() => process.off('SIGINT', onInterrupt));
    if (showBar) process.stderr.write('\n');
    const ocr = values.ocr && !result.cancelled ? await readScannedPages(library, pool, values) : undefined;
    const waiting = library.ocr.waitingCount();
    return {
      json: {
        imported: result.imported.map((i) => ({ id: i.id, path: i.path, type: i.type, pages: i.pages, ...(i.study ? { study: i.study } : {}), ...(i.note ? { note: i.note } : {}) })),
        merged: result.merged.map((m) => ({ into: m.into, path: m.path, study: m.study, ...(m.note ? { note: m.note } : {}) })),
        duplicates: result.duplicates.map((d) => ({ path: d.path, of: d.of, ...(d.files ? { files: d.files } : {}) })),
        refused: result.refused.map((r) => ({ path: r.path, reason: r.reason, code: r.code })),
        skipped: result.skipped.map((s) => ({ path: s.path, reason: s.reason })),
        cancelled: result.cancelled,
        ...(ocr ? { ocr } : {}),
        pagesWaitingForOcr: waiting,
      },
      text: formatImport(result) + (ocr ? `\n${formatOcr(ocr)}` : waiting ? `\n${waiting} scanned page(s) wait for OCR; read them with: casebinder ocr` : ''),
      exit: result.cancelled || ocr?.cancelled ? EXIT_CANCELLED : result.refused.length ? EXIT_REFUSED : EXIT_OK,
    };
  } finally {
    await pool.close();
    library.close();
  }
}

/** "25MB", "25 MB", "1.5GB", "700" (megabytes) -> megabytes. */
function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(kb|mb|gb)?\s*$/i.exec(value);
  if (!m) invalid(`--max-size "${value}" is not a size. Write it like 25MB or 1.5GB.`);
  const n = Number(m[1]) * ({ kb: 0.001, mb: 1, gb: 1000 } as Record<string, number>)[(m[2] ?? 'mb').toLowerCase()]!;
  if (n < 1) invalid('--max-size must be at least 1MB.');
  return n;
}

async function runExport(args: readonly string[], values: Values): Promise<Output> {
  const caseId = parseId(args[0], 'case');
  if (!values.out) invalid('Say where to write the bundle: --out DIR (a folder; the bundle goes in a new folder inside it).');
  let password: string | null = null;
  if (values['password-file']) {
    const file = values['password-file'];
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      return invalid(`Cannot read the password file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}.`);
    }
    password = text.split(/\r?\n/)[0]!;
    if (!password) invalid(`The password file ${file} is empty; put the password on its first line.`);
  }
  const library = openLibrary(values);
  const pool = new WorkerPool();
  try {
    const remembered = library.cases.exportChoices(caseId);
    const specialistId = values.specialist ? parseId(values.specialist, 'specialist') : null;
    const base = remembered[String(specialistId ?? 0)] ?? DEFAULT_EXPORT_CHOICES;
    const choices = {
      ...base,
      documentIds: args.length > 1 ? args.slice(1).map((d) => parseId(d)) : base.documentIds,
      reportsOnly: values['reports-only'] || base.reportsOnly,
      zip: values.zip,
      maxSizeMb: values['max-size'] ? parseSize(values['max-size']) : null,
    };
    const job = startExport({ library, picture: pagePictureFrom(pool) }, { caseId, specialistId, choices, outDir: path.resolve(values.out), password });
    const showBar = !values.json && !values.events && process.stderr.isTTY;
    job.onProgress((p) => {
      if (values.events) process.stderr.write(`${JSON.stringify({ event: 'progress', ...p })}\n`);
      else if (showBar) process.stderr.write(`\r${EXPORT_PHASE_LABELS[p.phase]}: ${p.total ? Math.floor((100 * p.done) / p.total) : 100}%   `);
    });
    const onInterrupt = () => job.cancel();
    process.once('SIGINT', onInterrupt);
    const result = await job.result.finally(() => process.off('SIGINT', onInterrupt));
    if (showBar) process.stderr.write('\n');
    const lines = [
      `Wrote the case bundle (${result.documents} documents, ${result.pages}-page packet):`,
      `  folder: ${result.folder}`,
      `  packet: ${result.packet}`,
      ...result.zip.map((z) => `  zip:    ${z}`),
      ...(password && result.zip.length ? [`  ${ENCRYPTED_ZIP_TOOLS}`] : []),
      ...result.warnings.map((w) => `Note: ${w}`),
    ];
    return {
      json: { packet: result.packet, folder: result.folder, zip: result.zip, pages: result.pages, documents: result.documents, ...(result.warnings.length ? { warnings: result.warnings } : {}) },
      text: lines.join('\n'),
      exit: EXIT_OK,
    };
  } catch (error) {
    if (error instanceof CasebinderError && error.code === 'cancelled') {
      return { json: { cancelled: true }, text: error.message, exit: EXIT_CANCELLED };
    }
    throw error;
  } finally {
    await pool.close();
    library.close();
  }
}

async function main(argv: string[]): Promise<number> {
  // `npm run casebinder -- ...` runs from the package folder; paths the person typed are relative to
  // where they typed them.
  if (process.env.INIT_CWD && process.env.npm_lifecycle_event === 'casebinder') process.chdir(process.env.INIT_CWD);
  let values: Values | undefined;
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    values = parsed.values;
    const [command, ...args] = parsed.positionals;
    if (values.help) {
      process.stdout.write(values.json ? `${JSON.stringify({ usage: USAGE })}\n` : USAGE);
      return EXIT_OK;
    }
    const output = await run(command, args, values);
    process.stdout.write(values.json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
    return output.exit;
  } catch (error) {
    const info =
      error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
        ? { code: 'invalid-input' as const, message: `${error.message}. Run "casebinder help" to see the options.` }
        : toErrorInfo(error, 'casebinder');
    const json = values?.json ?? argv.includes('--json');
    if (json) process.stdout.write(`${JSON.stringify({ error: info }, null, 2)}\n`);
    process.stderr.write(`casebinder: ${info.message}\n`);
    return EXIT_FAILURE;
  }
}

process.exitCode = await main(process.argv.slice(2));
