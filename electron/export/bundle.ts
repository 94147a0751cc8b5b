/**
 * Exporting a case: the bundle folder (README.TXT and INDEX.HTM first, the packet, the originals byte
 * for byte under readable names, the DICOM files with a DICOMDIR, manifest.json, a FHIR document Bundle
 * and the IHE XDM layout) and the same as one ZIP or volumes of ZIPs. Everything is written under
 * temporary names beside the target and renamed only when all of it is complete, so an export that
 * fails or is cancelled leaves nothing behind. The same case, choices and clock give the same bytes
 * (without a password: encryption is salted at random, as it must be).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';
import type { ExportProgress, ExportRequest, ExportResult, PacketPreview } from '../../shared/export-types.ts';
import type { Job, JobContext } from '../jobs/job.ts';
import type { Library } from '../library/library.ts';
import { recordKeys } from './dicomdir-keys.ts';
import { recordTypeOf, writeDicomdir, uidFrom } from './dicomdir.ts';
import type { DerivedValue } from './dicomdir.ts';
import type { DicomdirStudy } from './dicomdir.ts';
import { fhirBundle } from './fhir.ts';
import type { BundleFile } from './fhir.ts';
import { gatherCase } from './gather.ts';
import type { CaseBundleInput } from './gather.ts';
import { manifestJson } from './manifest.ts';
import type { ManifestFile } from './manifest.ts';
import { bundleName, packetName, unique } from './names.ts';
import { buildPacket, writePacket } from './packet.ts';
import type { Packet, PagePictureSource } from './packet.ts';
import { planVolumes, writeZip } from './zip.ts';
import { readmeText, indexHtml } from './readme.ts';
import { UNDETERMINED_LANGUAGE, xdmMetadata } from './xdm.ts';
import type { XdmDocument } from './xdm.ts';
import { formatOf, KOS_FORMAT, modalityCodes } from './codes.ts';
import { writeKos } from './kos.ts';
import { syncDirectory, syncTree } from '../library/durable.ts';
import { originalChunks } from '../library/sealed.ts';
import type { OriginalRef } from '../library/sealed.ts';

export type ExportJob = Job<ExportProgress, ExportResult>;

/** A packet made to be looked at before writing: its bytes stay in memory, nothing goes to disk. */
export interface PreviewPacket extends PacketPreview {
  readonly bytes: Uint8Array;
}
export type PreviewJob = Job<ExportProgress, PreviewPacket>;

interface Written {
  readonly sha256: string;
  readonly sha1: string;
  readonly size: number;
}

function hashes(): { transform: Transform; result: () => Written } {
  const sha256 = createHash('sha256');
  const sha1 = createHash('sha1');
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sha256.update(chunk);
      sha1.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { transform, result: () => ({ sha256: sha256.digest('hex'), sha1: sha1.digest('hex'), size }) };
}

/** Copies a vault original into the bundle, checking on the way that its bytes are still the ones filed. */
async function copyOriginal(from: OriginalRef, to: string, expectedSha256: string, signal: AbortSignal): Promise<Written> {
  await fsp.mkdir(path.dirname(to), { recursive: true });
  const h = hashes();
  await pipeline(Readable.from(originalChunks(from, signal)), h.transform, fs.createWriteStream(to, { flags: 'wx', flush: true }), { signal });
  const written = h.result();
  if (written.sha256 !== expectedSha256) {
    throw new CasebinderError('library-damaged', said('err.export-original-changed', { name: path.basename(to) }));
  }
  return written;
}

async function writeBytes(to: string, bytes: Uint8Array | string): Promise<Written> {
  await fsp.mkdir(path.dirname(to), { recursive: true });
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  await fsp.writeFile(to, data, { flag: 'wx', flush: true });
  return { sha256: createHash('sha256').update(data).digest('hex'), sha1: createHash('sha1').update(data).digest('hex'), size: data.length };
}

