import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CasebinderError } from '../../shared/errors.ts';
import { formatPersonName, modalityLabel, patientWarnings, studyTitle } from '../../shared/imaging.ts';
import { isStructuredReport, isViewableTransferSyntax, modalityMentioned, notAnImage, SOP_CLASS, transferSyntaxName } from '../../shared/imaging.ts';
import type { SeriesImages, SeriesSummary, StudyDetails } from '../../shared/imaging.ts';
import { studyReadiness } from '../../shared/readiness.ts';
import type { ReadinessInput } from '../../shared/readiness.ts';
import type { Patient } from '../../shared/library-types.ts';
import type { DicomHeader } from '../../shared/imaging.ts';
import { dicomProblem } from '../../shared/dicom-problems.ts';
import { fromStored, said } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';
import type { Documents } from './documents.ts';
import { all, get, plainBytes, run, sql, writeTransaction } from './sql.ts';

/** One DICOM file, safely in the vault, to be filed under its study and series. */
export interface NewInstance {
  readonly header: DicomHeader;
  readonly sha256: string;
  readonly size: number;
  readonly originalName: string;
  readonly sourcePath: string;
  /** What is wrong with the file (e.g. its image data is cut short); it is kept as it came. */
  readonly problem: string | null;
  /** It came from a folder or disc with a DICOMDIR at its top. */
  readonly withDicomdir?: boolean;
}

export interface FiledInstance {
  readonly studyId: number;
  readonly seriesId: number;
  readonly instanceId: number;
  /** The study was new to the library. */
  readonly newStudy: boolean;
  /** The series was new to the study (its text and thumbnail need making). */
  readonly newSeries: boolean;
}

export interface StudyOriginal {
  readonly sha256: string;
  readonly size: number;
  readonly originalName: string;
  readonly sopInstanceUid: string;
  readonly sopClassUid: string | null;
  readonly transferSyntaxUid: string | null;
  readonly instanceNumber: number | null;
  readonly seriesInstanceUid: string;
  readonly seriesId: number;
}

export interface KeyInstance {
  readonly instanceId: number;
  readonly sha256: string;
  readonly transferSyntaxUid: string | null;
  readonly frames: number | null;
}

interface StudyRow {
  document_id: number;
  study_instance_uid: string;
  patient_name: string | null;
  patient_id: string | null;
  patient_birth_date: string | null;
  patient_sex: string | null;
  study_date: string | null;
  study_time: string | null;
  description: string | null;
  accession_number: string | null;
  institution: string | null;
  referring_physician: string | null;
  study_id: string | null;
}

interface SeriesRow {
  id: number;
  series_instance_uid: string;
  modality: string | null;
  series_number: number | null;
  description: string | null;
  body_part: string | null;
  series_date: string | null;
  has_thumbnail: number;
  thumbnail_problem: string | null;
  report_text: string | null;
  instances: number;
  problems: string | null;
  reports: string | null;
}

const SEPARATOR = '\u001f';
/** Between a file's name and its problem in a series' list of damaged files. */
const NAME_SEPARATOR = '\u001e';
/** A key object selection is a list of key images, not a report. */
const SR_KEY_OBJECT = '1.2.840.10008.5.1.4.1.1.88.59';


const plainCount = (n: number) => (n === 1 ? 'One file is' : `${n} files are`);


/**
 * Imaging studies: each is one document in the library (kind 'study'), with its series and their
 * instances, every instance a byte-identical DICOM original in the vault. Instances are recognised by
 * their SOP Instance UID, so a study imported twice is not doubled, and new instances join it.
 */
export class Studies {
  private readonly db: Database;
  private readonly documents: Documents;

  constructor(db: Database, documents: Documents) {
    this.db = db;
    this.documents = documents;
  }

  /** The study already holding this instance, if any. */
  findInstance(sopInstanceUid: string): { studyId: number } | undefined {
    const row = get<{ document_id: number }>(
      this.db,
      sql`SELECT s.document_id FROM instances i JOIN series s ON s.id = i.series_id WHERE i.sop_instance_uid = ${sopInstanceUid}`,
    );
    return row && { studyId: row.document_id };
  }

