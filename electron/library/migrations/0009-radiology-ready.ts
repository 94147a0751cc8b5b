import type { Migration } from './migration.ts';

/**
 * Whether a study is what a radiologist can read, per instance (read from its header at import, or
 * once after this upgrade by the back end's resume, `details_read`):
 * - `image_type`: Image Type (0008,0008), e.g. ORIGINAL\PRIMARY\AXIAL or DERIVED\SECONDARY;
 * - `lossy`: Lossy Image Compression (0028,2110), '00' or '01' as the file says;
 * - `slice_thickness`: Slice Thickness (0018,0050) in mm;
 * - `with_dicomdir`: the file came from a folder or disc with a DICOMDIR at its top.
 * Key images drawn smaller than 256 px are made again, at the new size.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'radiology-ready details and larger key images',
  up(db) {
    db.exec(`
      ALTER TABLE instances ADD COLUMN image_type TEXT;
      ALTER TABLE instances ADD COLUMN lossy TEXT;
      ALTER TABLE instances ADD COLUMN slice_thickness REAL;
      ALTER TABLE instances ADD COLUMN with_dicomdir INTEGER;
      ALTER TABLE instances ADD COLUMN details_read INTEGER NOT NULL DEFAULT 0;
      UPDATE series SET thumbnail = NULL, thumbnail_width = NULL, thumbnail_height = NULL
        WHERE thumbnail IS NOT NULL AND max(coalesce(thumbnail_width, 0), coalesce(thumbnail_height, 0)) < 256;
    `);
  },
};
