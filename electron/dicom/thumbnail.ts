/**
 * A series' thumbnail: its key image drawn by dcmjs-imaging (window and level from the file, or from
 * the pixel values), whose WebAssembly codecs read the compressed encodings CDs use (JPEG, JPEG-LS,
 * JPEG 2000, RLE). Runs in a worker thread; reads the vault's copy, never the person's disc.
 */
import dcmjsImaging from 'dcmjs-imaging';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { isPreviewableTransferSyntax, transferSyntaxName } from '../../shared/imaging.ts';
import { dicomEncoding, readDicomHeader } from './header.ts';
import { readOriginal } from '../library/sealed.ts';
import type { OriginalRef } from '../library/sealed.ts';

const { DicomImage, NativePixelDecoder } = dcmjsImaging;

const THUMBNAIL_SIDE = 256;

let decoders: Promise<void> | undefined;

function codecs(): Promise<void> {
  decoders ??= NativePixelDecoder.initializeAsync({
    webAssemblyModulePathOrUrl: path.join(path.dirname(createRequire(import.meta.url).resolve('dcmjs-imaging')), 'dcmjs-native-codecs.wasm'),
    logNativeDecodersMessages: false,
  });
  return decoders;
}

export type Thumbnail = { readonly png: Uint8Array; readonly width: number; readonly height: number } | { readonly problem: string };

/**
 * A file without the Part 10 wrapper (a bare data set) gets one, in memory only, so the renderer
 * can read it; the stored original is not touched.
 */
function withFileMeta(bytes: Uint8Array): Uint8Array {
  const encoding = dicomEncoding(bytes);
  if (encoding === 'part10' || encoding === null) return bytes;
  const read = readDicomHeader(bytes, bytes.length);
  if (!read.ok) return bytes;
  const h = read.header;
  const element = (group: number, el: number, vr: string, value: Uint8Array) => {
    const head = Buffer.alloc(vr === 'OB' ? 12 : 8);
    head.writeUInt16LE(group, 0);
    head.writeUInt16LE(el, 2);
    head.write(vr, 4, 'latin1');
    if (vr === 'OB') head.writeUInt32LE(value.length, 8);
    else head.writeUInt16LE(value.length, 6);
    return Buffer.concat([head, value]);
  };
  const uid = (value: string) => {
    const b = Buffer.from(value, 'latin1');
    return b.length % 2 ? Buffer.concat([b, Buffer.from([0])]) : b;
  };
  const body = Buffer.concat([
    element(0x0002, 0x0001, 'OB', Buffer.from([0, 1])),
    element(0x0002, 0x0002, 'UI', uid(h.sopClassUid ?? '1.2.840.10008.5.1.4.1.1.7')),
    element(0x0002, 0x0003, 'UI', uid(h.sopInstanceUid)),
    element(0x0002, 0x0010, 'UI', uid(h.transferSyntaxUid)),
  ]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length, 0);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM', 'latin1'), element(0x0002, 0x0000, 'UL', length), body, bytes]);
}

/** Draws the middle frame of a DICOM file as a PNG no larger than THUMBNAIL_SIDE, or says why not. */
export async function dicomThumbnail(file: OriginalRef, transferSyntaxUid: string | null): Promise<Thumbnail> {
  if (transferSyntaxUid && !isPreviewableTransferSyntax(transferSyntaxUid)) {
    return {
      problem: `Its images are encoded as ${transferSyntaxName(transferSyntaxUid)}, which Casebinder cannot preview. The files are kept exactly as they came, for the specialist's viewer.`,
    };
  }
  await codecs();
  const bytes = withFileMeta(new Uint8Array(await readOriginal(file)));
  try {
    const image = new DicomImage(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const frames = image.getNumberOfFrames();
    const rendered = image.render({ frame: Math.floor(Math.max(0, frames - 1) / 2) });
    const { data, info } = await sharp(Buffer.from(rendered.pixels), { raw: { width: rendered.width, height: rendered.height, channels: 4 } })
      .resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .png()
      .toBuffer({ resolveWithObject: true });
    return { png: new Uint8Array(data), width: info.width, height: info.height };
  } catch (error) {
    return {
      problem: `Casebinder could not draw this series' key image (${(error as Error).message}). The files are kept exactly as they came, for the specialist's viewer.`,
    };
  }
}