  /** The instance a SOP Instance UID names, with what the library knows of its file. */
  instanceBySop(sopInstanceUid: string): { studyId: number; seriesId: number; instanceId: number; sha256: string; size: number; originalName: string; problem: string | null } | undefined {
    const row = get<{ document_id: number; series_id: number; id: number; sha256: string; size: number; original_name: string; problem: string | null }>(
      this.db,
      sql`SELECT s.document_id, i.series_id, i.id, i.sha256, i.size, i.original_name, i.problem
          FROM instances i JOIN series s ON s.id = i.series_id WHERE i.sop_instance_uid = ${sopInstanceUid}`,
    );
    return row && { studyId: row.document_id, seriesId: row.series_id, instanceId: row.id, sha256: row.sha256, size: row.size, originalName: row.original_name, problem: row.problem };
  }

  /**
   * An instance's file replaced by another copy of the same image (same SOP Instance UID) that reads
   * fully, when the one filed first is damaged. The series' key image is made again if it had none.
   */
  replaceInstanceFile(instanceId: number, instance: NewInstance): void {
    const h = instance.header;
    writeTransaction(this.db, () => {
      const before = get<{ size: number; series_id: number }>(this.db, sql`SELECT size, series_id FROM instances WHERE id = ${instanceId}`);
      if (!before) throw new CasebinderError('not-found', said('err.no-image', { id: String(instanceId) }));
      run(
        this.db,
        sql`UPDATE instances SET sha256 = ${instance.sha256}, size = ${instance.size}, original_name = ${instance.originalName},
                                 source_path = ${instance.sourcePath}, transfer_syntax_uid = ${h.transferSyntaxUid}, rows = ${h.rows},
                                 columns = ${h.columns}, frames = ${h.frames}, has_pixels = ${h.pixelData ? 1 : 0}, problem = ${instance.problem},
                                 image_type = ${h.imageType}, lossy = ${h.lossyCompression}, slice_thickness = ${h.sliceThickness}, details_read = 1
            WHERE id = ${instanceId}`,
      );
      run(this.db, sql`UPDATE documents SET size = size - ${before.size} + ${instance.size} WHERE id = (SELECT document_id FROM series WHERE id = ${before.series_id})`);
      run(this.db, sql`UPDATE series SET thumbnail_problem = NULL WHERE id = ${before.series_id} AND thumbnail IS NULL`);
    })();
  }

