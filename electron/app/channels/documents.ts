/** The documents channels: the library list, a document's pages and bytes, edits, search, studies, the trash and undo. */
import { CasebinderError } from '../../../shared/errors.ts';
import { slice } from '../context.ts';
import type { AppContext } from '../context.ts';
import { summary } from './summary.ts';
import { readOriginal, readOriginalRange } from '../../library/sealed.ts';
import { editDocument } from '../../suggest/language.ts';
import { said } from '../../../shared/said.ts';

/**
 * Redaction and making a document from photos (pdf-lib, pdf.js, the canvas, sharp: over 100 MB of a
 * process together with the export's writers) load when a person first asks for them, not with the app.
 */
const redaction = () => import('../../redact/redact.ts');

export function documentChannels(ctx: AppContext) {
  const { library } = ctx;
  return slice(
    {
      'documents:list': (filters) => library.documents.list(filters).map(summary),
      'documents:get': (id) => library.documents.get(id),
      'documents:read': async (id, offset, length) => {
        const doc = library.documents.get(id);
        if (!doc.sha256) throw new CasebinderError('invalid-input', said('err.study-by-series', { id: String(id) }));
        if (offset >= doc.size) return new Uint8Array(0);
        const bytes = await readOriginalRange(library.vault.ref(doc.sha256), offset, Math.min(length, doc.size - offset));
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      },
      'documents:edit': (id, edit) => editDocument(library, id, edit),
      'documents:confirm': (id, fields) => library.documents.confirm(id, fields),
      'documents:pages': (id) => library.documents.pageInfo(id),
      'documents:page-text': (id, page) => library.documents.pageText(id, page),
      'documents:preview': (id, page) => library.documents.preview(id, page).data,
      'documents:compose': async (request) => {
        const { composeDocument } = await import('../../compose/compose.ts');
        const doc = await composeDocument(library, ctx.pool, request);
        ctx.jobs.startOcrIfWaiting();
        return doc;
      },
      'documents:narrative': async (id) => {
        const doc = library.documents.get(id);
        if (doc.mediaType !== 'application/xml' || !doc.sha256) throw new CasebinderError('invalid-input', said('err.not-ccda-document'));
        const { readCcda } = await import('../../records/ccda.ts'); // loaded when first asked: ~25 MB
        return readCcda((await readOriginal(library.vault.ref(doc.sha256))).toString('utf8')).sections;
      },
      search: (query, filters, limit) => library.search.search(query, filters, limit),
      'studies:get': (id) => {
        const doc = library.documents.get(id);
        return library.studies.details(id, library.patients.get(doc.patientId));
      },
      'series:thumbnail': (id) => library.studies.thumbnail(id),
      'series:images': (id) => library.studies.seriesImages(id),
      'documents:trash': (ids) => {
        library.corrections.trash(ids);
        return null;
      },
      'documents:restore': (id) => library.corrections.restore(id),
      'documents:move': (id, patientId) => library.corrections.move(id, patientId),
      'documents:move-many': (ids, patientId) => {
        library.corrections.moveMany(ids, patientId);
        return null;
      },
      'documents:confirm-many': (ids) => ({ confirmed: library.documents.confirmMany(ids) }),
      'documents:tag': (ids, tag) => ({ tagged: library.documents.addTag(ids, tag) }),
      'documents:opened': (id) => {
        library.documents.markOpened(id, library.now());
        return null;
      },
      'documents:opened-with-suggestions': (patientId) => library.documents.openedWithSuggestions(patientId),
      'documents:mine': (id) => library.corrections.markMine(id),
      'trash:list': () => library.corrections.inTrash().map((d) => ({ ...summary(d), deletedAt: d.deletedAt!, removedAfter: d.removedAfter })),
      'trash:empty': () => library.corrections.emptyTrash(),
      'corrections:list': () => library.corrections.history(),
      'corrections:undo': () => library.corrections.undo(),
      'redactions:get': (id) => library.redactions.of(library.documents.get(id).id),
      'redactions:preview': async (id, find, readPictures) => {
        const { previewRedaction } = await redaction();
        return previewRedaction(library, ctx.pool.redaction(ctx.jobs.ocrEngine()), id, find, { readPictures: readPictures ?? true });
      },
      'redactions:start': async (request) => {
        const doc = library.documents.get(request.documentId);
        const { startRedaction } = await redaction();
        return { jobId: ctx.jobs.followRedaction(startRedaction(library, ctx.pool.redaction(ctx.jobs.ocrEngine()), request), doc.patientId) };
      },
      'redactions:result': (jobId) => ctx.jobs.redactionResult(jobId),
      'redactions:cancel': (jobId) => {
        ctx.jobs.cancel(jobId);
        return null;
      },
      'redactions:undo': async (id) => {
        await library.redactions.undo(library.documents.get(id).id);
        return library.redactions.of(id);
      },
      'redactions:read': async (id, offset, length) => {
        const current = library.redactions.of(id).current;
        if (!current) throw new CasebinderError('not-found', said('err.no-redacted-copy'));
        if (offset >= current.size) return new Uint8Array(0);
        const bytes = await readOriginalRange(library.vault.ref(current.sha256), offset, Math.min(length, current.size - offset));
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      },
    },
    {
      'documents:edit': { after: (doc) => doc.patientId },
      'documents:confirm': { after: (doc) => doc.patientId },
      'documents:compose': { after: (doc) => doc.patientId },
      'documents:trash': { before: (ids) => ids.map((id) => library.documents.get(id).patientId) },
      'documents:restore': { after: (doc) => doc.patientId },
      // Both patients' records change: the one it leaves and the one it joins.
      'documents:move': { before: (id) => library.documents.get(id).patientId, after: (doc) => doc.patientId },
      'documents:move-many': { before: (ids) => ids.map((id) => library.documents.get(id).patientId), after: (_result, _ids, patientId) => patientId },
      'documents:confirm-many': { before: (ids) => [...new Set(ids.map((id) => library.documents.get(id).patientId))] },
      'documents:tag': { before: (ids) => [...new Set(ids.map((id) => library.documents.get(id).patientId))] },
      'documents:mine': { after: (doc) => doc.patientId },
      'trash:empty': { after: () => null },
      'corrections:undo': { after: () => null },
      'redactions:undo': { before: (id) => library.documents.get(id).patientId },
    },
  );
}