/** A new file written piece by piece as `produce` hands its pieces over, hashed on the way, and made durable. */
async function writeStreamed<T>(to: string, produce: (write: (chunk: Uint8Array) => Promise<void>) => Promise<T>): Promise<{ written: Written; result: T }> {
  await fsp.mkdir(path.dirname(to), { recursive: true });
  const handle = await fsp.open(to, 'wx');
  try {
    const sha256 = createHash('sha256');
    const sha1 = createHash('sha1');
    let size = 0;
    const result = await produce(async (chunk) => {
      sha256.update(chunk);
      sha1.update(chunk);
      size += chunk.length;
      for (let at = 0; at < chunk.length; ) at += (await handle.write(chunk, at, chunk.length - at)).bytesWritten;
    });
    await handle.sync();
    return { written: { sha256: sha256.digest('hex'), sha1: sha1.digest('hex'), size }, result };
  } finally {
    await handle.close();
  }
}

/** A free name in `dir`: "name", else "name (2)", "name (3)"… */
async function freeName(dir: string, name: string, ext = ''): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${name}${ext}` : `${name} (${n})${ext}`;
    try {
      await fsp.access(path.join(dir, candidate));
    } catch {
      return candidate;
    }
  }
}

/** What a password-protected ZIP, and the one archive inside it, are called: nothing of the patient's. */
const ENCRYPTED_ZIP_NAME = 'Casebinder bundle';
/** Room the encrypted wrapper takes in a volume, beside the archive it holds. */
const ENCRYPTED_WRAPPER_BYTES = 1024;

const CRLF = (text: string) => text.replace(/\r?\n/g, '\r\n');

export interface ExportServices {
  readonly library: Library;
  /** Upright JPEG pages of pictures the PDF cannot take as they are (HEIC, TIFF). */
  readonly picture: PagePictureSource;
}

/** Writes the bundle; the caller owns the job. */
export async function exportCase(services: ExportServices, request: ExportRequest, report: (p: ExportProgress) => void, signal: AbortSignal): Promise<ExportResult> {
  const { library } = services;
  const now = library.now();
  report({ phase: 'gathering', done: 0, total: 1, current: null });
  const input = gatherCase(library, request.caseId, request.specialistId, request.choices, now);
  const outDir = path.resolve(request.outDir);
  const name = bundleName(input.patient.name, input.details.title, input.today);
  const temp = path.join(outDir, `.${name}.partial-${randomBytes(4).toString('hex')}`);
  const tempZips: string[] = [];
  // Written down first, so that an export killed midway has its temporary copies removed at the next start.
  library.settings.exportStarted(temp);
  try {
    await fsp.mkdir(outDir, { recursive: true });
    await fsp.mkdir(temp);
    const result = await writeBundle(services, input, request, temp, name, outDir, tempZips, report, signal);
    return result;
  } catch (error) {
    // Clearing up must not hide why the export failed (a folder that is a file cannot be cleared either).
    for (const partial of [temp, ...tempZips]) await fsp.rm(partial, { recursive: true, force: true }).catch(() => undefined);
    if (signal.aborted) throw new CasebinderError('cancelled', said('err.export-cancelled'));
    throw writeError(error, outDir);
  } finally {
    library.settings.exportEnded(temp, ...tempZips);
  }
}

/** What the disk said, in words a person can act on. */
function writeError(error: unknown, outDir: string): unknown {
  const { code, path: where } = (error ?? {}) as NodeJS.ErrnoException;
  if (code === 'ENOSPC') return new CasebinderError('invalid-input', said('err.export-disk-full', { folder: outDir }), { cause: error });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new CasebinderError('invalid-input', said('err.export-not-allowed', { folder: outDir }), { cause: error });
  }
  // The folder itself, or a folder above it, is a file.
  if ((code === 'ENOTDIR' || code === 'EEXIST') && where && outDir.startsWith(path.resolve(where))) return new CasebinderError('invalid-input', said('err.export-file-in-way', { folder: outDir }), { cause: error });
  return error;
}

/** What the export tells the person of values the DICOMDIR had to supply, one line per study. */
function derivedValueNotes(derived: readonly DerivedValue[], input: CaseBundleInput): Said[] {
  const byStudy = new Map<string, DerivedValue[]>();
  for (const d of derived) byStudy.set(d.studyInstanceUid, [...(byStudy.get(d.studyInstanceUid) ?? []), d]);
  return [...byStudy].map(([uid, values]) => {
    const title = input.documents.find((d) => d.study?.studyInstanceUid === uid)?.doc.title;
    const counted = (keyword: DerivedValue['keyword']) => values.filter((v) => v.keyword === keyword).length;
    const given: Said[] = values
      .filter((v) => v.keyword !== 'InstanceNumber' && v.keyword !== 'SeriesNumber')
      .map((v) => said('export-derived-value', { keyword: v.keyword, value: v.value, how: said(`derived-${v.how}`) }));
    if (counted('SeriesNumber')) given.push(said('export-derived-series', { count: counted('SeriesNumber') }));
    if (counted('InstanceNumber')) given.push(said('export-derived-instances', { count: counted('InstanceNumber') }));
    return said('export-derived', { title: title ?? said('export-derived-study'), values: { list: given, joined: '; ' } });
  });
}

async function writeBundle(services: ExportServices, input: CaseBundleInput, request: ExportRequest, temp: string, name: string, outDir: string, tempZips: string[], report: (p: ExportProgress) => void, signal: AbortSignal): Promise<ExportResult> {
  const password = request.password || null;
  const seed = `${input.details.id}|${input.patient.id}|${input.now.toISOString()}|${input.documents.map((d) => d.doc.id).join(',')}`;
  const files: ManifestFile[] = [];
  const warnings: Said[] = [];

  // The packet.
  // Written as it is laid out: a packet of scans and photos is never held in memory whole a second time.
  const packetFile = packetName(input.patient.name);
  const { written: packetWritten, result: packet } = await writeStreamed(path.join(temp, packetFile), (write) => packetOf(services, input, password, report, signal, write));
  warnings.push(...packet.warnings);
  files.push({ path: packetFile, ...packetWritten, mediaType: 'application/pdf', role: 'packet' });

  // The originals, byte for byte.
  const withImages = !input.reportsOnly;
  const instanceCount = withImages ? input.documents.reduce((n, d) => n + d.instances.length, 0) : 0;
  const originalsTotal = input.documents.filter((d) => !d.study).length + instanceCount;
  let copied = 0;
  const byDocument = new Map<number, BundleFile>();
  const xdmDocs: XdmDocument[] = [];
  const dicomStudies: DicomdirStudy[] = [];
  /** Each study with its document, for the study's manifest (KOS) among the XDM documents. */
  const studiesSent: { d: (typeof input.documents)[number]; meta: NonNullable<ManifestFile['document']>; study: DicomdirStudy }[] = [];
  const usedXdm = new Set<string>();
  let studyNumber = 0;
  for (const d of input.documents) {
    if (signal.aborted) throw signal.reason;
    // A redacted copy says so: a reader (and Casebinder reading the bundle back) knows parts were removed.
    const meta = { number: d.number, title: d.doc.title, type: d.typeLabel, typeId: d.type, date: d.date, facility: d.facility, clinician: d.clinician, originalName: d.doc.originalName, ...(d.doc.languages?.length ? { languages: d.doc.languages } : {}), ...(d.redacted ? { redacted: true as const } : {}) };
    if (d.study) {
      const study = d.study;
      byDocument.set(d.doc.id, { path: withImages ? 'DICOMDIR' : packetFile, size: 0, sha1: '', mediaType: 'application/dicom' });
      if (!withImages) continue;
      studyNumber++;
      const seriesNumbers = new Map<number, number>();
      const seriesImages = new Map<number, DicomdirStudy['series'][number]['images'][number][]>();
      for (const instance of d.instances) {
        if (signal.aborted) throw signal.reason;
        if (!seriesNumbers.has(instance.seriesId)) seriesNumbers.set(instance.seriesId, seriesNumbers.size + 1);
        const images = seriesImages.get(instance.seriesId) ?? [];
        const fileId = ['DICOM', `ST${String(studyNumber).padStart(6, '0')}`, `SE${String(seriesNumbers.get(instance.seriesId)).padStart(6, '0')}`, `IM${String(images.length + 1).padStart(6, '0')}`];
        const rel = fileId.join('/');
        report({ phase: 'originals', done: copied, total: originalsTotal, current: `${d.doc.title}: ${rel}` });
        const written = await copyOriginal(instance.vaultPath, path.join(temp, rel), instance.sha256, signal);
        copied++;
        const sopClassUid = instance.sopClassUid ?? '';
        // A report, a presentation state, an RT object...: its record repeats some of its own values.
        const keys = recordTypeOf(sopClassUid) === 'IMAGE' ? undefined : await recordKeys(path.join(temp, rel), recordTypeOf(sopClassUid));
        images.push({ fileId, sopClassUid, sopInstanceUid: instance.sopInstanceUid, transferSyntaxUid: instance.transferSyntaxUid ?? '1.2.840.10008.1.2.1', instanceNumber: instance.instanceNumber, ...(keys ? { keys } : {}) });
        seriesImages.set(instance.seriesId, images);
        files.push({
          path: rel,
          sha256: written.sha256,
          size: written.size,
          mediaType: 'application/dicom',
          role: 'dicom',
          document: meta,
          dicom: { studyInstanceUid: study.studyInstanceUid, seriesInstanceUid: instance.seriesInstanceUid, sopInstanceUid: instance.sopInstanceUid, sopClassUid: instance.sopClassUid, transferSyntaxUid: instance.transferSyntaxUid },
        });
      }
      const sent: DicomdirStudy = {
        patientName: study.patientName ?? input.patient.name,
        patientId: study.patientId ?? '',
        patientBirthDate: study.patientBirthDate,
        studyInstanceUid: study.studyInstanceUid,
        studyDate: study.studyDate,
        studyTime: study.studyTime,
        accessionNumber: study.accessionNumber,
        description: study.description,
        studyId: study.studyId,
        seriesDate: study.series.find((s) => s.date)?.date ?? null,
        series: study.series.filter((s) => seriesImages.has(s.id)).map((s) => ({ seriesInstanceUid: s.seriesInstanceUid, modality: s.modality, number: s.number, images: seriesImages.get(s.id)! })),
      };
      dicomStudies.push(sent);
      studiesSent.push({ d, meta, study: sent });
      continue;
    }
    report({ phase: 'originals', done: copied, total: originalsTotal, current: d.doc.title });
    const written = await copyOriginal(d.vaultPath!, path.join(temp, d.bundlePath!), d.doc.sha256!, signal);
    copied++;
    files.push({ path: d.bundlePath!, sha256: written.sha256, size: written.size, mediaType: d.doc.mediaType, role: 'original', document: meta });
    byDocument.set(d.doc.id, { path: d.bundlePath!, size: written.size, sha1: written.sha1, mediaType: d.doc.mediaType });
    // The XDM copy: the same bytes under an 8.3 name, as XDM media expect.
    const ext = path.extname(d.bundlePath!).toUpperCase().slice(0, 4) || '.BIN';
    const uri = unique(`DOC${String(d.number).padStart(4, '0')}`, ext, usedXdm);
    await fsp.mkdir(path.join(temp, 'IHE_XDM', 'SUBSET01'), { recursive: true });
    await fsp.copyFile(path.join(temp, d.bundlePath!), path.join(temp, 'IHE_XDM', 'SUBSET01', uri));
    files.push({ path: `IHE_XDM/SUBSET01/${uri}`, sha256: written.sha256, size: written.size, mediaType: d.doc.mediaType, role: 'xdm-document', document: meta });
    // An XML original is looked at for the C-CDA release its header names (the format code says it).
    const head = /xml/i.test(d.doc.mediaType) ? await readHead(path.join(temp, d.bundlePath!), 64 * 1024) : null;
    const { mimeType, format } = formatOf(d.doc.mediaType, head);
    xdmDocs.push({ number: d.number, uri, mimeType, format, type: d.type, size: written.size, sha1: written.sha1, title: d.doc.title, typeLabel: d.typeLabel, date: d.date, facility: d.facility, uniqueId: uidFrom(`${seed}|document|${d.doc.sha256}`), language: d.doc.languages?.[0] ?? UNDETERMINED_LANGUAGE });
  }

  // The standards: DICOMDIR, FHIR, XDM.
  report({ phase: 'standards', done: 0, total: 1, current: null });
  if (dicomStudies.length) {
    const directory = writeDicomdir(dicomStudies, uidFrom(`${seed}|fileset`));
    warnings.push(...derivedValueNotes(directory.derived, input));
    const dicomdir = await writeBytes(path.join(temp, 'DICOMDIR'), directory.bytes);
    files.push({ path: 'DICOMDIR', ...dicomdir, mediaType: 'application/dicom', role: 'dicomdir' });
    for (const d of input.documents) if (d.study) byDocument.set(d.doc.id, { path: 'DICOMDIR', size: dicomdir.size, sha1: dicomdir.sha1, mediaType: 'application/dicom' });
  } else {
    for (const d of input.documents) {
      if (d.study) byDocument.set(d.doc.id, { path: packetFile, size: packetWritten.size, sha1: packetWritten.sha1, mediaType: 'application/pdf' });
    }
  }
  // Each study's manifest (a DICOM Key Object Selection document, as XDS-I.b registers a study) among the XDM documents.
  for (const { d, meta, study } of studiesSent) {
    const uri = unique(`DOC${String(d.number).padStart(4, '0')}`, '.DCM', usedXdm);
    const sopInstanceUid = uidFrom(`${seed}|kos|${study.studyInstanceUid}`);
    const kos = writeKos(study, { sopInstanceUid, seriesInstanceUid: uidFrom(`${seed}|kos-series|${study.studyInstanceUid}`), now: input.now });
    const written = await writeBytes(path.join(temp, 'IHE_XDM', 'SUBSET01', uri), kos);
    files.push({ path: `IHE_XDM/SUBSET01/${uri}`, ...written, mediaType: 'application/dicom', role: 'xdm-manifest', document: meta });
    const modalities = modalityCodes(study.series.map((s) => s.modality));
    xdmDocs.push({ number: d.number, uri, mimeType: 'application/dicom', format: KOS_FORMAT, type: d.type, size: written.size, sha1: written.sha1, title: d.doc.title, typeLabel: d.typeLabel, date: d.date, facility: d.facility, uniqueId: sopInstanceUid, language: 'en-US', study: { studyInstanceUid: study.studyInstanceUid, accessionNumber: study.accessionNumber, modalities } });
  }
  xdmDocs.sort((a, b) => a.number - b.number);
  const fhir = await writeBytes(path.join(temp, 'FHIR', 'bundle.json'), `${JSON.stringify(fhirBundle(input, byDocument, seed), null, 2)}\n`);
  files.push({ path: 'FHIR/bundle.json', ...fhir, mediaType: 'application/fhir+json', role: 'fhir' });
  if (xdmDocs.length) {
    const metadata = await writeBytes(path.join(temp, 'IHE_XDM', 'SUBSET01', 'METADATA.XML'), xdmMetadata(input, xdmDocs, seed));
    files.push({ path: 'IHE_XDM/SUBSET01/METADATA.XML', ...metadata, mediaType: 'text/xml', role: 'xdm-metadata' });
  }

  // The way in: README.TXT and INDEX.HTM, then the manifest of everything.
  const readme = await writeBytes(path.join(temp, 'README.TXT'), CRLF(readmeText(input, { packetFile, encrypted: !!password, withImages: dicomStudies.length > 0, packet })));
  files.unshift({ path: 'README.TXT', ...readme, mediaType: 'text/plain', role: 'readme' });
  const index = await writeBytes(path.join(temp, 'INDEX.HTM'), indexHtml(input, { packetFile, files, packet }));
  files.unshift({ path: 'INDEX.HTM', ...index, mediaType: 'text/html', role: 'index' });
  await writeBytes(path.join(temp, 'manifest.json'), manifestJson(input, { packetFile, packet, encrypted: !!password, files }));

  // The ZIP (or volumes), from the finished folder, still under temporary names.
  const zips: { name: string; temp: string }[] = [];
  if (request.choices.zip) {
    const all = await listFiles(temp);
    const first = ['README.TXT', 'INDEX.HTM', packetFile, 'manifest.json'];
    all.sort((a, b) => rank(a.name, first) - rank(b.name, first) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const limit = request.choices.maxSizeMb ? Math.floor(request.choices.maxSizeMb * 1e6) - (password ? ENCRYPTED_WRAPPER_BYTES : 0) : null;
    // At the archive's root, as IHE XDM media (ITI-32) expects IHE_XDM/, INDEX.HTM and README.TXT to be.
    const planned = planVolumes(all.map((f) => ({ name: f.name, file: path.join(temp, f.name), size: f.size })), limit);
    const totalBytes = all.reduce((n, f) => n + f.size, 0);
    let done = 0;
    const temporary = (zipName: string, kind: string) => {
      const file = path.join(outDir, `.${zipName}${kind}.partial-${randomBytes(4).toString('hex')}`);
      services.library.settings.exportStarted(file);
      tempZips.push(file);
      return file;
    };
    for (const [i, entries] of planned.entries()) {
      const part = planned.length > 1 ? ` - part ${i + 1} of ${planned.length}` : '';
      // With a password, a stranger holding the ZIP learns nothing of the patient from its names (a ZIP's
      // entry names are not encrypted): it is named for the day, and holds one archive of the files,
      // inside the encryption.
      const zipName = await freeName(outDir, password ? `${ENCRYPTED_ZIP_NAME} ${input.today}${part}` : `${name}${part}`, '.zip');
      const progress = { date: input.now, signal, onEntry: (bytes: number) => report({ phase: 'zip', done: (done += bytes), total: totalBytes, current: zipName }) };
      const tempZip = temporary(zipName, '');
      if (password) {
        const inner = temporary(zipName, '.inner');
        await writeZip(inner, entries, { ...progress, password: null });
        await writeZip(tempZip, [{ name: `${ENCRYPTED_ZIP_NAME}${part}.zip`, file: inner, size: (await fsp.stat(inner)).size }], { date: input.now, signal, password });
        await fsp.rm(inner);
      } else {
        await writeZip(tempZip, entries, { ...progress, password: null });
      }
      zips.push({ name: zipName, temp: tempZip });
    }
  }

  // All complete: put everything in place.
  report({ phase: 'finishing', done: 0, total: 1, current: null });
  if (signal.aborted) throw signal.reason;
  const folderName = await freeName(outDir, name);
  const finalZips = zips.map((z) => path.join(outDir, z.name));
  // On disk before it is renamed into place: a crash or power cut after the rename leaves the whole bundle.
  await syncTree(temp);
  for (const [i, z] of zips.entries()) await fsp.rename(z.temp, finalZips[i]!);
  await fsp.rename(temp, path.join(outDir, folderName));
  await syncDirectory(outDir);
  const folder = path.join(outDir, folderName);
  const bytes = files.reduce((n, f) => n + f.size, 0);
  return { packet: path.join(folder, packetFile), folder, zip: finalZips, pages: packet.pages, documents: input.documents.length, bytes, warnings };
}

/** The first `bytes` of a file as text (enough to read an XML document's header). */
async function readHead(file: string, bytes: number): Promise<string> {
  const handle = await fsp.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function rank(name: string, first: readonly string[]): number {
  const i = first.indexOf(name);
  return i === -1 ? first.length : i;
}

async function listFiles(root: string): Promise<{ name: string; size: number }[]> {
  const out: { name: string; size: number }[] = [];
  const walk = async (dir: string) => {
    const entries = await fsp.readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else out.push({ name: path.relative(root, full).split(path.sep).join('/'), size: (await fsp.stat(full)).size });
    }
  };
  await walk(root);
  return out;
}

/** The packet alone, reporting each document as it is added: in memory, or written to `write`. */
function packetOf(services: ExportServices, input: CaseBundleInput, password: string | null, report: (p: ExportProgress) => void, signal: AbortSignal): Promise<Packet>;
function packetOf(services: ExportServices, input: CaseBundleInput, password: string | null, report: (p: ExportProgress) => void, signal: AbortSignal, write: (chunk: Uint8Array) => Promise<void>): Promise<Omit<Packet, 'bytes'>>;
function packetOf(services: ExportServices, input: CaseBundleInput, password: string | null, report: (p: ExportProgress) => void, signal: AbortSignal, write?: (chunk: Uint8Array) => Promise<void>) {
  const total = input.documents.length;
  report({ phase: 'packet', done: 0, total, current: null });
  const options = { password, picture: services.picture, signal, onDocument: (n: number, title: string) => report({ phase: 'packet', done: n - 1, total, current: title }) };
  return write ? writePacket(input, options, write) : buildPacket(input, options);
}

/** Makes the packet these choices would give, for the person to look through before anything is written. */
export async function previewPacket(services: ExportServices, request: Omit<ExportRequest, 'outDir' | 'password'>, { report, signal }: JobContext<ExportProgress>): Promise<PreviewPacket> {
  report({ phase: 'gathering', done: 0, total: 1, current: null });
  const input = gatherCase(services.library, request.caseId, request.specialistId, request.choices, services.library.now());
  const packet = await packetOf(services, input, null, report, signal);
  return { bytes: packet.bytes, pages: packet.pages, size: packet.bytes.length, warnings: packet.warnings };
}