  /**
   * Files an instance under its study and series, creating them when new; all or nothing. When another
   * import (another process) filed the same instance meanwhile, nothing changes and `alreadyIn` names
   * its study.
   */
  add(patientId: number, instance: NewInstance, sourceFolder: string, now: Date): FiledInstance | { readonly alreadyIn: number } {
    const h = instance.header;
    return writeTransaction(this.db, (): FiledInstance | { readonly alreadyIn: number } => {
      const known = this.findInstance(h.sopInstanceUid);
      if (known) return { alreadyIn: known.studyId };
      let study = get<{ document_id: number }>(this.db, sql`SELECT document_id FROM studies WHERE study_instance_uid = ${h.studyInstanceUid}`);
      let newStudy = false;
      if (!study) {
        newStudy = true;
        const title = studyTitle(h.studyDescription, h.modality ? [h.modality] : []);
        const id = this.documents.insert(
          {
            patientId,
            kind: 'study',
            sha256: null,
            originalName: `${h.modality ?? 'DICOM'} study ${h.studyDate ?? ''}`.trim(),
            sourcePath: sourceFolder,
            size: 0,
            mediaType: 'application/dicom',
            title,
            // A study has no text to read a language from (its reports are documents of their own).
            languages: [],
            suggested: {
              type: 'imaging-study',
              dateOfService: h.studyDate,
              facility: h.institution,
              clinician: formatPersonName(h.referringPhysician) || null,
            },
            confirmed: { type: 'imaging-study', dateOfService: h.studyDate },
            pageTexts: [''],
          },
          now,
        );
        run(
          this.db,
          sql`INSERT INTO studies (document_id, study_instance_uid, patient_name, patient_id, patient_birth_date, patient_sex,
                                   study_date, study_time, description, accession_number, institution, referring_physician, study_id)
              VALUES (${id}, ${h.studyInstanceUid}, ${h.patientName}, ${h.patientId}, ${h.patientBirthDate}, ${h.patientSex},
                      ${h.studyDate}, ${h.studyTime}, ${h.studyDescription}, ${h.accessionNumber}, ${h.institution},
                      ${h.referringPhysician}, ${h.studyId})`,
        );
        study = { document_id: id };
      }
      const studyId = study.document_id;
      // A study's first file may lack what a later one says (a report wrapped without the study date).
      if (!newStudy) this.fillBlanks(studyId, h);

      let series = get<{ id: number }>(this.db, sql`SELECT id FROM series WHERE series_instance_uid = ${h.seriesInstanceUid}`);
      let newSeries = false;
      let titleBefore = '';
      if (!series) {
        titleBefore = this.automaticTitle(studyId);
        newSeries = true;
        const { lastInsertRowid } = run(
          this.db,
          sql`INSERT INTO series (document_id, series_instance_uid, modality, series_number, description, body_part, series_date)
              VALUES (${studyId}, ${h.seriesInstanceUid}, ${h.modality}, ${h.seriesNumber}, ${h.seriesDescription}, ${h.bodyPart}, ${h.seriesDate})`,
        );
        series = { id: Number(lastInsertRowid) };
      }

      const { lastInsertRowid } = run(
        this.db,
        sql`INSERT INTO instances (series_id, sop_instance_uid, sop_class_uid, instance_number, transfer_syntax_uid, sha256, size,
                                   original_name, source_path, rows, columns, frames, has_pixels, problem,
                                   image_type, lossy, slice_thickness, with_dicomdir, details_read)
            VALUES (${series.id}, ${h.sopInstanceUid}, ${h.sopClassUid}, ${h.instanceNumber}, ${h.transferSyntaxUid},
                    ${instance.sha256}, ${instance.size}, ${instance.originalName}, ${instance.sourcePath}, ${h.rows},
                    ${h.columns}, ${h.frames}, ${h.pixelData ? 1 : 0}, ${instance.problem},
                    ${h.imageType}, ${h.lossyCompression}, ${h.sliceThickness}, ${instance.withDicomdir ? 1 : 0}, 1)`,
      );
      run(this.db, sql`UPDATE documents SET size = size + ${instance.size} WHERE id = ${studyId}`);
      this.recordPatient(studyId, h);
      if (newSeries) this.refreshText(studyId, titleBefore);
      return { studyId, seriesId: series.id, instanceId: Number(lastInsertRowid), newStudy, newSeries };
    })();
  }

  /** Whom the file names as its patient, once per study for each name and birth date its files give. */
  private recordPatient(studyId: number, h: DicomHeader): void {
    const names = h.patientName?.trim() ? JSON.stringify([h.patientName]) : '[]';
    if (names === '[]' && !h.patientBirthDate) return;
    run(
      this.db,
      sql`INSERT INTO document_patients (document_id, names, birth_date, source)
          SELECT ${studyId}, ${names}, ${h.patientBirthDate}, 'dicom'
          WHERE NOT EXISTS (SELECT 1 FROM document_patients WHERE document_id = ${studyId} AND source = 'dicom'
                              AND names = ${names} AND birth_date IS ${h.patientBirthDate})`,
    );
  }

  private fillBlanks(studyId: number, h: DicomHeader): void {
    const titleBefore = this.automaticTitle(studyId);
    const { changes } = run(
      this.db,
      sql`UPDATE studies SET study_date = coalesce(study_date, ${h.studyDate}), study_time = coalesce(study_time, ${h.studyTime}),
                             description = coalesce(description, ${h.studyDescription}),
                             accession_number = coalesce(accession_number, ${h.accessionNumber}),
                             institution = coalesce(institution, ${h.institution}),
                             referring_physician = coalesce(referring_physician, ${h.referringPhysician}),
                             patient_name = coalesce(patient_name, ${h.patientName}), patient_id = coalesce(patient_id, ${h.patientId}),
                             patient_birth_date = coalesce(patient_birth_date, ${h.patientBirthDate}),
                             patient_sex = coalesce(patient_sex, ${h.patientSex})
          WHERE document_id = ${studyId}
            AND (study_date IS NULL OR description IS NULL OR institution IS NULL OR referring_physician IS NULL
                 OR accession_number IS NULL OR patient_name IS NULL OR patient_birth_date IS NULL)`,
    );
    if (changes === 0) return;
    run(
      this.db,
      sql`UPDATE documents SET date_of_service = coalesce(date_of_service, ${h.studyDate}),
                               suggested_date_of_service = coalesce(suggested_date_of_service, ${h.studyDate}),
                               suggested_facility = coalesce(suggested_facility, ${h.institution}),
                               suggested_clinician = coalesce(suggested_clinician, ${formatPersonName(h.referringPhysician) || null})
          WHERE id = ${studyId}`,
    );
    this.refreshText(studyId, titleBefore);
  }

