/**
 * Whose record each document is: the people it states as its patient (document_patients), and which
 * documents' facts are held back because they name someone else. A fact (a lab value, a problem, a
 * medication, an allergy) from such a document is not the patient's until the person says so: "this
 * is mine" (documents.patient_confirmed), or moves the document to the patient it names.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { IsoDate } from '../../shared/dates.ts';
import type { DocumentIdentity, NameVariant } from '../../shared/library-types.ts';
import { matchPatient, nameMatchKind, readableName } from '../../shared/patient-match.ts';
import type { KnownPatient, NameSource, StatedPatient } from '../../shared/patient-match.ts';
import { all, list, run, sql, writeTransaction } from './sql.ts';

export interface StatedRow {
  readonly names: string;
  readonly birth_date: string | null;
  readonly source: NameSource;
}

/** The people as stored, back in their shared form. */
export function statedFromRows(rows: readonly StatedRow[]): StatedPatient[] {
  return rows.map((r) => ({ names: JSON.parse(r.names) as string[], birthDate: r.birth_date, source: r.source }));
}

/** What a document's stated people say about whose it is, for the patient it is filed under. */
export function identityOf(stated: readonly StatedPatient[], patient: KnownPatient, confirmed: boolean): DocumentIdentity {
  const verdict = matchPatient(stated, patient);
  const names = [...new Set(stated.flatMap((s) => s.names.map(readableName)).filter(Boolean))];
  const birthDates = [...new Set(stated.map((s) => s.birthDate).filter((d): d is IsoDate => !!d))];
  if (confirmed) return { match: 'same', confirmed: true, names, birthDates, reason: null, others: null, likelyNames: verdict.likely };
  return { match: verdict.match, confirmed: false, names, birthDates, reason: verdict.reason, others: verdict.others, likelyNames: verdict.likely };
}

/** The SQL that gives a document's stated people as one JSON array (document alias `d`). */
export const STATED_JSON = sql`(SELECT json_group_array(json_object('names', sp.names, 'birth_date', sp.birth_date, 'source', sp.source))
      FROM document_patients sp WHERE sp.document_id = d.id)`;

export class Identity {
  private readonly db: Database;
  private readonly patient: (id: number) => KnownPatient;

  constructor(db: Database, patient: (id: number) => KnownPatient) {
    this.db = db;
    this.patient = patient;
  }

  /** Replaces what documents state from these sources, all in one transaction. */
  recordAll(entries: readonly { readonly documentId: number; readonly stated: readonly StatedPatient[] }[], sources: readonly NameSource[]): void {
    writeTransaction(this.db, () => {
      for (const e of entries) this.record(e.documentId, e.stated, sources);
    })();
  }

  /** Replaces what a document states from these sources (text read again by OCR replaces the text's). */
  record(documentId: number, stated: readonly StatedPatient[], sources: readonly NameSource[]): void {
    writeTransaction(this.db, () => {
      run(this.db, sql`DELETE FROM document_patients WHERE document_id = ${documentId} AND source IN ${list(sources)}`);
      for (const s of stated) {
        run(
          this.db,
          sql`INSERT INTO document_patients (document_id, names, birth_date, source) VALUES (${documentId}, ${JSON.stringify(s.names)}, ${s.birthDate}, ${s.source})`,
        );
      }
      run(this.db, sql`UPDATE documents SET patients_read = 1 WHERE id = ${documentId}`);
    })();
  }

  stated(documentId: number): StatedPatient[] {
    return statedFromRows(all<StatedRow>(this.db, sql`SELECT names, birth_date, source FROM document_patients WHERE document_id = ${documentId} ORDER BY id`));
  }

  /** Files imported before names were read: their first pages' text, to look at (oldest first). */
  unread(limit: number): { id: number; importedAt: string; pageTexts: string[] }[] {
    return all<{ id: number; imported_at: string; texts: string }>(
      this.db,
      sql`SELECT d.id, d.imported_at, (SELECT json_group_array(text) FROM (SELECT text FROM pages p WHERE p.document_id = d.id AND p.number <= 2 ORDER BY p.number)) AS texts
          FROM documents d WHERE d.patients_read = 0 ORDER BY d.id LIMIT ${limit}`,
    ).map((r) => ({ id: r.id, importedAt: r.imported_at, pageTexts: JSON.parse(r.texts) as string[] }));
  }

  /**
   * The patient's documents that hold facts but name someone else, with why: their facts are held back.
   * Only documents with facts are looked at, so this stays small however large the library grows.
   */
  heldBack(patientId: number): Map<number, string> {
    const rows = all<{ id: number; stated: string }>(
      this.db,
      sql`SELECT d.id, ${STATED_JSON} AS stated FROM documents d
          WHERE d.patient_id = ${patientId} AND d.patient_confirmed = 0 AND d.deleted_at IS NULL
            AND EXISTS (SELECT 1 FROM document_patients x WHERE x.document_id = d.id)
            AND (EXISTS (SELECT 1 FROM lab_results l WHERE l.document_id = d.id) OR EXISTS (SELECT 1 FROM clinical_records c WHERE c.document_id = d.id))`,
    );
    const held = new Map<number, string>();
    if (rows.length === 0) return held;
    const patient = this.patient(patientId);
    for (const row of rows) {
      const identity = identityOf(statedFromRows(JSON.parse(row.stated) as StatedRow[]), patient, false);
      if (identity.match === 'other') held.set(row.id, identity.reason!);
    }
    return held;
  }

  /**
   * How the patient's documents write their name, other than as the library has it: each way with the
   * number of documents, and whether it is in another script (a likely match, not a certain one). What
   * names someone else is not here (the document's own page says so).
   */
  nameVariants(patientId: number): NameVariant[] {
    const patient = this.patient(patientId);
    const rows = all<{ names: string; documents: number }>(
      this.db,
      sql`SELECT sp.names, count(DISTINCT sp.document_id) AS documents FROM document_patients sp
          JOIN documents d ON d.id = sp.document_id
          WHERE d.patient_id = ${patientId} AND d.deleted_at IS NULL GROUP BY sp.names`,
    );
    const own = new Set([patient.name, ...(patient.otherNames ?? [])].map((n) => n.toLowerCase()));
    const variants = new Map<string, NameVariant>();
    for (const row of rows) {
      for (const name of JSON.parse(row.names) as string[]) {
        const kind = nameMatchKind(name, patient);
        const readable = readableName(name);
        if ((kind !== 'same' && kind !== 'script') || !readable || own.has(readable.toLowerCase())) continue;
        const before = variants.get(readable);
        variants.set(readable, { name: readable, documents: (before?.documents ?? 0) + row.documents, otherScript: kind === 'script' });
      }
    }
    return [...variants.values()].sort((a, b) => b.documents - a.documents || a.name.localeCompare(b.name));
  }

  /** The person says the document is the patient's, whatever name it gives. */
  confirm(documentId: number, confirmed: boolean): void {
    run(this.db, sql`UPDATE documents SET patient_confirmed = ${confirmed ? 1 : 0} WHERE id = ${documentId}`);
  }
}
