/**
 * One page of a document made from photos: the photo upright (EXIF orientation), turned as the person
 * chose, cropped to the part they kept, as JPEG. Runs in a worker thread.
 */
import sharp from 'sharp';
import type { Crop, QuarterTurn } from '../../shared/compose-types.ts';
import type { ImageMediaType } from './detect.ts';
import { uprightPage } from './pictures.ts';
import type { OriginalRef } from '../library/sealed.ts';

/** 300 dpi across a letter-size page: as sharp as any phone photo of a page needs. */
const MAX_SIDE = 3300;

export interface PagePicture {
  readonly jpeg: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export async function pagePicture(file: OriginalRef, mediaType: ImageMediaType, page: number, rotation: QuarterTurn, crop: Crop | null): Promise<PagePicture> {
  // Turned first and measured, so the crop's fractions are of the picture as the person saw it.
  const turned = await (await uprightPage(file, mediaType, page)).rotate(rotation).raw().toBuffer({ resolveWithObject: true });
  const { width: w, height: h, channels } = turned.info;
  let picture = sharp(turned.data, { raw: { width: w, height: h, channels } });
  if (crop) {
    const left = Math.min(w - 1, Math.round(crop.left * w));
    const top = Math.min(h - 1, Math.round(crop.top * h));
    picture = picture.extract({
      left,
      top,
      width: Math.max(1, Math.min(w - left, Math.round(crop.width * w))),
      height: Math.max(1, Math.min(h - top, Math.round(crop.height * h))),
    });
  }
  const { data, info } = await picture
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 90, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: new Uint8Array(data), width: info.width, height: info.height };
}