  /** Keeps what a structured report says, to read in the study and to find by search. */
  setReportText(seriesId: number, text: string): void {
    const row = get<{ document_id: number; report_text: string | null }>(this.db, sql`SELECT document_id, report_text FROM series WHERE id = ${seriesId}`);
    if (!row) return;
    const combined = row.report_text ? `${row.report_text}\n\n${text}` : text;
    writeTransaction(this.db, () => {
      const titleBefore = this.automaticTitle(row.document_id);
      run(this.db, sql`UPDATE series SET report_text = ${combined} WHERE id = ${seriesId}`);
      this.refreshText(row.document_id, titleBefore);
    })();
  }

  /** The study's date, as its files gave it. */
  date(documentId: number): string | null {
    return get<{ study_date: string | null }>(this.db, sql`SELECT study_date FROM studies WHERE document_id = ${documentId}`)?.study_date ?? null;
  }

  linkReport(instanceId: number, documentId: number): void {
    run(this.db, sql`UPDATE instances SET report_document_id = ${documentId} WHERE id = ${instanceId}`);
  }

  /**
   * The image that stands for a series: the middle one by instance number among those with intact
   * image data (a file cut short is never chosen).
   */
  keyInstance(seriesId: number): KeyInstance | undefined {
    const rows = all<{ id: number; sha256: string; transfer_syntax_uid: string | null; frames: number | null }>(
      this.db,
      sql`SELECT id, sha256, transfer_syntax_uid, frames FROM instances
          WHERE series_id = ${seriesId} AND has_pixels = 1 AND problem IS NULL
          ORDER BY instance_number IS NULL, instance_number, id`,
    );
    const key = rows[Math.floor((rows.length - 1) / 2)];
    return key && { instanceId: key.id, sha256: key.sha256, transferSyntaxUid: key.transfer_syntax_uid, frames: key.frames };
  }

  /**
   * A series as the viewer opens it: the files with intact images in instance order, and every other
   * file named with why it is not shown (no image in it, cut short, an encoding the viewer cannot read).
   */
  seriesImages(seriesId: number): SeriesImages {
    const series = get<{ document_id: number }>(this.db, sql`SELECT document_id FROM series WHERE id = ${seriesId}`);
    if (!series) throw new CasebinderError('not-found', said('err.no-series', { id: String(seriesId) }));
    const rows = all<{ id: number; instance_number: number | null; frames: number | null; has_pixels: number; problem: string | null; transfer_syntax_uid: string | null; original_name: string; sop_class_uid: string | null }>(
      this.db,
      sql`SELECT id, instance_number, frames, has_pixels, problem, transfer_syntax_uid, original_name, sop_class_uid FROM instances
          WHERE series_id = ${seriesId} ORDER BY instance_number IS NULL, instance_number, id`,
    );
    const images: SeriesImages['images'][number][] = [];
    const leftOut: string[] = [];
    const encodings = new Set<string>();
    for (const r of rows) {
      const what = notAnImage(r.sop_class_uid);
      if (what) leftOut.push(`${r.original_name}: it is ${what}.`);
      else if (!r.has_pixels) leftOut.push(`${r.original_name}: it holds no image.`);
      else if (r.problem) leftOut.push(`${r.original_name}: ${r.problem}`);
      else if (r.transfer_syntax_uid && !isViewableTransferSyntax(r.transfer_syntax_uid)) encodings.add(r.transfer_syntax_uid);
      else images.push({ instanceId: r.id, instanceNumber: r.instance_number, frames: Math.max(1, r.frames ?? 1), transferSyntaxUid: r.transfer_syntax_uid });
    }
    const unreadable = [...encodings].map(transferSyntaxName);
    if (unreadable.length) leftOut.push(`${plainCount(rows.length - images.length - leftOut.length)} encoded as ${unreadable.join(', ')}, which the viewer cannot decode; the files are kept exactly as they came, for the specialist's viewer.`);
    return {
      seriesId,
      documentId: series.document_id,
      images,
      leftOut,
      cannotDraw: images.length ? null : (leftOut.length ? `Nothing in this series can be drawn. ${leftOut.length === 1 ? leftOut[0] : `${leftOut.length} files are left out; see the list.`}` : 'This series holds no files.'),
    };
  }

