/**
 * The most pixels a picture inside a PDF may have to be drawn, in the window and in the back end: a
 * 600-dpi scan of a tabloid page has 67 million. A 1 MB PDF can hold a 30,000 x 30,000 picture, 3.6 GB
 * once decoded; pdf.js leaves a picture past this out of the page it draws.
 */
export const MAX_PDF_IMAGE_PIXELS = 80_000_000;
