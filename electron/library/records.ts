/**
 * Lab results and clinical records in the library. A fact is stored once per patient: its fingerprint
 * is what it says (the test or code, the date, the value), so the same result from a second portal
 * download is recognised. Values read from a PDF wait for the person's confirmation; structured ones
 * come confirmed, and confirm a waiting value that says the same.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';
import type { ClinicalRecord, LabFlag, LabResult, NormalizedLab, RecordCode, RecordKind, RecordOrigin } from '../../shared/records-types.ts';
import { all, get, list, run, sql, where, writeTransaction } from './sql.ts';
import type { SqlQuery } from './sql.ts';

/** A clinical record as read from a source, before it is stored. */
export interface RecordInput {
  readonly kind: RecordKind;
  readonly name: string;
  readonly codes: readonly RecordCode[];
  readonly status?: string | null;
  readonly date?: string | null;
  readonly endDate?: string | null;
  readonly detail?: string | null;
  /** The page it was read from (a PDF's medication list). */
  readonly page?: number | null;
}

export interface DerivedRecords {
  readonly labs: readonly NormalizedLab[];
  readonly records: readonly RecordInput[];
  /** Where the records came from (each lab carries its own). */
  readonly origin: RecordOrigin;
}

export interface AddedCounts {
  readonly labs: number;
  readonly records: Readonly<Partial<Record<RecordKind, number>>>;
  /** Facts the library already held (from another document). */
  readonly known: number;
  /** Facts this document lists more than once, kept once. */
  readonly repeated: number;
}

interface LabRow {
  id: number;
  patient_id: number;
  document_id: number | null;
  page: number | null;
  analyte: string;
  analyte_printed: string;
  loinc: string | null;
  value_number: number | null;
  comparator: LabResult['value']['comparator'];
  value_text: string | null;
  value_printed: string;
  unit: string | null;
  unit_printed: string | null;
  range_low: number | null;
  range_high: number | null;
  range_text: string | null;
  flag: LabFlag;
  date: string | null;
  lab: string | null;
  origin: RecordOrigin;
  confirmed: number;
}

interface RecordRow {
  id: number;
  patient_id: number;
  document_id: number | null;
  kind: RecordKind;
  name: string;
  codes: string;
  status: string | null;
  date: string | null;
  end_date: string | null;
  detail: string | null;
  origin: RecordOrigin;
  confirmed: number;
  page: number | null;
}

function labFromRow(r: LabRow): LabResult {
  return {
    id: r.id,
    patientId: r.patient_id,
    analyte: r.analyte,
    analyteAsPrinted: r.analyte_printed,
    loinc: r.loinc,
    value: { number: r.value_number, comparator: r.comparator, text: r.value_text, printed: r.value_printed },
    unit: r.unit,
    unitAsPrinted: r.unit_printed,
    range: r.range_text !== null || r.range_low !== null || r.range_high !== null ? { low: r.range_low, high: r.range_high, text: r.range_text ?? '' } : null,
    flag: r.flag,
    date: r.date,
    lab: r.lab,
    source: { documentId: r.document_id, page: r.page },
    origin: r.origin,
    confirmed: r.confirmed === 1,
    heldBack: null,
  };
}

function recordFromRow(r: RecordRow): ClinicalRecord {
  return {
    id: r.id,
    patientId: r.patient_id,
    kind: r.kind,
    name: r.name,
    codes: JSON.parse(r.codes) as RecordCode[],
    status: r.status,
    date: r.date,
    endDate: r.end_date,
    detail: r.detail,
    source: { documentId: r.document_id, page: r.page },
    origin: r.origin,
    confirmed: r.confirmed === 1,
    heldBack: null,
  };
}

/** The same record: its kind, its first code (else its name), its day. */
function recordFingerprint(record: RecordInput): string {
  const code = record.codes[0];
  const what = code ? `${code.system}:${code.code}` : `name:${record.name.trim().toLowerCase()}`;
  return [record.kind, what, record.date?.slice(0, 10) ?? '', record.kind === 'vital' ? (record.detail ?? '') : ''].join('|');
}