  /** What the radiology-ready checks need to know of a study (shared/readiness.ts judges it). */
  readinessInput(documentId: number): ReadinessInput {
    const study = get<{ study_date: string | null; accession_number: string | null; patient_id: number }>(
      this.db,
      sql`SELECT s.study_date, s.accession_number, d.patient_id FROM studies s JOIN documents d ON d.id = s.document_id WHERE s.document_id = ${documentId}`,
    );
    if (!study) throw new CasebinderError('not-found', said('err.not-a-study', { id: String(documentId) }));
    const rows = all<{ id: number; series_number: number | null; description: string | null; modality: string | null; sop_class_uid: string | null; image_type: string | null; lossy: string | null; transfer_syntax_uid: string | null; slice_thickness: number | null; has_pixels: number; with_dicomdir: number | null; details_read: number }>(
      this.db,
      sql`SELECT s.id, s.series_number, s.description, s.modality, i.sop_class_uid, i.image_type, i.lossy, i.transfer_syntax_uid,
                 i.slice_thickness, i.has_pixels, i.with_dicomdir, i.details_read
          FROM series s JOIN instances i ON i.series_id = s.id WHERE s.document_id = ${documentId}
          ORDER BY s.series_number IS NULL, s.series_number, s.id`,
    );
    const series = new Map<number, { label: Said; modality: string | null; sopClasses: Set<string>; imageTypes: Set<string>; lossyFlags: Set<string>; transferSyntaxes: Set<string>; thicknesses: Set<number>; images: number }>();
    let withDicomdir = 0;
    let known = 0;
    for (const r of rows) {
      let s = series.get(r.id);
      if (!s) {
        s = { label: said('series-label', { number: String(r.series_number ?? '?'), described: r.description ? 'yes' : 'no', description: r.description ?? '' }), modality: r.modality, sopClasses: new Set(), imageTypes: new Set(), lossyFlags: new Set(), transferSyntaxes: new Set(), thicknesses: new Set(), images: 0 };
        series.set(r.id, s);
      }
      if (r.sop_class_uid) s.sopClasses.add(r.sop_class_uid);
      if (r.image_type) s.imageTypes.add(r.image_type);
      if (r.lossy) s.lossyFlags.add(r.lossy);
      if (r.has_pixels && r.transfer_syntax_uid) s.transferSyntaxes.add(r.transfer_syntax_uid);
      if (r.slice_thickness !== null && r.slice_thickness > 0) s.thicknesses.add(r.slice_thickness);
      if (r.has_pixels) s.images++;
      if (r.with_dicomdir !== null) {
        known++;
        if (r.with_dicomdir) withDicomdir++;
      }
    }
    return {
      studyDate: study.study_date,
      accessionNumber: study.accession_number,
      withDicomdir: { yes: withDicomdir, known },
      series: [...series.values()].map((s) => ({ ...s, sopClasses: [...s.sopClasses], imageTypes: [...s.imageTypes], lossyFlags: [...s.lossyFlags], transferSyntaxes: [...s.transferSyntaxes], thicknesses: [...s.thicknesses] })),
      reports: this.matchingReports(documentId, study.patient_id, study.study_date, study.accession_number, [...new Set(rows.map((r) => r.modality).filter((m): m is string => !!m))]),
      inStudy: [...series.values()].flatMap((s) => (s.sopClasses.has(SR_KEY_OBJECT) ? [] : [...s.sopClasses].some(isStructuredReport) ? [said('in-study-sr', { series: s.label })] : s.sopClasses.has(SOP_CLASS.encapsulatedPdf) ? [said('in-study-pdf', { series: s.label })] : [])),
    };
  }

