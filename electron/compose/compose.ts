/**
 * A document made from photos: several photos of one paper document (a letter in three pictures)
 * become one PDF, page by page in the order chosen, each turned and cropped as chosen. The photos stay
 * in the library exactly as they were, listed under the new document; the new PDF is stored in the
 * vault like any original, and how each page was made is recorded so it can be made again.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import type { ComposeRequest } from '../../shared/compose-types.ts';
import { CasebinderError } from '../../shared/errors.ts';
import type { MedicalDocument } from '../../shared/library-types.ts';
import type { Library } from '../library/library.ts';
import { suggestDetails } from '../suggest/suggest.ts';
import type { WorkerPool } from '../workers/pool.ts';
import { said } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';

/** Pages are as large as fits a US Letter page (in points), keeping each photo's shape. */
const LETTER = { long: 792, short: 612 };
const MAX_COMPOSED_PAGES = 200;

function invalid(message: Said): never {
  throw new CasebinderError('invalid-input', message);
}

/** Checks the request against the library: pictures of one patient, each page there, none used twice. */
function sourcesOf(library: Library, request: ComposeRequest): MedicalDocument[] {
  const title = request.title.trim();
  if (!title) invalid(said('err.compose-title'));
  if (request.pages.length === 0) invalid(said('err.compose-no-photos'));
  if (request.pages.length > MAX_COMPOSED_PAGES) invalid(said('err.compose-too-many', { max: MAX_COMPOSED_PAGES }));
  const sources = request.pages.map((p) => library.documents.get(p.documentId));
  request.pages.forEach((p, i) => {
    const doc = sources[i]!;
    if (doc.kind !== 'file' || !doc.mediaType.startsWith('image/')) {
      invalid(said('err.compose-not-picture', { id: doc.id, title: doc.title }));
    }
    if (p.page < 1 || p.page > doc.pages) invalid(said('err.no-page', { id: doc.id, page: p.page }));
    if (doc.partOf !== null) invalid(said('err.compose-already-part', { id: doc.id, title: doc.title, of: doc.partOf }));
    const crop = p.crop;
    if (crop && (crop.left + crop.width > 1.0001 || crop.top + crop.height > 1.0001 || crop.width <= 0 || crop.height <= 0)) {
      invalid(said('err.compose-crop-outside', { page: i + 1 }));
    }
  });
  const patients = new Set(sources.map((s) => s.patientId));
  if (patients.size > 1) invalid(said('err.compose-patients'));
  return sources;
}

export async function composeDocument(library: Library, pool: WorkerPool, request: ComposeRequest): Promise<MedicalDocument> {
  const sources = sourcesOf(library, request);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(request.title.trim());
  pdf.setProducer('Casebinder');
  for (const [i, p] of request.pages.entries()) {
    const source = sources[i]!;
    const picture = await pool.composePage({
      file: library.vault.ref(source.sha256!),
      mediaType: source.mediaType,
      page: p.page,
      rotation: p.rotation,
      crop: p.crop ?? null,
    });
    const image = await pdf.embedJpg(picture.jpeg);
    const box = picture.width >= picture.height ? { w: LETTER.long, h: LETTER.short } : { w: LETTER.short, h: LETTER.long };
    const scale = Math.min(box.w / picture.width, box.h / picture.height);
    const page = pdf.addPage([picture.width * scale, picture.height * scale]);
    page.drawImage(image, { x: 0, y: 0, width: picture.width * scale, height: picture.height * scale });
  }
  const bytes = await pdf.save();
  const staged = await library.vault.stage(bytes);
  await library.vault.commit(staged);

  // Until OCR reads the new pages, each keeps the text its photo had, so search finds it meanwhile.
  const pageTexts = request.pages.map((p) => library.documents.pageText(p.documentId, p.page));
  const patient = library.patients.get(sources[0]!.patientId);
  const { suggested, languages } = suggestDetails(pageTexts, request.title, { dateOfBirth: patient.dateOfBirth, reference: library.now() });
  const id = library.documents.insertComposition(
    {
      patientId: patient.id,
      sha256: staged.sha256,
      originalName: `${request.title.trim()}.pdf`,
      sourcePath: `made from photos ${sources.map((s) => `#${s.id}`).join(', ')}`,
      size: staged.size,
      mediaType: 'application/pdf',
      title: request.title.trim(),
      suggested,
      pageTexts,
      ocrPages: pageTexts.map((_, i) => i + 1),
      languages,
    },
    request.pages,
    library.now(),
  );
  return library.documents.get(id);
}
