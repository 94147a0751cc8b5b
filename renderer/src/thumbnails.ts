import { invoke } from './api.ts';
import { cachedThumbnail, storeThumbnail } from './cache.ts';
import { openPdf, readOriginal, vaultSource } from './pdf.ts';

/** What a thumbnail needs to know about a document. */
export interface ThumbnailSource {
  readonly id: number;
  readonly kind: 'file' | 'study';
  readonly sha256: string | null;
  readonly size: number;
  readonly mediaType: string;
  readonly imaging: { readonly instances: number } | null;
}

const WIDTH = 120; // CSS width 60px, drawn at twice for sharp screens.
const CONCURRENT = 2;
/** Pictures the window cannot decode itself; the back end keeps upright previews of them. */
const PREVIEWED = new Set(['image/heic', 'image/tiff']);

interface Request {
  readonly source: ThumbnailSource;
  readonly signal: AbortSignal;
  readonly resolve: (url: string | null) => void;
}

const queue: Request[] = [];
let running = 0;

/** The cache key: a file's fingerprint; for a study, its id and size (new files change it). */
function keyOf(source: ThumbnailSource): string {
  return source.sha256 ?? `study:${source.id}:${source.imaging?.instances ?? 0}`;
}

async function bitmapOf(blob: Blob): Promise<ImageBitmap> {
  // The browser applies EXIF orientation (image-orientation: from-image), so photos stand upright.
  return createImageBitmap(blob, { resizeWidth: WIDTH, resizeQuality: 'medium' });
}

async function draw(source: ThumbnailSource): Promise<Blob | null> {
  if (source.kind === 'study') {
    // A study is shown by the key image of its first series that has one.
    const study = await invoke('studies:get', source.id);
    const series = study.series.find((s) => s.hasThumbnail);
    return series ? new Blob([(await invoke('series:thumbnail', series.id)) as BlobPart], { type: 'image/png' }) : null;
  }
  const canvas = document.createElement('canvas');
  if (source.mediaType === 'application/pdf') {
    const task = await openPdf(vaultSource({ ...source, title: `Document ${source.id}` }));
    try {
      const pdf = await task.promise;
      const page = await pdf.getPage(1);
      const viewport = page.getViewport({ scale: 1 });
      const scaled = page.getViewport({ scale: WIDTH / viewport.width });
      canvas.width = Math.round(scaled.width);
      canvas.height = Math.round(scaled.height);
      await page.render({ canvas, viewport: scaled }).promise;
    } finally {
      await task.destroy();
    }
  } else if (source.mediaType.startsWith('image/')) {
    const blob = PREVIEWED.has(source.mediaType)
      ? new Blob([(await invoke('documents:preview', source.id, 1)) as BlobPart], { type: 'image/jpeg' })
      : new Blob([(await readOriginal(source)) as BlobPart], { type: source.mediaType });
    const bitmap = await bitmapOf(blob);
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
  } else {
    return null;
  }
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/webp', 0.8));
}

function pump(): void {
  while (running < CONCURRENT && queue.length) {
    // Newest first: the rows on screen now, not those scrolled past.
    const request = queue.pop()!;
    if (request.signal.aborted) continue;
    running++;
    draw(request.source)
      .then(async (blob) => {
        if (!blob) return request.resolve(null);
        await storeThumbnail(keyOf(request.source), blob);
        request.resolve(URL.createObjectURL(blob));
      })
      .catch(() => request.resolve(null))
      .finally(() => {
        running--;
        pump();
      });
  }
}

/** An object URL of the document's first-page thumbnail, from the cache or drawn now; null if none. */
export async function thumbnailUrl(source: ThumbnailSource, signal: AbortSignal): Promise<string | null> {
  const cached = await cachedThumbnail(keyOf(source));
  if (cached) return URL.createObjectURL(cached);
  if (signal.aborted) return null;
  return new Promise((resolve) => {
    queue.push({ source, signal, resolve });
    signal.addEventListener('abort', () => resolve(null), { once: true });
    pump();
  });
}