  /**
   * The patient's imaging reports that go with a study: one whose text carries the study's accession
   * number (4 characters or more, so a "2" matches nothing by chance), or one of the study's date whose
   * title or text names one of its modalities.
   */
  matchingReports(documentId: number, patientId: number, studyDate: string | null, accession: string | null, modalities: readonly string[]): { id: number; title: string; how: Said }[] {
    const found = new Map<number, { id: number; title: string; how: Said }>();
    const acc = accession?.trim() ?? '';
    if (acc.length >= 4) {
      for (const r of all<{ id: number; title: string }>(
        this.db,
        sql`SELECT DISTINCT d.id, d.title FROM documents d JOIN pages p ON p.document_id = d.id
            WHERE d.patient_id = ${patientId} AND d.deleted_at IS NULL AND d.type = 'imaging-report' AND d.id <> ${documentId}
              AND instr(p.text, ${acc}) > 0`,
      )) {
        found.set(r.id, { id: r.id, title: r.title, how: said('how-accession', { number: acc }) });
      }
    }
    if (studyDate) {
      for (const r of all<{ id: number; title: string; text: string }>(
        this.db,
        sql`SELECT d.id, d.title, coalesce((SELECT group_concat(p.text, ' ') FROM pages p WHERE p.document_id = d.id), '') AS text
            FROM documents d
            WHERE d.patient_id = ${patientId} AND d.deleted_at IS NULL AND d.type = 'imaging-report' AND d.id <> ${documentId}
              AND d.date_of_service = ${studyDate}`,
      )) {
        if (found.has(r.id)) continue;
        const named = modalityMentioned(`${r.title} ${r.text}`, modalities);
        if (named) found.set(r.id, { id: r.id, title: r.title, how: said('how-same-date', { named }) });
      }
    }
    return [...found.values()];
  }

  /** Instances whose radiology details were not read yet (imported before they were kept), a batch at a time. */
  instancesWithoutDetails(limit: number): { instanceId: number; sha256: string; size: number }[] {
    return all<{ id: number; sha256: string; size: number }>(this.db, sql`SELECT id, sha256, size FROM instances WHERE details_read = 0 ORDER BY id LIMIT ${limit}`).map((r) => ({
      instanceId: r.id,
      sha256: r.sha256,
      size: r.size,
    }));
  }

  /** An instance's radiology details, read from its header (null header: it could not be read; nothing more is tried). */
  setDetails(instanceId: number, h: Pick<DicomHeader, 'imageType' | 'lossyCompression' | 'sliceThickness'> | null): void {
    run(
      this.db,
      sql`UPDATE instances SET image_type = ${h?.imageType ?? null}, lossy = ${h?.lossyCompression ?? null},
                               slice_thickness = ${h?.sliceThickness ?? null}, details_read = 1 WHERE id = ${instanceId}`,
    );
  }

  /** The vault fingerprint of one instance's file, for the viewer's reads. */
  instanceFile(instanceId: number): { sha256: string } {
    const row = get<{ sha256: string }>(this.db, sql`SELECT sha256 FROM instances WHERE id = ${instanceId}`);
    if (!row) throw new CasebinderError('not-found', said('err.no-image', { id: String(instanceId) }));
    return { sha256: row.sha256 };
  }

  /** Series that have images but no thumbnail yet and no reason recorded (new, or left by an interruption). */
  seriesWithoutThumbnail(studyIds?: readonly number[]): { seriesId: number; studyId: number }[] {
    return all<{ id: number; document_id: number }>(
      this.db,
      sql`SELECT id, document_id FROM series
          WHERE thumbnail IS NULL AND thumbnail_problem IS NULL
            ${studyIds ? sql`AND document_id IN (SELECT value FROM json_each(${JSON.stringify(studyIds)}))` : sql``}
          ORDER BY document_id, series_number IS NULL, series_number, id`,
    ).map((r) => ({ seriesId: r.id, studyId: r.document_id }));
  }

