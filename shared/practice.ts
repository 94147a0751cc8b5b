/**
 * An advocate's practice: every client with their open cases, where each stands, what is missing and
 * what is overdue. Shared by the back end (which gathers it), the window and `casebinder practice`.
 */
import type { CaseStatus, RecordsRequest, Specialty } from './case-types.ts';
import { CASE_STATUS_LABELS } from './case-types.ts';
import type { IsoDate } from './dates.ts';
import { daysBetween } from './dates.ts';
import { fold } from './patient-match.ts';

/**
 * Where a case stands. A case still gathering with records asked for and not yet come is waiting for
 * records: what the advocate does next is chase them, not the patient.
 */
export type CaseStage = CaseStatus | 'waiting-for-records';

export const CASE_STAGES: readonly CaseStage[] = ['gathering', 'waiting-for-records', 'ready', 'sent', 'opinion-received', 'decided'];

export const CASE_STAGE_LABELS: Readonly<Record<CaseStage, string>> = { ...CASE_STATUS_LABELS, 'waiting-for-records': 'Waiting for records' };

/**
 * Days after which a records request still unanswered is overdue: HIPAA gives a provider 30 days to
 * answer a patient's request for their records (45 with a stated delay).
 */
export const REQUEST_OVERDUE_DAYS = 30;

/** A request still waiting for an answer more than REQUEST_OVERDUE_DAYS after it was made. */
export function isOverdue(request: Pick<RecordsRequest, 'state' | 'askedOn'>, today: IsoDate): boolean {
  return request.state === 'asked' && daysBetween(request.askedOn, today) > REQUEST_OVERDUE_DAYS;
}

export function caseStage(status: CaseStatus, requestsWaiting: number): CaseStage {
  return status === 'gathering' && requestsWaiting > 0 ? 'waiting-for-records' : status;
}

export interface PracticeCase {
  readonly id: number;
  readonly title: string;
  readonly specialty: Specialty;
  readonly status: CaseStage;
  /** The checklist's items still missing (not warnings), in its words. */
  readonly gaps: readonly string[];
  readonly openGaps: number;
  readonly requestsWaiting: number;
  readonly overdueRequests: number;
  /** ISO time of the last change to the case or any of its parts. */
  readonly lastActivity: string;
}

export interface PracticeClient {
  readonly patient: { readonly id: number; readonly name: string; readonly dateOfBirth: IsoDate | null };
  readonly documents: number;
  /** Open cases (not yet decided), the latest activity first. */
  readonly cases: readonly PracticeCase[];
  /** Cases decided and so closed; listed on the client's cases screen. */
  readonly closedCases: number;
  /** The latest of the client's case activity and document imports; null for a client with neither. */
  readonly lastActivity: string | null;
}

export type PracticeSort = 'name' | 'status' | 'activity';

/** The clients whose name (any order of words; accents, case and apostrophes ignored) or case titles hold every typed word. */
export function filterClients(clients: readonly PracticeClient[], query: string): PracticeClient[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...clients];
  return clients.filter((c) => {
    const text = fold([c.patient.name, c.patient.dateOfBirth ?? '', ...c.cases.map((k) => k.title)].join(' '));
    return words.every((w) => text.includes(w));
  });
}


/** Where a client stands for sorting: their least advanced open case (gathering first), clients with none last. */
function stageRank(c: PracticeClient): number {
  return Math.min(...c.cases.map((k) => CASE_STAGES.indexOf(k.status)), CASE_STAGES.length);
}

export function sortClients(clients: readonly PracticeClient[], by: PracticeSort): PracticeClient[] {
  const byName = (a: PracticeClient, b: PracticeClient) => a.patient.name.localeCompare(b.patient.name) || a.patient.id - b.patient.id;
  const sorted = [...clients];
  if (by === 'name') return sorted.sort(byName);
  if (by === 'status') return sorted.sort((a, b) => stageRank(a) - stageRank(b) || byName(a, b));
  return sorted.sort((a, b) => (b.lastActivity ?? '').localeCompare(a.lastActivity ?? '') || byName(a, b));
}