export interface LabFilter {
  readonly patientId?: number;
  readonly confirmed?: boolean;
  readonly documentId?: number;
  /** Also facts from documents that name someone else, each marked with why it is held back. */
  readonly withHeldBack?: boolean;
}

/** Facts of documents in the trash are not listed anywhere. */
const NOT_IN_TRASH = sql`(document_id IS NULL OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = document_id AND d.deleted_at IS NOT NULL))`;

export class Records {
  private readonly db: Database;
  /** The patient's documents whose facts are held back, with why (see identity.ts). */
  private readonly heldBack: (patientId: number) => ReadonlyMap<number, string>;

  constructor(db: Database, heldBack: (patientId: number) => ReadonlyMap<number, string>) {
    this.db = db;
    this.heldBack = heldBack;
  }

  /** Marks or leaves out the facts whose document names someone else. */
  private sift<T extends { readonly patientId: number; readonly source: { readonly documentId: number | null }; readonly heldBack: string | null }>(
    facts: T[],
    withHeldBack: boolean,
  ): T[] {
    const held = new Map<number, ReadonlyMap<number, string>>();
    const reason = (fact: T) => {
      if (fact.source.documentId === null) return null;
      if (!held.has(fact.patientId)) held.set(fact.patientId, this.heldBack(fact.patientId));
      return held.get(fact.patientId)!.get(fact.source.documentId) ?? null;
    };
    return facts.flatMap((fact) => {
      const why = reason(fact);
      if (why === null) return [fact];
      return withHeldBack ? [{ ...fact, heldBack: why }] : [];
    });
  }

  /**
   * Stores what a document says, skipping facts already known. Runs inside the caller's transaction
   * when there is one, so a document and its records arrive together.
   */
  add(patientId: number, documentId: number | null, derived: DerivedRecords, now: Date): AddedCounts {
    const at = now.toISOString();
    let labs = 0;
    let known = 0;
    let repeated = 0;
    const records: Partial<Record<RecordKind, number>> = {};
    const seen = new Set<string>();
    const fresh = (fingerprint: string) => {
      if (seen.has(fingerprint)) {
        repeated++;
        return false;
      }
      seen.add(fingerprint);
      return true;
    };
    const write = writeTransaction(this.db, () => {
      for (const lab of derived.labs) {
        const fingerprint = lab.fingerprint;
        if (!fresh(fingerprint)) continue;
        const confirmed = lab.origin === 'pdf' ? 0 : 1;
        const before = get<{ id: number; confirmed: number }>(
          this.db,
          sql`SELECT id, confirmed FROM lab_results WHERE patient_id = ${patientId} AND fingerprint = ${fingerprint}`,
        );
        if (before) {
          known++;
          if (confirmed && !before.confirmed) run(this.db, sql`UPDATE lab_results SET confirmed = 1 WHERE id = ${before.id}`);
          continue;
        }
        run(
          this.db,
          sql`INSERT INTO lab_results (patient_id, document_id, page, analyte, analyte_printed, loinc, value_number, comparator,
                value_text, value_printed, unit, unit_printed, range_low, range_high, range_text, flag, date, lab, origin,
                confirmed, fingerprint, created_at)
              VALUES (${patientId}, ${documentId}, ${lab.page}, ${lab.analyte}, ${lab.analyteAsPrinted}, ${lab.loinc},
                ${lab.value.number}, ${lab.value.comparator}, ${lab.value.text}, ${lab.value.printed}, ${lab.unit},
                ${lab.unitAsPrinted}, ${lab.range?.low ?? null}, ${lab.range?.high ?? null}, ${lab.range?.text ?? null},
                ${lab.flag}, ${lab.date}, ${lab.lab}, ${lab.origin}, ${confirmed}, ${fingerprint}, ${at})`,
        );
        labs++;
      }
      for (const record of derived.records) {
        const fingerprint = recordFingerprint(record);
        if (!fresh(fingerprint)) continue;
        const inserted = run(
          this.db,
          sql`INSERT INTO clinical_records (patient_id, document_id, kind, name, codes, status, date, end_date, detail, origin, fingerprint, created_at, confirmed, page)
              VALUES (${patientId}, ${documentId}, ${record.kind}, ${record.name}, ${JSON.stringify(record.codes)}, ${record.status ?? null},
                ${record.date ?? null}, ${record.endDate ?? null}, ${record.detail ?? null}, ${derived.origin}, ${fingerprint}, ${at},
                ${derived.origin === 'pdf' ? 0 : 1}, ${record.page ?? null})
              ON CONFLICT (patient_id, fingerprint) DO NOTHING`,
        );
        if (inserted.changes) records[record.kind] = (records[record.kind] ?? 0) + 1;
        else known++;
      }
    });
    write();
    return { labs, records, known, repeated };
  }

