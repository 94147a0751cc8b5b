/**
 * An export, or a look at its packet, started as a job with progress and cancel. The packet and bundle
 * writers (pdf-lib, sharp, the fonts, the ZIP and DICOM writers: about 95 MB of a process) load when the
 * first one runs, not with the app: most sessions never export.
 */
import type { ExportProgress, ExportRequest, ExportResult } from '../../shared/export-types.ts';
import { Job } from '../jobs/job.ts';
import type { ImageMediaType } from '../media/detect.ts';
import type { WorkerPool } from '../workers/pool.ts';
import type { ExportJob, ExportServices, PreviewJob, PreviewPacket } from './bundle.ts';
import type { PagePictureSource } from './packet.ts';

/** Pictures drawn upright as JPEG pages in the worker threads (the same work as making a document from photos). */
export function pagePictureFrom(pool: WorkerPool): PagePictureSource {
  return (file, mediaType, page) => pool.composePage({ file, mediaType: mediaType as ImageMediaType, page, rotation: 0, crop: null });
}

/** Makes the packet these choices would give, for the person to look through before anything is written. */
export function startPreview(services: ExportServices, request: Omit<ExportRequest, 'outDir' | 'password'>): PreviewJob {
  return new Job<ExportProgress, PreviewPacket>('preview', async (context) => (await import('./bundle.ts')).previewPacket(services, request, context));
}

/** Starts an export; remembers the choices for the specialist. */
export function startExport(services: ExportServices, request: ExportRequest): ExportJob {
  services.library.cases.rememberExportChoices(request.caseId, request.specialistId, request.choices);
  return new Job<ExportProgress, ExportResult>('export', async (context) => (await import('./bundle.ts')).exportCase(services, request, (p) => context.report(p), context.signal));
}
