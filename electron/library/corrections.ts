/**
 * Putting mistakes right: a document to the trash and back, a document moved to the patient it belongs
 * to, "this is mine", a patient's details corrected, two patients merged. Each keeps cases, records and
 * the timeline consistent (a moved document leaves the other patient's cases; its facts go with it) and
 * is written down row by row as it changes, so the newest can be undone, one after another, until the
 * trash is emptied. Emptying the trash removes its documents for good, and their originals from the
 * vault when no other document uses them.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';
import type { IsoDate } from '../../shared/dates.ts';
import type { MedicalDocument, Patient, PatientEdit } from '../../shared/library-types.ts';
import type { Documents } from './documents.ts';
import type { Patients } from './patients.ts';
import { removeUnusedFiles } from './redactions.ts';
import { all, get, identifier, join, list, run, sql, where, writeTransaction } from './sql.ts';
import type { SqlQuery, SqlValue } from './sql.ts';
import type { Vault } from './vault.ts';

/** How long a document stays restorable in the trash before it is removed for good. */
export const TRASH_DAYS = 30;

type Row = Record<string, SqlValue>;

/** The tables a correction changes, each with the columns that name one of its rows. */
const KEYS = {
  documents: ['id'],
  patients: ['id'],
  cases: ['id'],
  lab_results: ['id'],
  clinical_records: ['id'],
  case_documents: ['case_id', 'document_id'],
  recommendation_documents: ['recommendation_id', 'document_id'],
  request_documents: ['request_id', 'document_id'],
  case_opinions: ['id'],
} as const satisfies Record<string, readonly string[]>;
type Table = keyof typeof KEYS;
const TABLES: ReadonlySet<string> = new Set(Object.keys(KEYS));

/** One row as it was before a correction changed it (null: the correction made it). */
interface Change {
  readonly table: Table;
  readonly key: Row;
  readonly before: Row | null;
}

export interface Correction {
  readonly id: number;
  readonly at: string;
  readonly description: string;
}

export interface TrashReport {
  /** Documents removed for good. */
  readonly removed: number;
  /** Originals removed from the vault (no other document used them). */
  readonly filesRemoved: number;
}

/** Records every row it changes, so the whole change can be put back. */
class Journal {
  readonly changes: Change[] = [];
  private readonly db: Database;
  private readonly columns: (table: Table) => ReadonlySet<string>;

  constructor(db: Database, columns: (table: Table) => ReadonlySet<string>) {
    this.db = db;
    this.columns = columns;
  }

  private keyOf(table: Table, row: Row): Row {
    return Object.fromEntries(KEYS[table].map((k) => [k, row[k]!]));
  }

  /** Changes the rows `condition` selects, recording each as it was. */
  update(table: Table, condition: SqlQuery, set: Row): number {
    const name = identifier(table, TABLES);
    const rows = all<Row>(this.db, sql`SELECT * FROM ${name} WHERE ${condition}`);
    const known = this.columns(table);
    const assignments = join(
      Object.entries(set).map(([column, value]) => sql`${identifier(column, known)} = ${value}`),
      sql`, `,
    );
    for (const row of rows) {
      const key = this.keyOf(table, row);
      run(this.db, sql`UPDATE ${name} SET ${assignments} ${where(keyConditions(key, known))}`);
      this.changes.push({ table, key, before: row });
    }
    return rows.length;
  }

  /** Records the rows `condition` selects as they are, before another service changes them. */
  keep(table: Table, condition: SqlQuery): void {
    const name = identifier(table, TABLES);
    for (const row of all<Row>(this.db, sql`SELECT * FROM ${name} WHERE ${condition}`)) this.changes.push({ table, key: this.keyOf(table, row), before: row });
  }

  /** Deletes the rows `condition` selects, recording each whole. */
  remove(table: Table, condition: SqlQuery): number {
    const name = identifier(table, TABLES);
    const known = this.columns(table);
    const rows = all<Row>(this.db, sql`SELECT * FROM ${name} WHERE ${condition}`);
    for (const row of rows) {
      const key = this.keyOf(table, row);
      run(this.db, sql`DELETE FROM ${name} ${where(keyConditions(key, known))}`);
      this.changes.push({ table, key, before: row });
    }
    return rows.length;
  }
}

