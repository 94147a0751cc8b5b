import type { Database } from 'better-sqlite3-multiple-ciphers';
import { isIsoDate } from '../../shared/dates.ts';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';
import type { NewPatient, Patient, PatientEdit } from '../../shared/library-types.ts';
import { all, get, run, sql } from './sql.ts';

interface PatientRow {
  id: number;
  name: string;
  date_of_birth: string | null;
  notes: string;
  contact: string;
  other_names: string;
  language: string | null;
  interpreter: number;
  created_at: string;
  document_count: number;
}

const SELECT_PATIENT = sql`
  SELECT p.id, p.name, p.date_of_birth, p.notes, p.contact, p.other_names, p.language, p.interpreter, p.created_at,
         (SELECT count(*) FROM documents d WHERE d.patient_id = p.id AND d.deleted_at IS NULL) AS document_count
  FROM patients p`;

function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    name: row.name,
    dateOfBirth: row.date_of_birth,
    notes: row.notes,
    contact: row.contact,
    otherNames: JSON.parse(row.other_names) as string[],
    language: row.language,
    interpreter: row.interpreter === 1,
    createdAt: row.created_at,
    documentCount: row.document_count,
  };
}

/** The people whose records the library keeps; an advocate keeps many. */
export class Patients {
  private readonly db: Database;
  private readonly now: () => Date;

  constructor(db: Database, now: () => Date) {
    this.db = db;
    this.now = now;
  }

  add(input: NewPatient): Patient {
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (!name) throw new CasebinderError('invalid-input', said('err.patient-name'));
    const dateOfBirth = input.dateOfBirth ?? null;
    if (dateOfBirth !== null) checkDateOfBirth(dateOfBirth, this.now());
    const same = this.list().find(
      (p) => p.name.toLowerCase() === name.toLowerCase() && (p.dateOfBirth ?? null) === dateOfBirth,
    );
    if (same) {
      throw new CasebinderError('conflict', said('err.patient-exists', { name: same.name, born: same.dateOfBirth ?? 'none', id: same.id }));
    }
    const { lastInsertRowid } = run(
      this.db,
      sql`INSERT INTO patients (name, date_of_birth, notes, contact, language, interpreter, created_at)
          VALUES (${name}, ${dateOfBirth}, ${input.notes ?? ''}, ${(input.contact ?? '').trim()}, ${input.language ?? null}, ${input.interpreter ? 1 : 0}, ${this.now().toISOString()})`,
    );
    return this.get(Number(lastInsertRowid));
  }

  /** Sets how a specialist reaches the patient (printed on the cover of every packet). */
  setContact(id: number, contact: string): Patient {
    this.get(id);
    run(this.db, sql`UPDATE patients SET contact = ${contact.trim()} WHERE id = ${id}`);
    return this.get(id);
  }

  /**
   * Corrects a patient's details. The name stays unique with the date of birth, as when adding; the
   * documents, cases and records stay with the patient.
   */
  edit(id: number, change: PatientEdit): Patient {
    const before = this.get(id);
    const name = change.name === undefined ? before.name : change.name.trim().replace(/\s+/g, ' ');
    if (!name) throw new CasebinderError('invalid-input', said('err.patient-name'));
    const dateOfBirth = change.dateOfBirth === undefined ? before.dateOfBirth : change.dateOfBirth;
    if (dateOfBirth !== null) checkDateOfBirth(dateOfBirth, this.now());
    const same = this.list().find((p) => p.id !== id && p.name.toLowerCase() === name.toLowerCase() && (p.dateOfBirth ?? null) === dateOfBirth);
    if (same) {
      throw new CasebinderError('conflict', said('err.patient-exists-merge', { name: same.name, born: same.dateOfBirth ?? 'none', id: same.id, before: before.name }));
    }
    run(
      this.db,
      sql`UPDATE patients SET name = ${name}, date_of_birth = ${dateOfBirth}, contact = ${(change.contact ?? before.contact).trim()},
            notes = ${change.notes ?? before.notes},
            language = ${change.language === undefined ? before.language : change.language},
            interpreter = ${(change.interpreter ?? before.interpreter) ? 1 : 0} WHERE id = ${id}`,
    );
    return this.get(id);
  }

  /** The other names the person said are theirs. */
  setOtherNames(id: number, names: readonly string[]): void {
    const unique = [...new Map(names.map((n) => n.trim().replace(/\s+/g, ' ')).filter(Boolean).map((n) => [n.toLowerCase(), n])).values()];
    run(this.db, sql`UPDATE patients SET other_names = ${JSON.stringify(unique)} WHERE id = ${id}`);
  }

  list(): Patient[] {
    return all<PatientRow>(this.db, sql`${SELECT_PATIENT} ORDER BY p.name COLLATE NOCASE, p.id`).map(toPatient);
  }

  get(id: number): Patient {
    const row = get<PatientRow>(this.db, sql`${SELECT_PATIENT} WHERE p.id = ${id}`);
    if (!row) throw new CasebinderError('not-found', said('err.no-patient', { id: String(id) }));
    return toPatient(row);
  }

  /** Finds a patient by what a person typed: the name (any case) or the patient's number. */
  find(nameOrNumber: string): Patient {
    const wanted = nameOrNumber.trim().replace(/\s+/g, ' ');
    const patients = this.list();
    if (/^#?\d+$/.test(wanted)) {
      const byNumber = patients.find((p) => p.id === Number(wanted.replace('#', '')));
      if (byNumber) return byNumber;
    }
    const matches = patients.filter((p) => p.name.toLowerCase() === wanted.toLowerCase());
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      const which = matches.map((p) => `number ${p.id}${p.dateOfBirth ? ` (born ${p.dateOfBirth})` : ''}`).join(', ');
      throw new CasebinderError(
        'ambiguous',
        `More than one patient is named ${matches[0]!.name}: ${which}. Give the patient's number instead of the name.`,
      );
    }
    const known = patients.length ? ` Patients in this library: ${patients.map((p) => p.name).join(', ')}.` : '';
    throw new CasebinderError('not-found', `There is no patient named "${wanted}".${known}`);
  }

  /** The patient to file documents under when none was named: the only one, if there is exactly one. */
  only(): Patient {
    const patients = this.list();
    if (patients.length === 1) return patients[0]!;
    if (patients.length === 0) {
      throw new CasebinderError('not-found', 'This library has no patients yet. Add the patient first, then import their records.');
    }
    throw new CasebinderError(
      'ambiguous',
      `This library keeps records for ${patients.length} patients (${patients.map((p) => p.name).join(', ')}). Say whose records these are.`,
    );
  }
}

function checkDateOfBirth(value: string, today: Date): void {
  if (!isIsoDate(value)) throw new CasebinderError('invalid-input', said('err.not-a-date', { what: 'birth', value }));
  if (value > today.toISOString().slice(0, 10)) {
    throw new CasebinderError('invalid-input', said('err.born-in-future', { date: value }));
  }
}
