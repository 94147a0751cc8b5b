import { cachedThumbnail, storeThumbnail } from './cache.ts';
import { openPdf, readOriginal } from './pdf.ts';

/** What a thumbnail needs to know about a document. */
export interface ThumbnailSource {
  readonly id: number;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
}

const WIDTH = 120; // CSS width 60px, drawn at twice for sharp screens.
const CONCURRENT = 2;

interface Request {
  readonly source: ThumbnailSource;
  readonly signal: AbortSignal;
  readonly resolve: (url: string | null) => void;
}

const queue: Request[] = [];
let running = 0;

async function draw(source: ThumbnailSource): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  if (source.mediaType === 'application/pdf') {
    const task = await openPdf(source);
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
    const bytes = await readOriginal(source);
    // The browser applies EXIF orientation (image-orientation: from-image), so photos stand upright.
    const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: source.mediaType }), { resizeWidth: WIDTH, resizeQuality: 'medium' });
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
        await storeThumbnail(request.source.sha256, blob);
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
  const cached = await cachedThumbnail(source.sha256);
  if (cached) return URL.createObjectURL(cached);
  if (signal.aborted) return null;
  return new Promise((resolve) => {
    queue.push({ source, signal, resolve });
    signal.addEventListener('abort', () => resolve(null), { once: true });
    pump();
  });
}