  /** The patient's lab results; those of documents naming someone else only `withHeldBack`, marked. */
  labs(filter: LabFilter = {}): LabResult[] {
    const conditions: SqlQuery[] = [NOT_IN_TRASH];
    if (filter.patientId !== undefined) conditions.push(sql`patient_id = ${filter.patientId}`);
    if (filter.confirmed !== undefined) conditions.push(sql`confirmed = ${filter.confirmed ? 1 : 0}`);
    if (filter.documentId !== undefined) conditions.push(sql`document_id = ${filter.documentId}`);
    return this.sift(all<LabRow>(this.db, sql`SELECT * FROM lab_results ${where(conditions)} ORDER BY analyte COLLATE NOCASE, date, id`).map(labFromRow), filter.withHeldBack ?? false);
  }

  lab(id: number): LabResult {
    const row = get<LabRow>(this.db, sql`SELECT * FROM lab_results WHERE id = ${id}`);
    if (!row) throw new CasebinderError('not-found', said('err.no-lab-result', { id: String(id) }));
    return labFromRow(row);
  }

  /** Confirms values read from a PDF: from now on they count as data. Returns the ones confirmed. */
  confirmLabs(ids: readonly number[]): LabResult[] {
    for (const id of ids) this.lab(id);
    run(this.db, sql`UPDATE lab_results SET confirmed = 1 WHERE id IN ${list(ids)}`);
    return ids.map((id) => this.lab(id));
  }

