/**
 * The practice view: every client with their open cases, each case's stage, its checklist's gaps, its
 * overdue records requests and its last activity. A handful of queries over the whole library (each read
 * from an index), then one checklist per open case: the view's cost grows with the open cases, not with
 * the documents.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CaseStatus, RequestState, Specialty } from '../../shared/case-types.ts';
import type { IsoDate } from '../../shared/dates.ts';
import { caseStage, isOverdue } from '../../shared/practice.ts';
import type { PracticeCase, PracticeClient } from '../../shared/practice.ts';
import type { Cases } from './cases.ts';
import { all, sql } from './sql.ts';

interface CaseRow {
  id: number;
  patient_id: number;
  title: string;
  specialty: Specialty;
  status: CaseStatus;
  updated_at: string;
}

export function practiceOverview(db: Database, cases: Cases, today: IsoDate, language = 'en'): PracticeClient[] {
  const patients = all<{ id: number; name: string; date_of_birth: IsoDate | null }>(db, sql`SELECT id, name, date_of_birth FROM patients ORDER BY name COLLATE NOCASE, id`);
  // Per patient, from the index: a seek for the latest import, a count of the patient's entries.
  const documents = new Map(
    all<{ patient_id: number; n: number; latest: string | null }>(
      db,
      sql`SELECT p.id AS patient_id,
                 (SELECT count(*) FROM documents d WHERE d.patient_id = p.id AND d.deleted_at IS NULL) AS n,
                 (SELECT max(imported_at) FROM documents d WHERE d.patient_id = p.id AND d.deleted_at IS NULL) AS latest
          FROM patients p`,
    ).map((r) => [r.patient_id, r]),
  );
  const requests = new Map<number, { askedOn: IsoDate; state: RequestState }[]>();
  for (const r of all<{ case_id: number; asked_on: IsoDate; state: RequestState }>(db, sql`SELECT case_id, asked_on, state FROM records_requests WHERE state = 'asked'`)) {
    requests.set(r.case_id, [...(requests.get(r.case_id) ?? []), { askedOn: r.asked_on, state: r.state }]);
  }
  const open = new Map<number, PracticeCase[]>();
  const closed = new Map<number, { n: number; latest: string }>();
  const rows = all<CaseRow>(db, sql`SELECT id, patient_id, title, specialty, status, updated_at FROM cases ORDER BY updated_at DESC, id DESC`);
  const checklists = cases.checklists(
    rows.filter((c) => c.status !== 'decided').map((c) => c.id),
    today,
    language,
  );
  for (const c of rows) {
    if (c.status === 'decided') {
      // Rows come latest first: a client's first closed case is their latest.
      closed.set(c.patient_id, { n: (closed.get(c.patient_id)?.n ?? 0) + 1, latest: closed.get(c.patient_id)?.latest ?? c.updated_at });
      continue;
    }
    const waiting = requests.get(c.id) ?? [];
    const gaps = (checklists.get(c.id) ?? []).filter((item) => item.status === 'missing').map((item) => item.message);
    open.set(c.patient_id, [
      ...(open.get(c.patient_id) ?? []),
      {
        id: c.id,
        title: c.title,
        specialty: c.specialty,
        status: caseStage(c.status, waiting.length),
        gaps,
        openGaps: gaps.length,
        requestsWaiting: waiting.length,
        overdueRequests: waiting.filter((r) => isOverdue(r, today)).length,
        lastActivity: c.updated_at,
      },
    ]);
  }
  return patients.map((p): PracticeClient => {
    const own = open.get(p.id) ?? [];
    const latest = [documents.get(p.id)?.latest, closed.get(p.id)?.latest, ...own.map((c) => c.lastActivity)].filter((t): t is string => !!t).sort().at(-1) ?? null;
    return {
      patient: { id: p.id, name: p.name, dateOfBirth: p.date_of_birth },
      documents: documents.get(p.id)?.n ?? 0,
      cases: own,
      closedCases: closed.get(p.id)?.n ?? 0,
      lastActivity: latest,
    };
  });
}
