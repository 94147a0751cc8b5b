/**
 * Cases in the library: each one decision to be reviewed, for one patient, with its recommendations,
 * questions, documents (shared with other cases, never copied), records requests, specialists and
 * opinions, and the completeness check evaluated on what it holds.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_EXPORT_CHOICES } from '../../shared/export-types.ts';
import type { ExportChoices } from '../../shared/export-types.ts';
import type {
  Case,
  CaseDetails,
  CaseDocument,
  CaseQuestion,
  CaseStatus,
  ChecklistItem,
  Opinion,
  OpinionStand,
  Recommendation,
  RecordsRequest,
  RequestMethod,
  RequestState,
  Specialist,
  Specialty,
  SubmissionMethod,
} from '../../shared/case-types.ts';
import { SPECIALTIES, unknownSpecialtyMessage } from '../../shared/case-types.ts';
import { evaluateChecklist } from '../../shared/checklist.ts';
import { studyReadiness } from '../../shared/readiness.ts';
import type { ChecklistDocument, ChecklistInput } from '../../shared/checklist.ts';
import type { IsoDate } from '../../shared/dates.ts';
import type { ClinicalRecord, LabResult } from '../../shared/records-types.ts';
import type { Patient } from '../../shared/library-types.ts';
import { CasebinderError } from '../../shared/errors.ts';
import { asWritten, said } from '../../shared/said.ts';
import { identityWords } from '../../shared/patient-match.ts';
import type { ChecklistView, Documents } from './documents.ts';
import type { Patients } from './patients.ts';
import type { Records } from './records.ts';
import { all, get, run, sql, writeTransaction } from './sql.ts';
import type { Studies } from './studies.ts';

/** A patient's medications, allergies and confirmed labs, as the checklist reads them. */
export interface PatientFacts {
  readonly patient: Patient;
  readonly medications: readonly ClinicalRecord[];
  readonly allergies: readonly ClinicalRecord[];
  readonly labs: readonly LabResult[];
}

interface SpecialistRow {
  readonly id: number;
  readonly case_id: number;
  readonly name: string;
  readonly institution: string | null;
  readonly accepts: SubmissionMethod | null;
  readonly size_limit_mb: number | null;
  /** The languages their centre reads, BCP 47, space-separated, the first the one asked for. */
  readonly reads: string;
}

function toSpecialist(s: SpecialistRow): Specialist {
  return { id: s.id, caseId: s.case_id, name: s.name, institution: s.institution, accepts: s.accepts, sizeLimitMb: s.size_limit_mb, reads: s.reads.split(' ') };
}

/** What a caller evaluating many checklists has already read (see `checklistInput`). */
interface ReadForChecklists {
  readonly facts?: Map<number, PatientFacts>;
  readonly views?: ReadonlyMap<number, ChecklistView>;
  readonly details?: CaseDetails;
}

export interface NewCase {
  readonly title: string;
  readonly specialty: Specialty;
  readonly condition?: string | null;
  readonly notes?: string;
}

export type CaseChange = Partial<Pick<Case, 'title' | 'specialty' | 'condition' | 'status' | 'notes' | 'priorities'>>;

export type NewRecommendation = Omit<Recommendation, 'id' | 'caseId' | 'facility' | 'urgency' | 'reasons' | 'risks' | 'alternatives' | 'date' | 'documentIds'> &
  Partial<Pick<Recommendation, 'facility' | 'urgency' | 'reasons' | 'risks' | 'alternatives' | 'date' | 'documentIds'>>;

interface CaseRow {
  id: number;
  patient_id: number;
  title: string;
  condition: string | null;
  specialty: Specialty;
  status: CaseStatus;
  notes: string;
  priorities: string;
  created_at: string;
  updated_at: string;
}

