/**
 * A series' thumbnail: its key image drawn by dcmjs-imaging (window and level from the file, or from
 * the pixel values), whose WebAssembly codecs read the compressed encodings CDs use (JPEG, JPEG-LS,
 * JPEG 2000, RLE). Runs in a worker thread; reads the vault's copy, never the person's disc.
 */
import dcmjsImaging from 'dcmjs-imaging';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import type { ResizeOptions } from 'sharp';
import { decoderProblem, isPreviewableTransferSyntax, transferSyntaxName } from '../../shared/imaging.ts';
import { said } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';
import { forViewing } from './header.ts';
import { readOriginal } from '../library/sealed.ts';
import type { OriginalRef } from '../library/sealed.ts';

const { DicomImage, NativePixelDecoder } = dcmjsImaging;

/** A key image's long side: 512 px (sharp at 256 CSS px on a high-density screen), never under 256. */
const THUMBNAIL_SIDE = 512;
const THUMBNAIL_MIN_SIDE = 256;

let decoders: Promise<void> | undefined;

function codecs(): Promise<void> {
  decoders ??= NativePixelDecoder.initializeAsync({
    webAssemblyModulePathOrUrl: path.join(path.dirname(createRequire(import.meta.url).resolve('dcmjs-imaging')), 'dcmjs-native-codecs.wasm'),
    logNativeDecodersMessages: false,
  });
  return decoders;
}

export type Thumbnail = { readonly png: Uint8Array; readonly width: number; readonly height: number } | { readonly problem: Said };

/**
 * The key image's size: large images shrink to THUMBNAIL_SIDE; small ones (a 128-pixel CT, a 16-pixel
 * test image) grow to at least THUMBNAIL_MIN_SIDE by whole multiples, each pixel a crisp square rather
 * than a blur.
 */
function thumbnailSize(width: number, height: number): ResizeOptions {
  const side = Math.max(width, height);
  if (side > THUMBNAIL_SIDE) return { width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside' };
  if (side >= THUMBNAIL_MIN_SIDE) return { width, height };
  const times = Math.ceil(THUMBNAIL_MIN_SIDE / side);
  return { width: width * times, height: height * times, kernel: 'nearest' };
}

/** Draws the middle frame of a DICOM file as a PNG between THUMBNAIL_MIN_SIDE and THUMBNAIL_SIDE on its long side, or says why not. */
export async function dicomThumbnail(file: OriginalRef, transferSyntaxUid: string | null): Promise<Thumbnail> {
  if (transferSyntaxUid && !isPreviewableTransferSyntax(transferSyntaxUid)) {
    return { problem: said('thumbnail-not-previewable', { encoding: transferSyntaxName(transferSyntaxUid) }) };
  }
  await codecs();
  const bytes = forViewing(new Uint8Array(await readOriginal(file)));
  try {
    const image = new DicomImage(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const frames = image.getNumberOfFrames();
    const rendered = image.render({ frame: Math.floor(Math.max(0, frames - 1) / 2) });
    const { data, info } = await sharp(Buffer.from(rendered.pixels), { raw: { width: rendered.width, height: rendered.height, channels: 4 } })
      .resize(thumbnailSize(rendered.width, rendered.height))
      .removeAlpha()
      .png()
      .toBuffer({ resolveWithObject: true });
    return { png: new Uint8Array(data), width: info.width, height: info.height };
  } catch (error) {
    return { problem: said('thumbnail-failed', { problem: decoderProblem(error instanceof Error ? error.message : String(error), transferSyntaxUid) }) };
  }
}
