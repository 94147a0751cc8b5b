/**
 * The most pixels a picture inside a PDF may have to be drawn, in the window and in the back end: a
 * 600-dpi scan of a tabloid page has 67 million. A 1 MB PDF can hold a 30,000 x 30,000 picture, 3.6 GB
 * once decoded; pdf.js leaves a picture past this out of the page it draws.
 */
export const MAX_PDF_IMAGE_PIXELS = 80_000_000;

/**
 * The most a deflated DICOM data set may unpack to. Deflate packs a run of zeros about 1,000 to 1, so a
 * 3 MB file could otherwise unpack to 3 GB in the process reading it (measured: 9 GB for the importer).
 * The deflated transfer syntax is used for reports, key object selections and small images, far below
 * this; a file past it is refused with the reason, so neither the importer nor the key-image drawing
 * (which unpacks the whole file again) ever holds more.
 */
export const MAX_INFLATED_BYTES = 128 * 1024 * 1024;