const toCase = (r: CaseRow): Case => ({
  id: r.id,
  patientId: r.patient_id,
  title: r.title,
  condition: r.condition,
  specialty: r.specialty,
  status: r.status,
  notes: r.notes,
  priorities: JSON.parse(r.priorities) as string[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});


/** What is said of a specialist when they are added or corrected. */
export interface SpecialistInput {
  readonly name: string;
  readonly institution?: string | null;
  readonly accepts?: SubmissionMethod | null;
  readonly sizeLimitMb?: number | null;
  readonly reads?: readonly string[];
}

/** The languages a specialist's centre reads, as stored: each once, in the order given; English when none is said. */
const readsOf = (reads: readonly string[] | undefined): string => [...new Set(reads?.length ? reads : ['en'])].join(' ');

export class Cases {
  private readonly db: Database;
  private readonly services: { patients: Patients; documents: Documents; studies: Studies; records: Records };

  constructor(db: Database, services: { patients: Patients; documents: Documents; studies: Studies; records: Records }) {
    this.db = db;
    this.services = services;
  }

  create(patientId: number, input: NewCase, now: Date): Case {
    this.services.patients.get(patientId);
    const title = input.title.trim();
    if (!title) throw new CasebinderError('invalid-input', said('err.case-title'));
    if (!SPECIALTIES.includes(input.specialty)) throw new CasebinderError('invalid-input', unknownSpecialtyMessage(input.specialty));
    const inserted = run(
      this.db,
      sql`INSERT INTO cases (patient_id, title, condition, specialty, notes, created_at, updated_at)
          VALUES (${patientId}, ${title}, ${input.condition?.trim() || null}, ${input.specialty}, ${input.notes ?? ''}, ${now.toISOString()}, ${now.toISOString()})`,
    );
    return this.get(Number(inserted.lastInsertRowid));
  }

  get(id: number): Case {
    const row = get<CaseRow>(this.db, sql`SELECT * FROM cases WHERE id = ${id}`);
    if (!row) throw new CasebinderError('not-found', said('err.no-case', { id: String(id) }));
    return toCase(row);
  }

  list(patientId?: number): Case[] {
    const rows =
      patientId === undefined
        ? all<CaseRow>(this.db, sql`SELECT * FROM cases ORDER BY created_at DESC, id DESC`)
        : all<CaseRow>(this.db, sql`SELECT * FROM cases WHERE patient_id = ${patientId} ORDER BY created_at DESC, id DESC`);
    return rows.map(toCase);
  }

  update(id: number, change: CaseChange): Case {
    const before = this.get(id);
    const next = { ...before, ...change };
    if (!next.title.trim()) throw new CasebinderError('invalid-input', said('err.case-needs-title'));
    if (!SPECIALTIES.includes(next.specialty)) throw new CasebinderError('invalid-input', unknownSpecialtyMessage(next.specialty));
    run(
      this.db,
      sql`UPDATE cases SET title = ${next.title.trim()}, condition = ${next.condition?.trim() || null}, specialty = ${next.specialty},
            status = ${next.status}, notes = ${next.notes}, priorities = ${JSON.stringify(next.priorities.map((p) => p.trim()).filter(Boolean))}
          WHERE id = ${id}`,
    );
    return this.get(id);
  }

  remove(id: number): void {
    this.get(id);
    run(this.db, sql`DELETE FROM cases WHERE id = ${id}`);
  }

  details(id: number): CaseDetails {
    const details = this.detailsOf([id]).get(id);
    if (!details) throw new CasebinderError('not-found', said('err.no-case', { id: String(id) }));
    return details;
  }

  /**
   * Several cases with all their parts, one query per part for them all (the practice view reads its 200
   * open cases at once); a case not in the library is not in the answer.
   */
  detailsOf(ids: readonly number[]): Map<number, CaseDetails> {
    const inCases = sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;
    /** Rows by the case (or part) they belong to, each case's in the order the query gave them. */
    const byOwner = <R, T>(rows: readonly R[], owner: (row: R) => number, to: (row: R) => T) => {
      const grouped = new Map<number, T[]>();
      for (const row of rows) {
        const list = grouped.get(owner(row));
        if (list) list.push(to(row));
        else grouped.set(owner(row), [to(row)]);
      }
      return (id: number): T[] => grouped.get(id) ?? [];
    };
    const recommendationDocuments = byOwner(
      all<{ recommendation_id: number; document_id: number }>(
        this.db,
        sql`SELECT rd.recommendation_id, rd.document_id FROM recommendation_documents rd JOIN case_recommendations r ON r.id = rd.recommendation_id
            WHERE r.case_id IN ${inCases} ORDER BY rd.document_id`,
      ),
      (r) => r.recommendation_id,
      (r) => r.document_id,
    );
    const recommendations = byOwner(
      all<Omit<Recommendation, 'documentIds' | 'caseId'> & { case_id: number }>(
        this.db,
        sql`SELECT id, case_id, clinician, facility, date, procedure, urgency, reasons, risks, alternatives FROM case_recommendations WHERE case_id IN ${inCases} ORDER BY date, id`,
      ),
      (r) => r.case_id,
      ({ case_id, ...r }): Recommendation => ({ ...r, caseId: case_id, documentIds: recommendationDocuments(r.id) }),
    );
    const questions = byOwner(
      all<CaseQuestion & { case_id: number }>(this.db, sql`SELECT id, case_id, text, position FROM case_questions WHERE case_id IN ${inCases} ORDER BY position, id`),
      (q) => q.case_id,
      ({ id, text, position }): CaseQuestion => ({ id, text, position }),
    );
    const documents = byOwner(
      all<{ case_id: number; document_id: number; included: number; position: number }>(
        this.db,
        // A document in the trash is out of its cases until it is restored.
        sql`SELECT case_id, document_id, included, position FROM case_documents cd
            WHERE case_id IN ${inCases} AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = cd.document_id AND d.deleted_at IS NOT NULL)
            ORDER BY position, document_id`,
      ),
      (d) => d.case_id,
      (d): CaseDocument => ({ documentId: d.document_id, included: d.included === 1, position: d.position }),
    );
    const requestDocuments = byOwner(
      all<{ request_id: number; document_id: number }>(
        this.db,
        sql`SELECT rd.request_id, rd.document_id FROM request_documents rd JOIN records_requests r ON r.id = rd.request_id WHERE r.case_id IN ${inCases}`,
      ),
      (r) => r.request_id,
      (r) => r.document_id,
    );
    const requests = byOwner(
      all<{ id: number; case_id: number; facility: string; what: string; asked_on: string; method: RequestMethod; state: RequestState }>(
        this.db,
        sql`SELECT * FROM records_requests WHERE case_id IN ${inCases} ORDER BY asked_on, id`,
      ),
      (r) => r.case_id,
      (r): RecordsRequest => ({ id: r.id, caseId: r.case_id, facility: r.facility, what: r.what, askedOn: r.asked_on, method: r.method, state: r.state, documentIds: requestDocuments(r.id) }),
    );
    const specialists = byOwner(all<SpecialistRow>(this.db, sql`SELECT * FROM case_specialists WHERE case_id IN ${inCases} ORDER BY id`), (s) => s.case_id, toSpecialist);
    const opinions = byOwner(
      all<Omit<Opinion, 'caseId' | 'specialistId' | 'documentId'> & { case_id: number; specialist_id: number | null; document_id: number | null }>(
        this.db,
        sql`SELECT id, case_id, specialist_id, by, date, summary, stand, procedure, urgency, risks, alternatives, document_id FROM case_opinions WHERE case_id IN ${inCases} ORDER BY date, id`,
      ),
      (o) => o.case_id,
      ({ case_id, specialist_id, document_id, ...o }): Opinion => ({ ...o, caseId: case_id, specialistId: specialist_id, documentId: document_id }),
    );
    const cases = all<CaseRow>(this.db, sql`SELECT * FROM cases WHERE id IN ${inCases}`).map(toCase);
    return new Map(
      cases.map((c) => [
        c.id,
        { ...c, recommendations: recommendations(c.id), questions: questions(c.id), documents: documents(c.id), requests: requests(c.id), specialists: specialists(c.id), opinions: opinions(c.id) },
      ]),
    );
  }

  /** Attaches library documents of the case's patient, after those already in it; one already in stays where it is. */
  addDocuments(caseId: number, documentIds: readonly number[]): CaseDocument[] {
    const c = this.get(caseId);
    for (const documentId of documentIds) {
      const doc = this.services.documents.get(documentId);
      if (doc.patientId !== c.patientId) {
        throw new CasebinderError('invalid-input', said('err.case-other-patient', { id: String(documentId) }));
      }
    }
    const add = writeTransaction(this.db, () => {
      for (const documentId of documentIds) {
        run(
          this.db,
          sql`INSERT INTO case_documents (case_id, document_id, included, position)
              VALUES (${caseId}, ${documentId}, 1, (SELECT coalesce(max(position), 0) + 1 FROM case_documents WHERE case_id = ${caseId}))
              ON CONFLICT (case_id, document_id) DO NOTHING`,
        );
      }
    });
    add();
    return this.details(caseId).documents as CaseDocument[];
  }

  setIncluded(caseId: number, documentId: number, included: boolean): void {
    const changed = run(this.db, sql`UPDATE case_documents SET included = ${included ? 1 : 0} WHERE case_id = ${caseId} AND document_id = ${documentId}`);
    if (!changed.changes) throw new CasebinderError('not-found', said('err.not-in-case', { id: String(documentId), caseId: String(caseId) }));
  }

  /** Puts the case's documents in this order (those not named keep their order, after them). */
  orderDocuments(caseId: number, documentIds: readonly number[]): void {
    const current = this.details(caseId).documents.map((d) => d.documentId);
    const order = [...documentIds.filter((id) => current.includes(id)), ...current.filter((id) => !documentIds.includes(id))];
    writeTransaction(this.db, () => order.forEach((id, i) => run(this.db, sql`UPDATE case_documents SET position = ${i + 1} WHERE case_id = ${caseId} AND document_id = ${id}`)))();
  }

  removeDocument(caseId: number, documentId: number): void {
    run(this.db, sql`DELETE FROM case_documents WHERE case_id = ${caseId} AND document_id = ${documentId}`);
  }

  addQuestion(caseId: number, text: string): CaseQuestion {
    this.get(caseId);
    const trimmed = text.trim();
    if (!trimmed) throw new CasebinderError('invalid-input', said('err.question'));
    const inserted = run(
      this.db,
      sql`INSERT INTO case_questions (case_id, position, text) VALUES (${caseId}, (SELECT coalesce(max(position), 0) + 1 FROM case_questions WHERE case_id = ${caseId}), ${trimmed})`,
    );
    return get<CaseQuestion>(this.db, sql`SELECT id, text, position FROM case_questions WHERE id = ${Number(inserted.lastInsertRowid)}`)!;
  }

  updateQuestion(id: number, text: string): void {
    if (!text.trim()) throw new CasebinderError('invalid-input', said('err.question-or-remove'));
    if (!run(this.db, sql`UPDATE case_questions SET text = ${text.trim()} WHERE id = ${id}`).changes) throw new CasebinderError('not-found', said('err.no-item', { what: 'question', id: String(id) }));
  }

  removeQuestion(id: number): void {
    run(this.db, sql`DELETE FROM case_questions WHERE id = ${id}`);
  }

  orderQuestions(caseId: number, questionIds: readonly number[]): void {
    writeTransaction(this.db, () => questionIds.forEach((id, i) => run(this.db, sql`UPDATE case_questions SET position = ${i + 1} WHERE id = ${id} AND case_id = ${caseId}`)))();
  }

  addRecommendation(caseId: number, input: NewRecommendation): Recommendation {
    const c = this.get(caseId);
    if (!input.clinician.trim()) throw new CasebinderError('invalid-input', said('err.recommended-by'));
    if (!input.procedure.trim()) throw new CasebinderError('invalid-input', said('err.recommended-what'));
    for (const documentId of input.documentIds ?? []) {
      if (this.services.documents.get(documentId).patientId !== c.patientId) throw new CasebinderError('invalid-input', said('err.case-other-patient', { id: String(documentId) }));
    }
    let id = 0;
    writeTransaction(this.db, () => {
      id = Number(
        run(
          this.db,
          sql`INSERT INTO case_recommendations (case_id, clinician, facility, date, procedure, urgency, reasons, risks, alternatives)
              VALUES (${caseId}, ${input.clinician.trim()}, ${input.facility?.trim() || null}, ${input.date ?? null}, ${input.procedure.trim()},
                ${input.urgency?.trim() || null}, ${input.reasons?.trim() || null}, ${input.risks?.trim() || null}, ${input.alternatives?.trim() || null})`,
        ).lastInsertRowid,
      );
      for (const documentId of input.documentIds ?? []) {
        run(this.db, sql`INSERT OR IGNORE INTO recommendation_documents (recommendation_id, document_id) VALUES (${id}, ${documentId})`);
      }
    })();
    // The document that states it belongs in the case.
    if (input.documentIds?.length) this.addDocuments(caseId, input.documentIds);
    return this.details(caseId).recommendations.find((r) => r.id === id)!;
  }

  /** Corrects a recommendation: what was recommended, by whom, when, and what was said about it. */
  updateRecommendation(id: number, change: Partial<Omit<NewRecommendation, 'documentIds'>>): void {
    const row = get<{ case_id: number }>(this.db, sql`SELECT case_id FROM case_recommendations WHERE id = ${id}`);
    if (!row) throw new CasebinderError('not-found', said('err.no-item', { what: 'recommendation', id: String(id) }));
    const before = this.details(row.case_id).recommendations.find((r) => r.id === id)!;
    const next = { ...before, ...change };
    if (!next.clinician.trim()) throw new CasebinderError('invalid-input', said('err.recommended-by'));
    if (!next.procedure.trim()) throw new CasebinderError('invalid-input', said('err.recommended-what'));
    run(
      this.db,
      sql`UPDATE case_recommendations SET clinician = ${next.clinician.trim()}, facility = ${next.facility?.trim() || null}, date = ${next.date ?? null},
            procedure = ${next.procedure.trim()}, urgency = ${next.urgency?.trim() || null}, reasons = ${next.reasons?.trim() || null},
            risks = ${next.risks?.trim() || null}, alternatives = ${next.alternatives?.trim() || null}
          WHERE id = ${id}`,
    );
  }

  /** Corrects an opinion as recorded. */
  updateOpinion(id: number, change: Partial<Omit<Opinion, 'id' | 'caseId'>>): void {
    const row = get<{ case_id: number }>(this.db, sql`SELECT case_id FROM case_opinions WHERE id = ${id}`);
    if (!row) throw new CasebinderError('not-found', said('err.no-item', { what: 'opinion', id: String(id) }));
    const next = { ...this.details(row.case_id).opinions.find((o) => o.id === id)!, ...change };
    if (!next.by.trim()) throw new CasebinderError('invalid-input', said('err.opinion-by'));
    run(
      this.db,
      sql`UPDATE case_opinions SET specialist_id = ${next.specialistId}, by = ${next.by.trim()}, date = ${next.date}, summary = ${next.summary},
            stand = ${next.stand}, procedure = ${next.procedure}, urgency = ${next.urgency}, risks = ${next.risks}, alternatives = ${next.alternatives},
            document_id = ${next.documentId}
          WHERE id = ${id}`,
    );
  }

  removeOpinion(id: number): void {
    if (!run(this.db, sql`DELETE FROM case_opinions WHERE id = ${id}`).changes) throw new CasebinderError('not-found', said('err.no-item', { what: 'opinion', id: String(id) }));
  }

  removeRecommendation(id: number): void {
    if (!run(this.db, sql`DELETE FROM case_recommendations WHERE id = ${id}`).changes) throw new CasebinderError('not-found', said('err.no-item', { what: 'recommendation', id: String(id) }));
  }

  addRequest(caseId: number, input: { facility: string; what: string; askedOn: IsoDate; method: RequestMethod }): RecordsRequest {
    this.get(caseId);
    const inserted = run(
      this.db,
      sql`INSERT INTO records_requests (case_id, facility, what, asked_on, method) VALUES (${caseId}, ${input.facility.trim()}, ${input.what.trim()}, ${input.askedOn}, ${input.method})`,
    );
    return this.details(caseId).requests.find((r) => r.id === Number(inserted.lastInsertRowid))!;
  }

  setRequestState(requestId: number, state: RequestState, documentIds: readonly number[] = []): void {
    writeTransaction(this.db, () => {
      if (!run(this.db, sql`UPDATE records_requests SET state = ${state} WHERE id = ${requestId}`).changes) throw new CasebinderError('not-found', said('err.no-item', { what: 'request', id: String(requestId) }));
      for (const documentId of documentIds) run(this.db, sql`INSERT OR IGNORE INTO request_documents (request_id, document_id) VALUES (${requestId}, ${documentId})`);
    })();
  }

  addSpecialist(caseId: number, input: SpecialistInput): Specialist {
    this.get(caseId);
    if (!input.name.trim()) throw new CasebinderError('invalid-input', said('err.specialist-name'));
    const inserted = run(
      this.db,
      sql`INSERT INTO case_specialists (case_id, name, institution, accepts, size_limit_mb, reads)
          VALUES (${caseId}, ${input.name.trim()}, ${input.institution?.trim() || null}, ${input.accepts ?? null}, ${input.sizeLimitMb ?? null}, ${readsOf(input.reads)})`,
    );
    return this.specialist(Number(inserted.lastInsertRowid));
  }

  /** Corrects what is known of a specialist: their name, centre, how they take records, the languages they read. */
  updateSpecialist(id: number, change: Partial<SpecialistInput>): Specialist {
    const next = { ...this.specialist(id), ...change };
    if (!next.name.trim()) throw new CasebinderError('invalid-input', said('err.specialist-name'));
    run(
      this.db,
      sql`UPDATE case_specialists SET name = ${next.name.trim()}, institution = ${next.institution?.trim() || null}, accepts = ${next.accepts ?? null},
            size_limit_mb = ${next.sizeLimitMb ?? null}, reads = ${readsOf(next.reads)}
          WHERE id = ${id}`,
    );
    return this.specialist(id);
  }

  /** One specialist, with the case they were added to. */
  specialist(id: number): Specialist {
    const row = get<SpecialistRow>(this.db, sql`SELECT * FROM case_specialists WHERE id = ${id}`);
    if (!row) throw new CasebinderError('not-found', said('err.no-item', { what: 'specialist', id: String(id) }));
    return toSpecialist(row);
  }

  /**
   * Takes a specialist off the case. Their opinions stay (still under the name they were recorded by); the
   * export choices remembered for them go.
   */
  removeSpecialist(id: number): void {
    writeTransaction(this.db, () => {
      const { caseId } = this.specialist(id);
      run(this.db, sql`DELETE FROM export_choices WHERE case_id = ${caseId} AND specialist_key = ${id}`);
      run(this.db, sql`DELETE FROM case_specialists WHERE id = ${id}`);
    })();
  }

  addOpinion(caseId: number, input: Omit<Opinion, 'id' | 'caseId'>): Opinion {
    this.get(caseId);
    const inserted = run(
      this.db,
      sql`INSERT INTO case_opinions (case_id, specialist_id, by, date, summary, stand, procedure, urgency, risks, alternatives, document_id)
          VALUES (${caseId}, ${input.specialistId}, ${input.by.trim()}, ${input.date}, ${input.summary}, ${input.stand satisfies OpinionStand},
            ${input.procedure}, ${input.urgency}, ${input.risks}, ${input.alternatives}, ${input.documentId})`,
    );
    return this.details(caseId).opinions.find((o) => o.id === Number(inserted.lastInsertRowid))!;
  }

  /** The export choices last used for this case and specialist (null: none yet). */
  exportChoices(caseId: number): Record<string, ExportChoices> {
    const rows = all<{ specialist_key: number; choices: string }>(this.db, sql`SELECT specialist_key, choices FROM export_choices WHERE case_id = ${caseId}`);
    return Object.fromEntries(rows.map((r) => [String(r.specialist_key), { ...DEFAULT_EXPORT_CHOICES, ...(JSON.parse(r.choices) as Partial<ExportChoices>) }]));
  }

  rememberExportChoices(caseId: number, specialistId: number | null, choices: ExportChoices): void {
    this.get(caseId);
    run(this.db, sql`INSERT INTO export_choices (case_id, specialist_key, choices) VALUES (${caseId}, ${specialistId ?? 0}, ${JSON.stringify(choices)})
                     ON CONFLICT (case_id, specialist_key) DO UPDATE SET choices = excluded.choices`);
  }

  /**
   * What the completeness check looks at: the included documents, recommendations and questions, and
   * the facts that would go into the packet: those of the included documents and those the person typed
   * in, never another document's or a held-back one's. A caller evaluating many cases (the practice
   * view) hands over what it has read for them all: `facts`, each patient's medications, allergies and
   * labs (the patient's, not the case's), filled in as patients are met; `views`, the included
   * documents; `details`, the case itself.
   */
  private checklistInput(caseId: number, today: IsoDate, read: ReadForChecklists = {}): ChecklistInput {
    const { facts = new Map<number, PatientFacts>(), views } = read;
    const c = read.details ?? this.details(caseId);
    let known = facts.get(c.patientId);
    if (!known) {
      known = {
        patient: this.services.patients.get(c.patientId),
        medications: this.services.records.records(c.patientId, 'medication'),
        allergies: this.services.records.records(c.patientId, 'allergy'),
        labs: this.services.records.labs({ patientId: c.patientId, confirmed: true }),
      };
      facts.set(c.patientId, known);
    }
    const { patient } = known;
    const includedIds = c.documents.filter((d) => d.included).map((d) => d.documentId);
    const included = views ? includedIds.map((id) => views.get(id)!) : this.services.documents.checklistViews(includedIds);
    const documents = included.map(
      (d): ChecklistDocument => ({
        id: d.id,
        kind: d.kind,
        type: d.type ?? d.suggested.type,
        title: d.title,
        date: d.dateOfService ?? d.suggested.dateOfService,
        facility: d.facility ?? d.suggested.facility,
        modalities: d.imaging?.modalities ?? [],
        warnings: d.identity.match !== 'other' ? [] : d.identity.others ? [identityWords(d.identity.others, patient)] : d.identity.reason ? [asWritten(d.identity.reason)] : [],
        languages: d.languages ?? [],
        ...(d.kind === 'study' ? this.studyChecks(d.id) : {}),
      }),
    );
    const sent = new Set(included.map((d) => d.id));
    const ours = <T extends { readonly source: { readonly documentId: number | null } }>(facts: readonly T[]) =>
      facts.filter((f) => f.source.documentId === null || sent.has(f.source.documentId));
    // As for lab values, what was read from a PDF's list counts once the person has checked it.
    const medications = ours(known.medications).filter((m) => m.confirmed);
    const labs = ours(known.labs);
    const newest = (dates: readonly (string | null)[]) => dates.filter((x): x is string => !!x).sort().at(-1) ?? null;
    return {
      specialty: c.specialty,
      today,
      documents,
      recommendationDocumentIds: c.recommendations.flatMap((r) => r.documentIds),
      questions: c.questions.length,
      medications: { count: medications.length, newest: newest(medications.map((m) => m.date)) },
      allergies: { count: ours(known.allergies).filter((a) => a.confirmed).length },
      labs: { count: labs.length, newest: newest(labs.map((l) => l.date)) },
      readers: c.specialists.map((s) => ({ name: s.name, institution: s.institution, reads: s.reads })),
    };
  }

  /** A study's radiology-ready checks and the reports matched to it, for the checklist. */
  private studyChecks(documentId: number): Pick<ChecklistDocument, 'readiness' | 'matchedReportIds'> {
    const input = this.services.studies.readinessInput(documentId);
    return { readiness: studyReadiness(input), matchedReportIds: input.reports.map((r) => r.id) };
  }

  /** The case's checklist, in the window's language when it asks for one (English otherwise). */
  checklist(caseId: number, today: IsoDate, language = 'en'): ChecklistItem[] {
    return evaluateChecklist(this.checklistInput(caseId, today), language);
  }

  /**
   * Many cases' checklists (the practice view's open cases): their parts and their documents read in a few
   * queries for them all, each patient's facts once.
   */
  checklists(caseIds: readonly number[], today: IsoDate, language = 'en'): Map<number, ChecklistItem[]> {
    const read = this.detailsOf(caseIds);
    const included = [...new Set([...read.values()].flatMap((c) => c.documents.filter((d) => d.included).map((d) => d.documentId)))];
    const views = new Map(this.services.documents.checklistViews(included).map((v) => [v.id, v]));
    const facts = new Map<number, PatientFacts>();
    return new Map([...read.values()].map((c) => [c.id, evaluateChecklist(this.checklistInput(c.id, today, { facts, views, details: c }), language)]));
  }
}