  /**
   * Stores a value read from a PDF as the person corrected it (electron/labs' `correctedLab`), and
   * confirms it: the person has checked it against the page.
   */
  saveCorrectedLab(id: number, fixed: NormalizedLab): LabResult {
    this.lab(id);
    run(
      this.db,
      sql`UPDATE lab_results SET analyte = ${fixed.analyte}, analyte_printed = ${fixed.analyteAsPrinted}, loinc = ${fixed.loinc},
            value_number = ${fixed.value.number}, comparator = ${fixed.value.comparator}, value_text = ${fixed.value.text},
            value_printed = ${fixed.value.printed}, unit = ${fixed.unit}, unit_printed = ${fixed.unitAsPrinted},
            range_low = ${fixed.range?.low ?? null}, range_high = ${fixed.range?.high ?? null}, range_text = ${fixed.range?.text ?? null},
            flag = ${fixed.flag}, date = ${fixed.date}, confirmed = 1, fingerprint = ${`${fixed.fingerprint}#${id}`}
          WHERE id = ${id}`,
    );
    return this.lab(id);
  }

  /** A value read from a PDF that is not a result after all (the person says so): removed. */
  removeLab(id: number): void {
    this.lab(id);
    run(this.db, sql`DELETE FROM lab_results WHERE id = ${id}`);
  }

  /** A problem, medication or allergy the person adds by hand. */
  addRecord(patientId: number, input: RecordInput, now: Date): ClinicalRecord {
    const name = input.name.trim();
    if (!name) throw new CasebinderError('invalid-input', said('err.record-name', { kind: input.kind }));
    const inserted = run(
      this.db,
      sql`INSERT INTO clinical_records (patient_id, document_id, kind, name, codes, status, date, end_date, detail, origin, fingerprint, created_at)
          VALUES (${patientId}, NULL, ${input.kind}, ${name}, '[]', ${input.status?.trim() || null}, ${input.date ?? null}, ${input.endDate ?? null},
            ${input.detail?.trim() || null}, 'manual', ${`manual:${now.getTime()}:${Math.random()}`}, ${now.toISOString()})`,
    );
    return this.record(Number(inserted.lastInsertRowid));
  }

  /** Edits a record by hand: the person's word replaces what a download said. */
  updateRecord(id: number, change: Partial<Pick<RecordInput, 'name' | 'status' | 'date' | 'endDate' | 'detail'>>): ClinicalRecord {
    const before = this.record(id);
    const name = (change.name ?? before.name).trim();
    if (!name) throw new CasebinderError('invalid-input', said('err.record-name', { kind: before.kind }));
    run(
      this.db,
      sql`UPDATE clinical_records SET name = ${name}, status = ${change.status !== undefined ? change.status?.trim() || null : before.status},
            date = ${change.date !== undefined ? change.date : before.date}, end_date = ${change.endDate !== undefined ? change.endDate : before.endDate},
            detail = ${change.detail !== undefined ? change.detail?.trim() || null : before.detail}
          WHERE id = ${id}`,
    );
    return this.record(id);
  }

  removeRecord(id: number): void {
    this.record(id);
    run(this.db, sql`DELETE FROM clinical_records WHERE id = ${id}`);
  }

  record(id: number): ClinicalRecord {
    const row = get<RecordRow>(this.db, sql`SELECT * FROM clinical_records WHERE id = ${id}`);
    if (!row) throw new CasebinderError('not-found', said('err.no-item', { what: 'record', id: String(id) }));
    return recordFromRow(row);
  }

  /** The patient's problems, medications, allergies…; those of documents naming someone else only `withHeldBack`, marked. */
  records(patientId: number, kind?: RecordKind, options: { readonly withHeldBack?: boolean } = {}): ClinicalRecord[] {
    const conditions = [sql`patient_id = ${patientId}`, NOT_IN_TRASH, ...(kind ? [sql`kind = ${kind}`] : [])];
    return this.sift(
      all<RecordRow>(this.db, sql`SELECT * FROM clinical_records ${where(conditions)} ORDER BY kind, date DESC, name COLLATE NOCASE, id`).map(recordFromRow),
      options.withHeldBack ?? false,
    );
  }

  /** Confirms medications or allergies read from a PDF, after the person checked them against the page. */
  confirmRecords(ids: readonly number[]): ClinicalRecord[] {
    for (const id of ids) this.record(id);
    run(this.db, sql`UPDATE clinical_records SET confirmed = 1 WHERE id IN ${list(ids)}`);
    return ids.map((id) => this.record(id));
  }

  /** How many facts the patient's record holds (held-back ones apart), and how many wait to be checked. */
  counts(patientId: number): { labs: number; labsToConfirm: number; heldBack: number } & Partial<Record<RecordKind, number>> {
    const held = [...this.heldBack(patientId).keys()];
    // NOT IN (NULL) is never true: with nothing held back, nothing is excluded.
    const notHeld = held.length ? sql`(document_id IS NULL OR document_id NOT IN ${list(held)})` : sql`1`;
    const labs = get<{ n: number; waiting: number }>(
      this.db,
      sql`SELECT count(*) AS n, total(confirmed = 0) AS waiting FROM lab_results WHERE patient_id = ${patientId} AND ${NOT_IN_TRASH} AND ${notHeld}`,
    )!;
    const kinds = all<{ kind: RecordKind; n: number }>(
      this.db,
      sql`SELECT kind, count(*) AS n FROM clinical_records WHERE patient_id = ${patientId} AND ${NOT_IN_TRASH} AND ${notHeld} GROUP BY kind`,
    );
    const heldBack = get<{ n: number }>(
      this.db,
      sql`SELECT (SELECT count(*) FROM lab_results WHERE document_id IN ${list(held)}) + (SELECT count(*) FROM clinical_records WHERE document_id IN ${list(held)}) AS n`,
    )!.n;
    return { labs: labs.n, labsToConfirm: labs.waiting, heldBack, ...Object.fromEntries(kinds.map((k) => [k.kind, k.n])) };
  }
}