function keyConditions(key: Row, known: ReadonlySet<string>): SqlQuery[] {
  return Object.entries(key).map(([column, value]) => sql`${identifier(column, known)} = ${value}`);
}

export class Corrections {
  private readonly db: Database;
  private readonly documents: Documents;
  private readonly patients: Patients;
  private readonly vault: Vault;
  private readonly now: () => Date;
  private readonly columnCache = new Map<Table, ReadonlySet<string>>();

  constructor(db: Database, services: { documents: Documents; patients: Patients; vault: Vault; now: () => Date }) {
    this.db = db;
    this.documents = services.documents;
    this.patients = services.patients;
    this.vault = services.vault;
    this.now = services.now;
  }

  private columns = (table: Table): ReadonlySet<string> => {
    let known = this.columnCache.get(table);
    if (!known) {
      known = new Set((this.db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
      this.columnCache.set(table, known);
    }
    return known;
  };

  /** Runs a correction in one transaction and writes down how to undo it. */
  private correct<T>(description: string, change: (journal: Journal) => T): T {
    return writeTransaction(this.db, () => {
      const journal = new Journal(this.db, this.columns);
      const result = change(journal);
      if (journal.changes.length) {
        run(this.db, sql`INSERT INTO corrections (at, description, undo) VALUES (${this.now().toISOString()}, ${description}, ${JSON.stringify(journal.changes)})`);
      }
      return result;
    })();
  }

  /** A document and the photos it was made from, which go wherever it goes. */
  private withPages(doc: MedicalDocument): number[] {
    if (doc.partOf !== null) {
      throw new CasebinderError(
        'invalid-input',
        said('err.photo-of-page', { id: doc.id, of: doc.partOf }),
      );
    }
    return [doc.id, ...doc.madeFrom];
  }

  /** Puts documents in the trash: they leave the library list, search, cases and the health record until restored. */
  trash(documentIds: readonly number[]): MedicalDocument[] {
    const docs = documentIds.map((id) => this.documents.get(id));
    const titles = docs.map((d) => `“${d.title}”`).join(', ');
    const at = this.now().toISOString();
    this.correct(`Put ${titles} in the trash`, (journal) => {
      for (const doc of docs) journal.update('documents', sql`id IN ${list(this.withPages(doc))} AND deleted_at IS NULL`, { deleted_at: at });
    });
    return docs.map((d) => this.documents.get(d.id));
  }

  restore(documentId: number): MedicalDocument {
    const doc = this.documents.get(documentId);
    if (doc.deletedAt === null) throw new CasebinderError('invalid-input', said('err.not-in-trash', { id: documentId }));
    this.correct(`Took “${doc.title}” out of the trash`, (journal) => {
      journal.update('documents', sql`id IN ${list(this.withPages(doc))} AND deleted_at IS NOT NULL`, { deleted_at: null });
    });
    return this.documents.get(documentId);
  }

  /** What is in the trash, newest first, with the day each will be removed for good. */
  inTrash(): (MedicalDocument & { readonly removedAfter: IsoDate })[] {
    const ids = all<{ id: number }>(
      this.db,
      sql`SELECT d.id FROM documents d WHERE d.deleted_at IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM composition_pages c WHERE c.source_document_id = d.id)
          ORDER BY d.deleted_at DESC, d.id DESC`,
    );
    return ids.map(({ id }) => {
      const doc = this.documents.get(id);
      const until = new Date(Date.parse(doc.deletedAt!) + TRASH_DAYS * 86_400_000).toISOString().slice(0, 10);
      return { ...doc, removedAfter: until };
    });
  }

  /**
   * Removes for good what is in the trash (all of it, or what has been there longer than
   * TRASH_DAYS), and the originals no other document uses. Corrections cannot be undone after it.
   */
  async emptyTrash(options: { readonly onlyExpired?: boolean } = {}): Promise<TrashReport> {
    const cutoff = options.onlyExpired ? new Date(this.now().getTime() - TRASH_DAYS * 86_400_000).toISOString() : null;
    const condition = cutoff === null ? sql`deleted_at IS NOT NULL` : sql`deleted_at IS NOT NULL AND deleted_at < ${cutoff}`;
    const files = new Set<string>();
    const removed = writeTransaction(this.db, () => {
      const ids = all<{ id: number }>(this.db, sql`SELECT id FROM documents WHERE ${condition}`).map((r) => r.id);
      if (ids.length === 0) return 0;
      for (const { sha256 } of all<{ sha256: string }>(
        this.db,
        sql`SELECT sha256 FROM documents WHERE id IN ${list(ids)} AND sha256 IS NOT NULL
            UNION SELECT i.sha256 FROM instances i JOIN series s ON s.id = i.series_id WHERE s.document_id IN ${list(ids)}
            UNION SELECT sha256 FROM redactions WHERE document_id IN ${list(ids)}`,
      )) {
        files.add(sha256);
      }
      // Pages made from photos first: a photo cannot go while a document still uses it.
      run(this.db, sql`DELETE FROM composition_pages WHERE document_id IN ${list(ids)}`);
      run(this.db, sql`DELETE FROM documents WHERE id IN ${list(ids)}`);
      // What was written down to undo refers to what is now gone.
      run(this.db, sql`DELETE FROM corrections`);
      return ids.length;
    })();
    const filesRemoved = await removeUnusedFiles(this.db, this.vault, files);
    return { removed, filesRemoved };
  }

  /**
   * Files a document under another patient: its facts go with it (a fact that patient already has from
   * another document is kept once), and it leaves the cases of the patient it was under.
   */
  move(documentId: number, toPatientId: number): MedicalDocument {
    return this.moveMany([documentId], toPatientId)[0]!;
  }

  /** Moves documents (with the photos each was made from) to another patient as one correction, undone at once. */
  moveMany(documentIds: readonly number[], toPatientId: number): MedicalDocument[] {
    const docs = documentIds.map((id) => this.documents.get(id));
    const to = this.patients.get(toPatientId);
    const already = docs.find((d) => d.patientId === to.id);
    if (already) throw new CasebinderError('invalid-input', said('err.already-theirs', { id: already.id, name: to.name }));
    const froms = [...new Set(docs.map((d) => this.patients.get(d.patientId).name))];
    const what = docs.length === 1 ? `“${docs[0]!.title}”` : `${docs.length} documents`;
    this.correct(`Moved ${what} from ${froms.join(' and ')} to ${to.name}`, (journal) => {
      const ids = docs.flatMap((d) => this.withPages(d));
      this.moveFacts(journal, sql`document_id IN ${list(ids)}`, to.id);
      journal.remove('case_documents', sql`document_id IN ${list(ids)}`);
      journal.remove('recommendation_documents', sql`document_id IN ${list(ids)}`);
      journal.remove('request_documents', sql`document_id IN ${list(ids)}`);
      journal.update('case_opinions', sql`document_id IN ${list(ids)}`, { document_id: null });
      journal.update('documents', sql`id IN ${list(ids)}`, { patient_id: to.id, patient_confirmed: 0 });
    });
    return docs.map((d) => this.documents.get(d.id));
  }

  /** Facts to another patient; one that patient already holds (the same test, day and value) is kept once. */
  private moveFacts(journal: Journal, which: SqlQuery, toPatientId: number): void {
    for (const table of ['lab_results', 'clinical_records'] as const) {
      const name = identifier(table, TABLES);
      journal.remove(table, sql`${which} AND fingerprint IN (SELECT fingerprint FROM ${name} WHERE patient_id = ${toPatientId})`);
      journal.update(table, which, { patient_id: toPatientId });
    }
  }

  /**
   * The person says the document is the patient's though it names someone else (a name change, a
   * nickname): its facts join the record, and the names it gives become the patient's other names.
   */
  markMine(documentId: number): MedicalDocument {
    const doc = this.documents.get(documentId);
    const patient = this.patients.get(doc.patientId);
    const names = doc.identity.match === 'other' ? doc.identity.names : [];
    this.correct(`Said “${doc.title}” is ${patient.name}'s`, (journal) => {
      journal.update('documents', sql`id = ${documentId}`, { patient_confirmed: 1 });
      if (names.length) this.addOtherNames(journal, patient, names);
    });
    return this.documents.get(documentId);
  }

  private addOtherNames(journal: Journal, patient: Patient, names: readonly string[]): void {
    const known = new Set([patient.name, ...patient.otherNames].map((n) => n.toLowerCase()));
    const fresh = names.filter((n) => !known.has(n.toLowerCase()));
    if (fresh.length) journal.update('patients', sql`id = ${patient.id}`, { other_names: JSON.stringify([...patient.otherNames, ...fresh]) });
  }

  /** Corrects a patient's name, date of birth, contact or notes. */
  editPatient(patientId: number, change: PatientEdit): Patient {
    const before = this.patients.get(patientId);
    this.correct(`Corrected ${before.name}'s details`, (journal) => {
      // Recorded as it was, then changed with the patients service's own checks.
      journal.keep('patients', sql`id = ${patientId}`);
      this.patients.edit(patientId, change);
    });
    return this.patients.get(patientId);
  }

  /**
   * Two patients who are one person: every document, case and fact of `fromId` goes to `intoId`, whose
   * details stay (a missing date of birth or contact is taken from the other); the other's name becomes
   * one of their other names, and `fromId` is gone.
   */
  merge(fromId: number, intoId: number): Patient {
    if (fromId === intoId) throw new CasebinderError('invalid-input', said('err.merge-same'));
    const from = this.patients.get(fromId);
    const into = this.patients.get(intoId);
    if (from.dateOfBirth && into.dateOfBirth && from.dateOfBirth !== into.dateOfBirth) {
      throw new CasebinderError(
        'conflict',
        said('err.merge-born-apart', { from: from.name, fromBorn: from.dateOfBirth, into: into.name, intoBorn: into.dateOfBirth }),
      );
    }
    this.correct(`Merged ${from.name} into ${into.name}`, (journal) => {
      this.moveFacts(journal, sql`patient_id = ${fromId}`, intoId);
      journal.update('documents', sql`patient_id = ${fromId}`, { patient_id: intoId });
      journal.update('cases', sql`patient_id = ${fromId}`, { patient_id: intoId });
      const fill: Row = {};
      if (!into.dateOfBirth && from.dateOfBirth) fill.date_of_birth = from.dateOfBirth;
      if (!into.contact && from.contact) fill.contact = from.contact;
      if (Object.keys(fill).length) journal.update('patients', sql`id = ${intoId}`, fill);
      this.addOtherNames(journal, this.patients.get(intoId), [from.name, ...from.otherNames]);
      journal.remove('patients', sql`id = ${fromId}`);
    });
    return this.patients.get(intoId);
  }

  /** What can be undone, newest first. */
  history(): Correction[] {
    return all<Correction>(this.db, sql`SELECT id, at, description FROM corrections ORDER BY id DESC`);
  }

  /** Undoes the newest correction (or says there is none): every row it changed is put back as it was. */
  undo(): Correction {
    const newest = get<Correction & { undo: string }>(this.db, sql`SELECT id, at, description, undo FROM corrections ORDER BY id DESC LIMIT 1`);
    if (!newest) throw new CasebinderError('not-found', said('err.nothing-to-undo'));
    const changes = JSON.parse(newest.undo) as Change[];
    writeTransaction(this.db, () => {
      for (const change of [...changes].reverse()) this.putBack(change);
      run(this.db, sql`DELETE FROM corrections WHERE id = ${newest.id}`);
    })();
    return { id: newest.id, at: newest.at, description: newest.description };
  }

  private putBack(change: Change): void {
    if (!TABLES.has(change.table)) throw new Error(`corrections: unknown table ${change.table}`);
    const known = this.columns(change.table);
    const name = identifier(change.table, TABLES);
    const key = where(keyConditions(change.key, known));
    const exists = get<{ n: number }>(this.db, sql`SELECT count(*) AS n FROM ${name} ${key}`)!.n > 0;
    if (change.before === null) {
      if (exists) run(this.db, sql`DELETE FROM ${name} ${key}`);
      return;
    }
    const entries = Object.entries(change.before);
    if (exists) {
      const set = join(
        entries.map(([column, value]) => sql`${identifier(column, known)} = ${value}`),
        sql`, `,
      );
      run(this.db, sql`UPDATE ${name} SET ${set} ${key}`);
    } else {
      const columns = join(
        entries.map(([column]) => identifier(column, known)),
        sql`, `,
      );
      const values = join(
        entries.map(([, value]) => sql`${value}`),
        sql`, `,
      );
      run(this.db, sql`INSERT INTO ${name} (${columns}) VALUES (${values})`);
    }
  }
}
