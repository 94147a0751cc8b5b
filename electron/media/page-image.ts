/**
 * The picture of a page that OCR reads: a scanned PDF page drawn by pdf.js at 300 dpi, or a photo
 * turned upright; either as 8-bit grey (PGM), which Tesseract's Leptonica reads without decoding.
 * Runs in a worker thread.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import sharp from 'sharp';
import { refusal } from '../../shared/import-types.ts';
import type { Refusal } from '../../shared/import-types.ts';
import { said } from '../../shared/said.ts';
import { MAX_PDF_IMAGE_PIXELS } from '../../shared/limits.ts';
import { noticingPicturesTooLarge, withPdf } from './pdf-text.ts';
import type { ImageMediaType } from './detect.ts';
import { uprightPage } from './pictures.ts';
import type { OriginalRef } from '../library/sealed.ts';

/** OCR reads best at the resolution scanners use for text. */
const OCR_DPI = 300;
/** A page drawn larger than this (a poster-sized PDF page) is drawn at a lower resolution instead. */
const MAX_PIXELS = 36_000_000;

export interface PageImage {
  /** Portable Greymap (P5): a header and one byte per pixel. */
  readonly pgm: Uint8Array;
  readonly width: number;
  readonly height: number;
}

function greymap(grey: Uint8Array, width: number, height: number): PageImage {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const pgm = new Uint8Array(header.length + grey.length);
  pgm.set(header, 0);
  pgm.set(grey, header.length);
  return { pgm, width, height };
}

/** Why a page holding a picture past MAX_PDF_IMAGE_PIXELS is not read. */
export const PAGE_IMAGE_TOO_LARGE: Refusal = refusal('too-large', said('page-picture-too-large', { millions: MAX_PDF_IMAGE_PIXELS / 1_000_000 }));

/**
 * A PDF page drawn at 300 dpi (or less, for a very large page), with its /Rotate applied. A page whose
 * picture is too large to draw is refused with the reason, not read as if it were blank.
 */
export async function pdfPageImage(file: OriginalRef, pageNumber: number): Promise<PageImage | Refusal> {
  return withPdf(file, async (pdf): Promise<PageImage | Refusal> => {
    const page = await pdf.getPage(pageNumber);
    try {
      const drawn = await drawPdfPage(page, OCR_DPI);
      if ('code' in drawn) return drawn;
      const { rgba, width, height } = drawn;
      const grey = await sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw: { width, height, channels: 4 } })
        .greyscale()
        .raw()
        .toBuffer();
      return greymap(new Uint8Array(grey.buffer, grey.byteOffset, width * height), width, height);
    } finally {
      page.cleanup();
    }
  }, { warnings: true });
}

/**
 * A PDF page drawn on white at `dpi` (less for a very large page), with its /Rotate applied, as RGBA;
 * `annotations` also draws what form fields show (a filled form's values), as a reader does (pdf.js
 * leaves those to a form layer otherwise). A page whose
 * picture is too large to draw is refused with the reason, not drawn as if it were blank.
 */
export async function drawPdfPage(page: PDFPageProxy, dpi: number, options: { readonly annotations?: boolean } = {}): Promise<{ rgba: Uint8Array; width: number; height: number } | Refusal> {
  let scale = dpi / 72;
  const natural = page.getViewport({ scale });
  if (natural.width * natural.height > MAX_PIXELS) scale *= Math.sqrt(MAX_PIXELS / (natural.width * natural.height));
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  type Render = Parameters<typeof page.render>[0];
  const drawn = await noticingPicturesTooLarge(
    () => page.render({ canvas: canvas as unknown as Render['canvas'], canvasContext: context as unknown as Render['canvasContext'], viewport, annotationMode: options.annotations ? 1 : 2 }).promise,
  );
  if (drawn.tooLarge) return PAGE_IMAGE_TOO_LARGE;
  const data = context.getImageData(0, 0, width, height).data;
  return { rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height };
}

/** A photo or scan, upright (EXIF orientation applied), in grey; very large photos are scaled down. */
export async function photoPageImage(file: OriginalRef, mediaType: ImageMediaType, pageNumber: number): Promise<PageImage> {
  const upright = await uprightPage(file, mediaType, pageNumber);
  const { data, info } = await upright
    .resize({ width: 6000, height: 6000, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return greymap(new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), info.width, info.height);
}
