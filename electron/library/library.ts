import type { Database } from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { CasebinderError } from '../../shared/errors.ts';
import { checkLibrary } from './check.ts';
import type { CheckProgress, CheckReport } from './check.ts';
import { openDatabase, snapshotDatabase } from './database.ts';
import { isExportLeftover, isRunning } from './durable.ts';
import { makePrivate, PRIVATE_FOLDER } from './private.ts';
import { Corrections } from './corrections.ts';
import { Documents } from './documents.ts';
import type { NewDocument } from './documents.ts';
import { Identity } from './identity.ts';
import { Patients } from './patients.ts';
import { OcrPages } from './ocr-pages.ts';
import { Search } from './search.ts';
import { Cases } from './cases.ts';
import { practiceOverview } from './practice.ts';
import type { PracticeClient } from '../../shared/practice.ts';
import type { IsoDate } from '../../shared/dates.ts';
import { Records } from './records.ts';
import { Redactions } from './redactions.ts';
import type { AddedCounts, DerivedRecords } from './records.ts';
import { Settings } from './settings.ts';
import { Studies } from './studies.ts';
import { Vault } from './vault.ts';
import { DATABASE_FILE, rollForward, VAULT_DIR } from './switch.ts';
import { isEncrypted } from './keyring.ts';
import type { LibraryKey } from './keyring.ts';
import { writeTransaction } from './sql.ts';

export { DATABASE_FILE } from './switch.ts';

export interface LibraryOptions {
  /** Create the folder and an empty library when there is none. */
  readonly create?: boolean;
  /** The clock (tests and reproducible exports set it). */
  readonly now?: () => Date;
  /** The library key, when the library is encrypted (keyring.ts unlocks it). */
  readonly key?: LibraryKey | null;
}

/** One library folder: the database of records and the vault of originals, and the services over them. */
export class Library {
  readonly dir: string;
  private readonly db: Database;
  readonly vault: Vault;
  readonly patients: Patients;
  readonly documents: Documents;
  /** Whose record each document is, and which documents' facts are held back. */
  readonly identity: Identity;
  readonly search: Search;
  readonly studies: Studies;
  readonly ocr: OcrPages;
  readonly settings: Settings;
  /** Lab results and clinical records derived from documents. */
  readonly records: Records;
  /** Cases: the decisions under review, with their documents, questions and checklist. */
  readonly cases: Cases;
  /** The trash, moving documents between patients, merging patients, and undoing these. */
  readonly corrections: Corrections;
  /** Redacted copies of documents, sent instead of their originals. */
  readonly redactions: Redactions;
  readonly now: () => Date;
  /** The library key while the library is open, when it is encrypted. */
  readonly key: LibraryKey | null;

  private constructor(dir: string, db: Database, vault: Vault, now: () => Date, key: LibraryKey | null) {
    this.dir = dir;
    this.key = key;
    this.db = db;
    this.vault = vault;
    this.now = now;
    this.patients = new Patients(db, now);
    this.documents = new Documents(db);
    this.identity = new Identity(db, (id) => this.patients.get(id));
    this.search = new Search(db);
    this.studies = new Studies(db, this.documents);
    this.ocr = new OcrPages(db);
    this.settings = new Settings(db);
    this.records = new Records(db, (patientId) => this.identity.heldBack(patientId));
    this.cases = new Cases(db, { patients: this.patients, documents: this.documents, studies: this.studies, records: this.records });
    this.corrections = new Corrections(db, { documents: this.documents, patients: this.patients, vault, now });
    this.redactions = new Redactions(db, vault, now);
  }

  static open(dir: string, options: LibraryOptions = {}): Library {
    const databaseFile = path.join(dir, DATABASE_FILE);
    if (fs.existsSync(dir)) rollForward(dir);
    if (!fs.existsSync(databaseFile)) {
      if (!options.create) {
        throw new CasebinderError('library-missing', `There is no Casebinder library in ${dir} yet.`);
      }
      fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
    }
    // Libraries made before files were private are made private when they open.
    makePrivate(dir, PRIVATE_FOLDER);
    const key = options.key ?? null;
    if (isEncrypted(dir) && !key) {
      throw new CasebinderError('library-locked', `The library in ${dir} is encrypted; it opens with its passphrase (or its recovery key).`);
    }
    if (!isEncrypted(dir) && key) throw new CasebinderError('invalid-input', `The library in ${dir} is not encrypted; it opens without a passphrase.`);
    const db = openDatabase(databaseFile, { create: options.create ?? false, key: key?.database ?? null });
    const vault = new Vault(path.join(dir, VAULT_DIR), key);
    vault.prepare();
    const library = new Library(dir, db, vault, options.now ?? (() => new Date()), key);
    library.removeLeftoverExports();
    return library;
  }

  /**
   * Removes the temporary copies of patient files that exports killed midway left in the folders they
   * wrote to (the settings list them, with the process that wrote them). Only names an export gives its
   * temporary copies are ever removed.
   */
  removeLeftoverExports(): void {
    const gone = this.settings.unfinishedExports().filter((e) => !isRunning(e.pid));
    for (const { path: leftover } of gone) if (isExportLeftover(leftover)) fs.rmSync(leftover, { recursive: true, force: true });
    if (gone.length) this.settings.exportEnded(...gone.map((e) => e.path));
  }

  static exists(dir: string): boolean {
    return fs.existsSync(path.join(dir, DATABASE_FILE));
  }

  /**
   * Adds a document with the facts read from it (lab results, medications...) in one transaction:
   * a crash leaves the document and its facts, or neither. Facts the patient already has are counted,
   * not added again. When another import (another process) added the same original meanwhile, nothing
   * is added and `alreadyIn` names that document.
   */
  insertWithRecords(doc: NewDocument, derived: DerivedRecords | null): { id: number; added: AddedCounts } | { alreadyIn: number } {
    const none: AddedCounts = { labs: 0, records: {}, known: 0, repeated: 0 };
    return writeTransaction(this.db, () => {
      const known = doc.sha256 ? this.documents.findByHash(doc.sha256) : undefined;
      if (known) return { alreadyIn: known.id };
      const now = this.now();
      const id = this.documents.insert(doc, now);
      return { id, added: derived ? this.records.add(doc.patientId, id, derived, now) : none };
    })();
  }

  /** Whether the library is encrypted (its database and every original). */
  /** Every client with their open cases, where each stands and what is missing or overdue (the practice view). */
  /** Every client with their open cases; the checklist's gaps in `language`. */
  practice(today: IsoDate, language = 'en'): PracticeClient[] {
    return practiceOverview(this.db, this.cases, today, language);
  }

  get encrypted(): boolean {
    return this.vault.encrypted;
  }

  /** A consistent copy of the database, taken while the library stays in use (encrypted as it is). */
  snapshotDatabase(target: string): void {
    snapshotDatabase(this.db, target);
  }

  check(options: { signal?: AbortSignal; onProgress?: (p: CheckProgress) => void } = {}): Promise<CheckReport> {
    return checkLibrary(this.db, this.vault, options);
  }

  close(): void {
    this.db.close();
  }
}
