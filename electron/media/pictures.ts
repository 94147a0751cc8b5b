/**
 * Photos and scans: JPEG, PNG, WebP and TIFF (also multi-page) through sharp (libvips), iPhone HEIC
 * through libheif (heic-decode), since sharp's prebuilt libvips leaves HEVC out. Every picture is
 * turned upright by its EXIF orientation when it is shown, read by OCR or exported; the original in
 * the vault stays exactly as it came.
 */
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import type { Refusal } from '../../shared/import-types.ts';
import { said } from '../../shared/said.ts';
import { refusal } from '../../shared/import-types.ts';
import type { ImageMediaType } from './detect.ts';
import { pathOrBytes, readOriginal } from '../library/sealed.ts';
import type { OriginalRef } from '../library/sealed.ts';

// Pictures are read once each; libvips' cache would only hold on to memory.
sharp.cache(false);

/** A preview the window shows for a page it cannot draw itself (HEIC, TIFF): upright, JPEG. */
const PREVIEW_MAX_SIDE = 2400;
/** Pictures larger than this are refused rather than decoded (a 16,000 x 16,000 scan, or a trick). */
const MAX_PIXELS = 150_000_000;

export interface PictureInfo {
  readonly pages: number;
  /** Upright size of each page. */
  readonly sizes: readonly { readonly width: number; readonly height: number }[];
}

export interface Preview {
  readonly number: number;
  readonly mediaType: 'image/jpeg';
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

const needsPreview = (mediaType: ImageMediaType) => mediaType === 'image/heic' || mediaType === 'image/tiff';

function damaged(mediaType: ImageMediaType, detail: string): Refusal {
  if (mediaType === 'image/heic') {
    return refusal('damaged', said('heic-unreadable', { detail }));
  }
  return refusal('damaged', said('image-damaged', { detail }));
}

/** An upright picture of one page, ready for resizing, encoding or OCR. */
export async function uprightPage(file: OriginalRef | Buffer, mediaType: ImageMediaType, page: number): Promise<Sharp> {
  if (mediaType === 'image/heic') {
    const bytes = Buffer.isBuffer(file) ? file : await readOriginal(file);
    // libheif (WebAssembly, about 30 MB of each worker thread once loaded) is loaded by the first HEIC
    // photo, not by every import. It applies the HEIF rotation and mirroring itself; EXIF orientation is
    // not applied again.
    const { default: decodeHeic } = await import('heic-decode');
    const decoded = await decodeHeic({ buffer: bytes });
    return sharp(Buffer.from(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength), {
      raw: { width: decoded.width, height: decoded.height, channels: 4 },
    });
  }
  return sharp(Buffer.isBuffer(file) ? file : await pathOrBytes(file), { page: page - 1, failOn: 'truncated', limitInputPixels: MAX_PIXELS, autoOrient: true });
}

/**
 * Checks that every page of a picture decodes, and makes previews where the window needs them.
 * A picture that does not decode is refused with its reason.
 */
export async function readPicture(file: OriginalRef, mediaType: ImageMediaType): Promise<({ info: PictureInfo; previews: Preview[] }) | Refusal> {
  let pages = 1;
  const input = await pathOrBytes(file);
  try {
    if (mediaType !== 'image/heic') {
      const meta = await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata();
      if (!meta.width || !meta.height) return damaged(mediaType, 'it has no size');
      if (meta.width * meta.height > MAX_PIXELS) {
        return refusal('too-large', said('picture-too-large', { width: meta.width, height: meta.height }));
      }
      pages = mediaType === 'image/tiff' ? (meta.pages ?? 1) : 1;
    }
  } catch (error) {
    return damaged(mediaType, (error as Error).message.split('\n')[0] ?? 'unreadable');
  }
  const sizes: { width: number; height: number }[] = [];
  const previews: Preview[] = [];
  for (let number = 1; number <= pages; number++) {
    try {
      const upright = await uprightPage(input, mediaType, number);
      if (needsPreview(mediaType)) {
        const { data, info } = await upright
          .resize({ width: PREVIEW_MAX_SIDE, height: PREVIEW_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: 85, mozjpeg: true })
          .toBuffer({ resolveWithObject: true });
        previews.push({ number, mediaType: 'image/jpeg', width: info.width, height: info.height, data: new Uint8Array(data) });
        const full = await (await uprightPage(input, mediaType, number)).metadata();
        sizes.push(orientedSize(full));
      } else {
        // Decoding a small copy proves the whole picture decodes (libvips reads it to the end).
        await upright.resize(64, 64, { fit: 'inside' }).raw().toBuffer();
        sizes.push(orientedSize(await sharp(input, { page: number - 1 }).metadata()));
      }
    } catch (error) {
      return damaged(mediaType, (error as Error).message.split('\n')[0] ?? 'unreadable');
    }
  }
  return { info: { pages, sizes }, previews };
}

function orientedSize(meta: { width?: number; height?: number; orientation?: number; autoOrient?: { width: number; height: number } }): { width: number; height: number } {
  if (meta.autoOrient) return meta.autoOrient;
  const turned = (meta.orientation ?? 1) >= 5;
  return turned ? { width: meta.height ?? 0, height: meta.width ?? 0 } : { width: meta.width ?? 0, height: meta.height ?? 0 };
}
