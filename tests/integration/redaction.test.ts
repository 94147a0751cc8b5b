/**
 * Redaction, checked with tools Casebinder did not write: poppler (pdftotext, pdfimages, pdfinfo),
 * qpdf, Tesseract's own command line reading the pages as pictures, and sharp's metadata reader. The
 * document is drawn by pdfkit with identifiers on its pages and secrets in what a PDF hides (document
 * information, a note, a form field, an attached file, a picture).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pagePictureFrom, startExport } from '../../electron/export/start.ts';
import { Library } from '../../electron/library/library.ts';
import { readOriginal } from '../../electron/library/sealed.ts';
import { WorkerPool } from '../../electron/workers/pool.ts';
import { DEFAULT_EXPORT_CHOICES } from '../../shared/export-types.ts';
import type { Redaction, SuggestedRedaction } from '../../shared/redaction-types.ts';
import { labReports, writeLabReport } from '../corpus/lab-reports.ts';
import { REDACTION_DOC, writeRedactionDocument } from '../corpus/redaction-document.ts';
import { casebinder } from '../helpers/cli.ts';
import { allFiles, PASSPHRASE, secretFile } from '../helpers/plaintext.ts';
import { importerFor } from '../helpers/library.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

const D = REDACTION_DOC;
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

let source: string;
beforeAll(async () => {
  source = path.join(tempDir(), 'consultation note.pdf');
  await writeRedactionDocument(source);
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const tool = (name: string, args: readonly string[]) => execFileSync(name, args, { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }).toString();

/** What Tesseract reads on a page of a PDF drawn by poppler at 200 dpi. */
async function ocrPage(pdf: string, page: number, turn = 0): Promise<string> {
  const dir = tempDir();
  execFileSync('pdftoppm', ['-r', '200', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(dir, 'page')]);
  // A page whose text runs down is turned for Tesseract, which reads lines across.
  if (turn) await sharp(path.join(dir, 'page.png')).rotate(turn).toFile(path.join(dir, 'turned.png'));
  return execFileSync('tesseract', [path.join(dir, turn ? 'turned.png' : 'page.png'), '-', '--psm', '4'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
}

/** A library with Carlos Mendez and the note imported; the CLI and the API both work on it. */
async function withNote() {
  const dir = tempDir();
  const library = Library.open(path.join(dir, 'library'), { create: true, now: () => new Date('2026-12-04T10:00:00Z') });
  const patient = library.patients.add({ name: 'Carlos Mendez', dateOfBirth: '1961-03-14' });
  const { importer, close } = importerFor(library, 1);
  cleanup.push(() => library.close(), close);
  const result = await importer.start({ paths: [source], patientId: patient.id }).result;
  expect(result.refused).toEqual([]);
  const id = result.imported[0]!.id;
  return { dir, library, patient, id, libraryDir: path.join(dir, 'library') };
}

describe('redacting a document for sending', () => {
  it('suggests the identifiers a patient would not send, and not the clinic\'s own details', async () => {
    const { libraryDir, id } = await withNote();
    const run = casebinder(libraryDir, ['redactions', String(id), '--json']);
    expect(run.stderr).toBe('');
    const out = run.json as { current: Redaction | null; suggestions: SuggestedRedaction[] };
    expect(out.current).toBeNull();
    const found = out.suggestions.map((s) => `${s.kind} ${s.text} p${s.page}`).sort();
    expect(found).toEqual(
      [`ssn ${D.ssn} p1`, `ssn ${D.ssn} p2`, `member-id ${D.memberId} p1`, `group-number ${D.groupNumber} p1`, `phone ${D.relativePhone} p1`, `address ${D.relativeAddress} p1`].sort(),
    );
    // Every suggestion's box is on its page.
    for (const s of out.suggestions) for (const b of s.boxes) expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= 1 && b.y + b.height <= 1).toBe(true);
  });

  it('removes what is covered from the pixels, the text and everything a PDF hides, and keeps the rest readable', { timeout: 120_000 }, async () => {
    const { library, libraryDir, id } = await withNote();
    const originalBefore = sha256(fs.readFileSync(source));
    const box = `1:${D.pictureBox.x - 0.005},${D.pictureBox.y - 0.005},${D.pictureBox.width + 0.01},${D.pictureBox.height + 0.01}`;
    const run = casebinder(libraryDir, ['redact', String(id), '--find', D.word, '--find', D.formValue, '--box', box, '--suggested', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const redaction = run.json as Redaction;
    expect(redaction.found).toEqual([
      { text: D.word, matches: 3 },
      { text: D.formValue, matches: 1 },
    ]);
    expect(redaction.suggestionsAccepted.length).toBe(6);
    expect(redaction.mediaType).toBe('application/pdf');
    expect(redaction.pages).toBe(2);

    const out = path.join(tempDir(), 'redacted.pdf');
    fs.writeFileSync(out, await readOriginal(library.vault.ref(redaction.sha256)));
    expect(sha256(fs.readFileSync(out))).toBe(redaction.sha256);

    // The text: none of what was covered, all the rest.
    const text = tool('pdftotext', ['-layout', out, '-']);
    for (const gone of [D.ssn, D.memberId, D.groupNumber, '555-0199', 'Palm Tree', D.word, 'FORMSECRET', ...D.hidden]) expect(text).not.toContain(gone);
    for (const kept of ['Riverside Oncology Clinic', D.clinicAddress, D.clinicPhone, 'Consultation Note', 'Carlos Mendez', 'DOB: 03/14/1961', 'lobectomy', 'Member ID:', 'Group #:', 'Addendum.', 'in remission.']) {
      expect(text).toContain(kept);
    }
    // The pixels: Tesseract reads the secrets on the original's pages, and not on the redacted ones.
    const before = await ocrPage(source, 1);
    const after = await ocrPage(out, 1);
    for (const secret of [D.ssn, D.memberId, D.word]) {
      expect(before).toContain(secret);
      expect(after).not.toContain(secret);
    }
    expect(after).toContain('Consultation Note');
    expect(after).toContain('lobectomy');
    // Page 2 is turned (/Rotate 90): its text runs down the page as shown.
    expect((await ocrPage(source, 2, 270)).replace(/\s+/g, ' ')).toContain(D.ssn);
    const page2 = await ocrPage(out, 2, 270);
    expect(page2).not.toMatch(/512.?44|7381/);
    expect(page2).toContain('Addendum');

    // Nothing else of the original: no metadata, no annotations, form, attachments, thumbnails, scripts,
    // no earlier revision; the only pictures are the two pages drawn at 300 dpi.
    expect(tool('pdfinfo', ['-meta', out]).trim()).toBe('');
    const info = tool('pdfinfo', [out]);
    expect(info).not.toMatch(/^(Title|Author|Subject|Keywords|Creator|Producer):/m);
    expect(info).toMatch(/^Form:\s+none$/m);
    expect(info).toMatch(/^JavaScript:\s+no$/m);
    const json = JSON.stringify(JSON.parse(tool('qpdf', ['--json', out])));
    for (const key of ['/Annots', '/AcroForm', '/EmbeddedFiles', '/Names', '/Metadata', '/Thumb', '/OpenAction', '/AA', '/JavaScript', '/Outlines', '/PieceInfo', '/Prev']) expect(json).not.toContain(`"${key}"`);
    expect(tool('qpdf', ['--check', out])).toMatch(/No syntax or stream encoding errors/);
    // Every stream decoded: none of the secrets in any of the file's bytes.
    const decoded = path.join(tempDir(), 'decoded.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', '--decode-level=all', out, decoded]);
    const raw = fs.readFileSync(decoded).toString('latin1');
    for (const secret of [D.ssn, D.memberId, D.word, 'FORMSECRET', ...D.hidden]) expect(raw).not.toContain(secret);
    expect(fs.readFileSync(out).toString('latin1').match(/%%EOF/g)).toHaveLength(1);
    const images = tool('pdfimages', ['-list', out]).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
    expect(images.map((cols) => [cols[0], cols[3], cols[4], cols[12], cols[13]])).toEqual([
      ['1', '2550', '3300', '300', '300'],
      ['2', '3300', '2550', '300', '300'],
    ]);
    // The picture that was covered is not among them (the original holds it at its own size).
    expect(tool('pdfimages', ['-list', source])).toMatch(new RegExp(`\\s${D.pictureSize.width}\\s+${D.pictureSize.height}\\s`));

    // The original is untouched, in the vault and in the library's check.
    const doc = library.documents.get(id);
    expect(doc.sha256).toBe(originalBefore);
    expect(sha256(await readOriginal(library.vault.ref(doc.sha256!)))).toBe(originalBefore);
    const check = casebinder(libraryDir, ['check', '--json']);
    expect((check.json as { ok: boolean; filesVerified: number }).ok).toBe(true);
    expect((check.json as { filesVerified: number }).filesVerified).toBe(2);
  });

  it('redacts files nobody here wrote: a scan\'s own OCR layer, and a form field', { timeout: 120_000 }, async () => {
    const { library, patient, libraryDir } = await withNote();
    const { importer, close } = importerFor(library, 1);
    cleanup.push(close);
    const scan = fixture('pdf/pdfjs/scan-bad.pdf');
    const form = fixture('pdf/pdfjs/annotation-tx.pdf');
    const imported = await importer.start({ paths: [scan, form], patientId: patient.id }).result;
    const idOf = (file: string) => imported.imported.find((i) => i.path === file)!.id;

    // The scan's words are pixels with an invisible OCR layer over them: the layer says where "pdf.js" is.
    const scanned = casebinder(libraryDir, ['redact', String(idOf(scan)), '--find', 'pdf.js', '--json']).json as Redaction;
    expect(scanned.found).toEqual([{ text: 'pdf.js', matches: 1 }]);
    const out = path.join(tempDir(), 'scan.pdf');
    fs.writeFileSync(out, await readOriginal(library.vault.ref(scanned.sha256)));
    expect(tool('pdftotext', [out, '-'])).not.toContain('pdf.js');
    expect(await ocrPage(scan, 1)).toContain('pdf.js');
    expect(await ocrPage(out, 1)).not.toMatch(/pdf\.?js/i);
    // Not one picture of the original is in the copy, byte for byte.
    const pictures = (pdf: string) => {
      const dir = tempDir();
      execFileSync('pdfimages', ['-all', pdf, path.join(dir, 'img')]);
      return fs.readdirSync(dir).map((f) => sha256(fs.readFileSync(path.join(dir, f))));
    };
    const before = pictures(scan);
    expect(before.length).toBeGreaterThan(0);
    for (const picture of pictures(out)) expect(before).not.toContain(picture);

    // A filled form field's value is found, drawn over and gone, and so is the form.
    const filled = casebinder(libraryDir, ['redact', String(idOf(form)), '--find', 'tx annotation', '--json']).json as Redaction;
    expect(filled.found).toEqual([{ text: 'tx annotation', matches: 1 }]);
    const formOut = library.vault.pathFor(filled.sha256);
    expect(tool('pdftotext', [formOut, '-'])).not.toContain('annotation');
    expect(tool('pdfinfo', [formOut])).toMatch(/^Form:\s+none$/m);
    expect(tool('pdfinfo', [form])).toMatch(/^Form:\s+AcroForm$/m);
  });

  it('finds words on scans and photos by OCR, covers them, and keeps the rest searchable', { timeout: 180_000 }, async () => {
    const { library, patient, libraryDir } = await withNote();
    const { importer, close } = importerFor(library, 1);
    cleanup.push(close);
    const scan = fixture('pdf/ocrmypdf/ccitt.pdf');
    const photo = fixture('images/typewriter.png');
    const imported = await importer.start({ paths: [scan, photo], patientId: patient.id }).result;
    const idOf = (file: string) => imported.imported.find((i) => i.path === file)!.id;

    // A 300-dpi fax-like scan with no text of its own: Tesseract (ours) finds the word, Tesseract (the
    // command line) no longer reads it; the copy's text layer holds the page's other words.
    const scanned = casebinder(libraryDir, ['redact', String(idOf(scan)), '--find', 'LinnSequencer', '--json']);
    expect(scanned.stderr).toBe('');
    const copy = path.join(tempDir(), 'scan.pdf');
    fs.writeFileSync(copy, await readOriginal(library.vault.ref((scanned.json as Redaction).sha256)));
    expect((scanned.json as Redaction).found[0]!.matches).toBeGreaterThanOrEqual(2);
    expect(await ocrPage(scan, 1)).toContain('LinnSequencer');
    expect(await ocrPage(copy, 1)).not.toMatch(/LinnSeq/);
    const layer = tool('pdftotext', [copy, '-']);
    expect(layer).not.toContain('LinnSequencer');
    expect(layer).toContain('MIDI');

    // A photo of a recipe: the word found on it is gone from the picture, the rest still reads.
    const recipe = casebinder(libraryDir, ['redact', String(idOf(photo)), '--find', 'linzen', '--json']);
    expect(recipe.stderr).toBe('');
    const picture = path.join(tempDir(), 'recipe.png');
    fs.writeFileSync(picture, await readOriginal(library.vault.ref((recipe.json as Redaction).sha256)));
    const read = (file: string) => execFileSync('tesseract', [file, '-'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    expect(read(photo)).toMatch(/ons linzen/i);
    expect(read(picture)).not.toMatch(/\blinzen\b/i);
    // A whole word only: "Linzensoep" in the title stays, and the rest of the recipe.
    expect(read(picture)).toContain('Linzensoep a la Waterman');
  });

  it('keeps the redacted copy sealed in an encrypted library, as its originals are', { timeout: 120_000 }, async () => {
    const libraryDir = path.join(tempDir(), 'library');
    const env = { CASEBINDER_PASSPHRASE_FILE: secretFile(PASSPHRASE) };
    expect(casebinder(libraryDir, ['init', '--encrypt', '--json'], env).code).toBe(0);
    expect(casebinder(libraryDir, ['patient', 'add', 'Carlos Mendez', '--dob', '1961-03-14', '--json'], env).code).toBe(0);
    const imported = casebinder(libraryDir, ['import', source, '--patient', 'Carlos Mendez', '--json'], env).json as { imported: { id: number }[] };
    const run = casebinder(libraryDir, ['redact', String(imported.imported[0]!.id), '--suggested', '--json'], env);
    expect(run.stderr).toBe('');
    const redaction = run.json as Redaction;
    expect(redaction.suggestionsAccepted.length).toBe(6);
    // No file of the library holds a PDF, its words or the redacted copy's own bytes in the clear.
    const copy = casebinder(libraryDir, ['redactions', String(imported.imported[0]!.id), '--json'], env).json as { current: Redaction };
    expect(copy.current.sha256).toBe(redaction.sha256);
    for (const file of allFiles(libraryDir)) {
      const content = fs.readFileSync(file);
      for (const needle of ['%PDF-', 'Riverside Oncology', 'Consultation Note', redaction.sha256]) expect(content.includes(needle), `${path.relative(libraryDir, file)}: ${needle}`).toBe(false);
    }
  });

  it('adds to the current redaction, lists them, and undoes the newest; the vault keeps only what is used', async () => {
    const { library, libraryDir, id } = await withNote();
    const first = casebinder(libraryDir, ['redact', String(id), '--find', D.ssn, '--json']).json as Redaction;
    expect(first.found).toEqual([{ text: D.ssn, matches: 2 }]);
    const second = casebinder(libraryDir, ['redact', String(id), '--find', 'lobectomy', '--json']).json as Redaction;
    expect(second.found).toEqual([
      { text: D.ssn, matches: 2 },
      { text: 'lobectomy', matches: 1 },
    ]);
    const text = (r: Redaction) => tool('pdftotext', [library.vault.pathFor(r.sha256), '-']);
    expect(text(second)).not.toContain(D.ssn);
    expect(text(second)).not.toContain('lobectomy');
    const listed = casebinder(libraryDir, ['redactions', String(id), '--json']).json as { current: Redaction; history: Redaction[] };
    expect(listed.history.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(listed.current.id).toBe(second.id);
    const text1 = casebinder(libraryDir, ['redactions', String(id)]).stdout;
    expect(text1).toContain('(sent with exports)');

    const undone = casebinder(libraryDir, ['redact', String(id), '--undo', '--json']).json as { undone: Redaction; current: Redaction | null };
    expect(undone.undone.id).toBe(second.id);
    expect(undone.current?.id).toBe(first.id);
    expect(fs.existsSync(library.vault.pathFor(second.sha256))).toBe(false);
    expect(fs.existsSync(library.vault.pathFor(first.sha256))).toBe(true);
    casebinder(libraryDir, ['redact', String(id), '--undo']);
    const none = casebinder(libraryDir, ['redact', String(id), '--undo']);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('has no redaction to undo');
    expect(fs.existsSync(library.vault.pathFor(first.sha256))).toBe(false);
  });

  it('refuses, with nothing changed, a text that is not there, a box off the page and a file that cannot be redacted', async () => {
    const { library, libraryDir, id, patient } = await withNote();
    const missing = casebinder(libraryDir, ['redact', String(id), '--find', D.ssn, '--find', 'Zanzibar']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('"Zanzibar" is not in');
    expect(missing.stderr).toContain('nothing was changed');
    const off = casebinder(libraryDir, ['redact', String(id), '--box', '3:0.1,0.1,0.2,0.2']);
    expect(off.stderr).toContain('There is no page 3: the document has 2 pages');
    const outside = casebinder(libraryDir, ['redact', String(id), '--box', '1:0.9,0.1,0.2,0.2']);
    expect(outside.stderr).toContain('is not on the page');
    const malformed = casebinder(libraryDir, ['redact', String(id), '--box', '1:left']);
    expect(malformed.stderr).toContain('is not a box: write PAGE:X,Y,W,H');
    expect(library.redactions.of(id).history).toEqual([]);

    const { importer, close } = importerFor(library, 1);
    cleanup.push(close);
    const xml = await importer.start({ paths: [fixture('ccda/HL7_Consultation_Note.xml')], patientId: patient.id }).result;
    const refused = casebinder(libraryDir, ['redact', String(xml.imported[0]!.id), '--find', 'note']);
    expect(refused.stderr).toMatch(/cannot be redacted here: only PDFs and pictures can/);
  });

  it('redacts a photo: the box burned in, its metadata (EXIF, GPS, XMP) gone', async () => {
    const { library, patient } = await withNote();
    const { importer, close } = importerFor(library, 1);
    cleanup.push(close);
    const photo = fixture('images/MWG.jpg');
    const before = await sharp(photo).metadata();
    expect(before.exif ?? before.xmp ?? before.iptc).toBeDefined();
    const imported = await importer.start({ paths: [photo], patientId: patient.id }).result;
    const id = imported.imported[0]!.id;
    const run = casebinder(library.dir, ['redact', String(id), '--box', '1:0,0,0.5,0.5', '--json']);
    expect(run.stderr).toBe('');
    const redaction = run.json as Redaction;
    expect(redaction.mediaType).toBe('image/jpeg');
    const bytes = await readOriginal(library.vault.ref(redaction.sha256));
    const after = await sharp(bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc === undefined || after.icc.length < 4096).toBe(true);

    // A scan (PNG, lossless): the box is black to the pixel, the rest of the picture unchanged.
    const scan = fixture('images/typewriter.png');
    const scanId = (await importer.start({ paths: [scan], patientId: patient.id }).result).imported[0]!.id;
    const scanRedaction = casebinder(library.dir, ['redact', String(scanId), '--box', '1:0.25,0.25,0.5,0.25', '--json']).json as Redaction;
    expect(scanRedaction.mediaType).toBe('image/png');
    const grey = async (input: string | Buffer) => sharp(input).greyscale().raw().toBuffer({ resolveWithObject: true });
    const was = await grey(scan);
    const now = await grey(await readOriginal(library.vault.ref(scanRedaction.sha256)));
    expect([now.info.width, now.info.height]).toEqual([was.info.width, was.info.height]);
    const { width, height } = now.info;
    let inside = 0;
    let changedOutside = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        const covered = x >= Math.floor(width * 0.25) && x < Math.ceil(width * 0.75) && y >= Math.floor(height * 0.25) && y < Math.ceil(height * 0.5);
        if (covered) inside += now.data[i] === 0 ? 1 : 0;
        else changedOutside += Math.abs(now.data[i]! - was.data[i]!) > 1 ? 1 : 0;
      }
    }
    expect(inside).toBe((Math.ceil(width * 0.75) - Math.floor(width * 0.25)) * (Math.ceil(height * 0.5) - Math.floor(height * 0.25)));
    expect(changedOutside).toBe(0);
  });

  it('keeps home the lab values read from a page the patient redacted, and the packet says so', { timeout: 120_000 }, async () => {
    const { dir, library, libraryDir } = await withNote();
    // The generated reports are Jane Doe's ("DOE, JANE  DOB: 02/03/1970").
    const patient = library.patients.add({ name: 'Jane Doe', dateOfBirth: '1970-02-03' });
    const report = labReports(1, 11).find((r) => r.layout === 'flag-column') ?? labReports(1, 11)[0]!;
    const file = path.join(dir, 'labs.pdf');
    await writeLabReport(report, file);
    const { importer, close } = importerFor(library, 1);
    cleanup.push(close);
    const id = (await importer.start({ paths: [file], patientId: patient.id }).result).imported[0]!.id;
    const read = library.records.labs({ patientId: patient.id, documentId: id }).length;
    expect(read).toBeGreaterThan(3);
    // One box somewhere on the report's page: what was read from that page stays home.
    expect(casebinder(libraryDir, ['redact', String(id), '--box', '1:0.05,0.9,0.2,0.03']).code).toBe(0);
    const c = library.cases.create(patient.id, { title: 'Labs', specialty: 'oncology' }, new Date());
    library.cases.addDocuments(c.id, [id]);
    const pool = new WorkerPool({ threads: 1 });
    cleanup.push(() => pool.close());
    const written = await startExport({ library, picture: pagePictureFrom(pool) }, { caseId: c.id, specialistId: null, choices: { ...DEFAULT_EXPORT_CHOICES, zip: false }, outDir: path.join(dir, 'out') }).result;
    const packet = tool('pdftotext', [written.packet, '-']).replace(/\s+/g, ' ');
    expect(packet).toContain(`${read} lab values read from pages the patient redacted are not listed here`);
    expect(packet).not.toContain('All values');
    const fhir = JSON.parse(fs.readFileSync(path.join(written.folder, 'FHIR', 'bundle.json'), 'utf8')) as { entry: { resource: { resourceType: string } }[] };
    expect(fhir.entry.filter((e) => e.resource.resourceType === 'Observation')).toHaveLength(0);
    // Sent as it came, the values are listed again.
    const plain = await startExport({ library, picture: pagePictureFrom(pool) }, { caseId: c.id, specialistId: null, choices: { ...DEFAULT_EXPORT_CHOICES, zip: false, sendOriginal: [id] }, outDir: path.join(dir, 'out2') }).result;
    expect(tool('pdftotext', [plain.packet, '-'])).toContain('All values');
  });

  it('exports the redacted copy in its place (packet, originals, XDM, manifest), or the original when chosen', { timeout: 120_000 }, async () => {
    const { dir, library, libraryDir, id, patient } = await withNote();
    const redaction = casebinder(libraryDir, ['redact', String(id), '--suggested', '--find', D.word, '--json']).json as Redaction;
    const c = library.cases.create(patient.id, { title: 'Lung nodule', specialty: 'oncology' }, new Date());
    library.cases.addDocuments(c.id, [id]);
    const pool = new WorkerPool({ threads: 1 });
    cleanup.push(() => pool.close());
    const exportTo = (out: string, sendOriginal: number[] = []) =>
      startExport({ library, picture: pagePictureFrom(pool) }, { caseId: c.id, specialistId: null, choices: { ...DEFAULT_EXPORT_CHOICES, zip: false, sendOriginal }, outDir: path.join(dir, out) }).result;

    const written = await exportTo('redacted');
    const manifest = JSON.parse(fs.readFileSync(path.join(written.folder, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string; role: string; document?: { redacted?: boolean } }[] };
    const originals = manifest.files.filter((f) => f.role === 'original');
    expect(originals).toHaveLength(1);
    expect(originals[0]!.sha256).toBe(redaction.sha256);
    expect(originals[0]!.document?.redacted).toBe(true);
    const xdm = manifest.files.filter((f) => f.role === 'xdm-document');
    expect(xdm.map((f) => f.sha256)).toEqual([redaction.sha256]);
    // Every file of the bundle: none holds a secret (the packet's text, the originals, FHIR, XDM, the index).
    for (const file of manifest.files) {
      const full = path.join(written.folder, file.path);
      const readable = file.path.endsWith('.pdf') ? tool('pdftotext', [full, '-']) : fs.readFileSync(full).toString('latin1');
      for (const secret of [D.ssn, D.memberId, D.word, ...D.hidden]) expect(readable, file.path).not.toContain(secret);
    }
    const packet = tool('pdftotext', [written.packet, '-']);
    expect(packet).toContain('redacted by the patient');
    expect(packet).toContain('Consultation Note');
    expect(fs.readFileSync(path.join(written.folder, 'INDEX.HTM'), 'utf8')).toContain('(redacted by the patient)');

    const plain = await exportTo('original', [id]);
    const sent = (JSON.parse(fs.readFileSync(path.join(plain.folder, 'manifest.json'), 'utf8')) as typeof manifest).files.filter((f) => f.role === 'original');
    expect(sent[0]!.sha256).toBe(library.documents.get(id).sha256);
    expect(sent[0]!.document?.redacted).toBeUndefined();
    expect(tool('pdftotext', [plain.packet, '-'])).not.toContain('redacted by the patient');
  });
});