  /**
   * What a series holds when it has no key image to show: its modality, how many of its files
   * carry pixels, the first problem of those, and a PDF report one of them carried.
   */
  seriesContents(seriesId: number): { modality: string | null; withPixels: number; files: number; problem: string | null; report: number | null } | undefined {
    const row = get<{ modality: string | null; with_pixels: number; files: number; problem: string | null; report: number | null }>(
      this.db,
      sql`SELECT s.modality, sum(i.has_pixels) AS with_pixels, count(*) AS files,
                 min(CASE WHEN i.has_pixels = 1 THEN i.problem END) AS problem, max(i.report_document_id) AS report
          FROM series s JOIN instances i ON i.series_id = s.id WHERE s.id = ${seriesId} GROUP BY s.id`,
    );
    return row && { modality: row.modality, withPixels: row.with_pixels, files: row.files, problem: row.problem, report: row.report };
  }

  setThumbnail(seriesId: number, result: { png: Uint8Array; width: number; height: number } | { problem: Said }): void {
    if ('problem' in result) {
      run(this.db, sql`UPDATE series SET thumbnail = NULL, thumbnail_problem = ${JSON.stringify(result.problem)} WHERE id = ${seriesId}`);
    } else {
      run(
        this.db,
        sql`UPDATE series SET thumbnail = ${result.png}, thumbnail_width = ${result.width}, thumbnail_height = ${result.height},
                              thumbnail_problem = NULL WHERE id = ${seriesId}`,
      );
    }
  }

  thumbnail(seriesId: number): Uint8Array {
    const row = get<{ thumbnail: Uint8Array | null }>(this.db, sql`SELECT thumbnail FROM series WHERE id = ${seriesId}`);
    if (!row?.thumbnail) throw new CasebinderError('not-found', said('err.no-thumbnail', { id: String(seriesId) }));
    return plainBytes(row.thumbnail);
  }

  /** Everything the app and the command line show of a study, with warnings about its patient. */
  details(documentId: number, patient: Pick<Patient, 'name' | 'dateOfBirth'>): StudyDetails {
    const study = get<StudyRow>(this.db, sql`SELECT * FROM studies WHERE document_id = ${documentId}`);
    if (!study) throw new CasebinderError('not-found', said('err.not-a-study', { id: String(documentId) }));
    const series = this.seriesOf(documentId);
    const modalities = [...new Set(series.map((s) => s.modality).filter((m): m is string => !!m))].sort();
    return {
      documentId,
      studyInstanceUid: study.study_instance_uid,
      studyDate: study.study_date,
      studyTime: study.study_time,
      description: study.description,
      accessionNumber: study.accession_number,
      institution: study.institution,
      referringPhysician: study.referring_physician,
      studyId: study.study_id,
      patientName: study.patient_name,
      patientId: study.patient_id,
      patientBirthDate: study.patient_birth_date,
      patientSex: study.patient_sex,
      modalities,
      instances: series.reduce((n, s) => n + s.instances, 0),
      series,
      warnings: patientWarnings({ patientName: study.patient_name, patientBirthDate: study.patient_birth_date }, patient),
      readiness: studyReadiness(this.readinessInput(documentId)),
    };
  }

  /** A study's originals (fingerprint, size, and the UIDs a DICOMDIR lists), in series and instance order. */
  originals(documentId: number): StudyOriginal[] {
    return all<{ sha256: string; size: number; original_name: string; sop_instance_uid: string; sop_class_uid: string | null; transfer_syntax_uid: string | null; instance_number: number | null; series_instance_uid: string; series_id: number }>(
      this.db,
      sql`SELECT i.sha256, i.size, i.original_name, i.sop_instance_uid, i.sop_class_uid, i.transfer_syntax_uid, i.instance_number,
                 s.series_instance_uid, s.id AS series_id
          FROM instances i JOIN series s ON s.id = i.series_id
          WHERE s.document_id = ${documentId}
          ORDER BY s.series_number IS NULL, s.series_number, s.id, i.instance_number IS NULL, i.instance_number, i.id`,
    ).map((r) => ({
      sha256: r.sha256,
      size: r.size,
      originalName: r.original_name,
      sopInstanceUid: r.sop_instance_uid,
      sopClassUid: r.sop_class_uid,
      transferSyntaxUid: r.transfer_syntax_uid,
      instanceNumber: r.instance_number,
      seriesInstanceUid: r.series_instance_uid,
      seriesId: r.series_id,
    }));
  }

  private seriesOf(documentId: number): SeriesSummary[] {
    return all<SeriesRow>(
      this.db,
      sql`SELECT s.id, s.series_instance_uid, s.modality, s.series_number, s.description, s.body_part, s.series_date,
                 s.thumbnail IS NOT NULL AS has_thumbnail, s.thumbnail_problem, s.report_text,
                 (SELECT count(*) FROM instances i WHERE i.series_id = s.id) AS instances,
                 (SELECT group_concat(i.original_name || char(30) || i.problem, char(31)) FROM instances i
                   WHERE i.series_id = s.id AND i.problem IS NOT NULL) AS problems,
                 (SELECT group_concat(DISTINCT i.report_document_id) FROM instances i
                   WHERE i.series_id = s.id AND i.report_document_id IS NOT NULL) AS reports
          FROM series s WHERE s.document_id = ${documentId}
          ORDER BY s.series_number IS NULL, s.series_number, s.id`,
    ).map((r) => ({
      id: r.id,
      seriesInstanceUid: r.series_instance_uid,
      modality: r.modality,
      number: r.series_number,
      description: r.description,
      bodyPart: r.body_part,
      date: r.series_date,
      instances: r.instances,
      hasThumbnail: r.has_thumbnail === 1,
      thumbnailProblem: r.thumbnail_problem === null ? null : fromStored(r.thumbnail_problem),
      problems: r.problems
        ? r.problems.split(SEPARATOR).map((p) => {
            const [file, problem] = p.split(NAME_SEPARATOR) as [string, string];
            return said('file-problem', { file, problem: dicomProblem(problem) });
          })
        : [],
      reportText: r.report_text,
      reportDocumentIds: r.reports ? r.reports.split(',').map(Number) : [],
    }));
  }

  /**
   * The study's searchable text (its one "page"): what it is, its series, where and for whom it was
   * made, and what its structured reports say. Rewritten when a series joins, so search finds
   * "lumbar" in a series description or "mass" in a report.
   */
  private refreshText(documentId: number, titleBefore: string): void {
    const study = get<StudyRow>(this.db, sql`SELECT * FROM studies WHERE document_id = ${documentId}`);
    if (!study) return;
    const series = this.seriesOf(documentId);
    const modalities = [...new Set(series.map((s) => s.modality).filter((m): m is string => !!m))].sort();
    const lines = [
      studyTitle(study.description, modalities),
      modalities.map((m) => `${modalityLabel(m)} (${m})`).join(', '),
      ...series.map((s) => `Series ${s.number ?? ''} ${modalityLabel(s.modality)}${s.description ? `: ${s.description}` : ''}${s.bodyPart ? ` (${s.bodyPart})` : ''}`.replace(/\s+/g, ' ')),
      study.accession_number ? `Accession number ${study.accession_number}` : '',
      study.institution ? `Institution: ${study.institution}` : '',
      study.referring_physician ? `Referring physician: ${formatPersonName(study.referring_physician)}` : '',
      study.patient_name ? `Patient in the images: ${formatPersonName(study.patient_name)}${study.patient_id ? ` (ID ${study.patient_id})` : ''}` : '',
      ...series.flatMap((s) => (s.reportText ? ['', s.reportText] : [])),
    ].filter((line, i, list) => line !== '' || (i > 0 && list[i - 1] !== ''));
    const text = lines.join('\n').trim();
    const title = studyTitle(study.description, modalities);
    run(this.db, sql`UPDATE pages SET text = ${text} WHERE document_id = ${documentId} AND number = 1`);
    // A title the person has not changed follows the study's modalities as series arrive.
    run(this.db, sql`UPDATE documents SET title = ${title} WHERE id = ${documentId} AND title = ${titleBefore}`);
  }

  /** The title the library gives the study from its description and modalities as they are now. */
  private automaticTitle(documentId: number): string {
    const study = get<{ description: string | null }>(this.db, sql`SELECT description FROM studies WHERE document_id = ${documentId}`);
    const modalities = all<{ modality: string }>(
      this.db,
      sql`SELECT DISTINCT modality FROM series WHERE document_id = ${documentId} AND modality IS NOT NULL ORDER BY modality`,
    ).map((r) => r.modality);
    return studyTitle(study?.description ?? null, modalities);
  }
}
