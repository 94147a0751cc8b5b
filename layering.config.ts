/**
 * The house's layer tables: which folder of the back end may import which, and where each npm package
 * may run. eslint.config.js enforces them (rule `local/layering`); tests/unit/layering.test.ts proves
 * the rule catches what it should and draws the import graph to find circles. README.md, "Where things
 * live", says what each folder is for.
 */

/**
 * The floors of electron/, top to bottom. A folder imports only folders on floors below its own (and
 * shared/); folders on one floor stay apart. main.ts and preload.ts live on the desktop floor.
 */
export const BACK_END_FLOORS: readonly (readonly string[])[] = [
  // Electron's window, menus, dialogs and IPC wiring (with electron/main.ts and electron/preload.ts).
  ['desktop'],
  // The two front doors: the app's IPC handlers and the command line.
  ['app', 'cli'],
  // Long work a person starts: importing, exporting a case, OCR, making a document from photos.
  ['import', 'export', 'ocr', 'compose'],
  // The worker threads that run the readers off the main thread.
  ['workers'],
  // Reading facts out of documents: structured records and PDF lists; suggested type, date, people;
  // and what a redaction finds on a page and draws again.
  ['records', 'suggest', 'redact'],
  // Lab results: the test table, units, and the reader of lab report tables.
  ['labs'],
  // Readers of files both the main thread and workers use: PDF text, pictures of pages, OCR, images.
  ['media'],
  // DICOM: headers, fragments, DICOMDIRs, thumbnails, reports inside DICOM files.
  ['dicom'],
  // The library: the database (all of its SQL) and the vault of originals.
  ['library'],
  // The job model (progress, cancel, one result) every long piece of work uses.
  ['jobs'],
  // Declarations for packages that ship no types.
  ['types'],
];

/** The files at electron/'s top, and the floor they live on. */
export const BACK_END_TOP_FILES: Readonly<Record<string, string>> = { 'main.ts': 'desktop', 'preload.ts': 'desktop' };

/** Only these folders may touch the database driver and the library's SQL helpers. */
export const SQL_OWNER = 'electron/library/';
export const SQL_MODULES: readonly string[] = ['better-sqlite3-multiple-ciphers'];
export const SQL_FILES: readonly string[] = ['electron/library/sql.ts', 'electron/library/database.ts'];

export type Place = 'node' | 'dom' | 'either';

/**
 * Where each npm package (or a part of one, by its import path's beginning) may run. The longest
 * matching beginning decides. Node-only packages are native addons or need Node's own modules; DOM-only
 * ones need a browser window (or are the user interface, which the back end never draws); the rest run
 * anywhere. `electron` has its own rule: only the desktop floor and preload.ts import it.
 */
export const PACKAGE_PLACES: Readonly<Record<string, Place>> = {
  // Native addons and Node's streams, worker threads and files.
  'better-sqlite3-multiple-ciphers': 'node',
  sharp: 'node',
  '@napi-rs/canvas': 'node',
  piscina: 'node',
  yauzl: 'node',
  // The Node build of Tesseract (its workers are Node worker threads; models are read by path).
  'tesseract.js': 'node',
  '@tesseract.js-data/': 'node',
  // The user interface and the window's own storage.
  react: 'dom',
  'react-dom': 'dom',
  '@tanstack/react-virtual': 'dom',
  dexie: 'dom',
  // The scan viewer (WebGL, web workers, the DOM).
  '@cornerstonejs/core': 'dom',
  '@cornerstonejs/tools': 'dom',
  '@cornerstonejs/dicom-image-loader': 'dom',
  '@cornerstonejs/metadata': 'dom',
  '@cornerstonejs/utils': 'dom',
  // Node's EventEmitter for the browser: a module vtk.js pulls in (through xmlbuilder2) extends it.
  events: 'dom',
  // pdf.js: its viewer parts and its browser worker need a window; its core runs anywhere.
  'pdfjs-dist/web/': 'dom',
  'pdfjs-dist/build/': 'dom',
  'pdfjs-dist': 'either',
  // Plain JavaScript (or WebAssembly) that runs anywhere.
  zod: 'either',
  'chrono-node': 'either',
  franc: 'either',
  'trigram-utils': 'either',
  'intl-messageformat': 'either',
  '@cantoo/pdf-lib': 'either',
  'dicom-parser': 'either',
  'dicom-character-set': 'either',
  'dcmjs-imaging': 'either',
  dcmjs: 'either',
  'fast-xml-parser': 'either',
  'image-size': 'either',
  'heic-decode': 'either',
  fontkit: 'either',
  'file-type': 'either',
  '@zip.js/zip.js': 'either',
  '@medplum/ccda': 'either',
  '@lhncbc/ucum-lhc': 'either',
  '@fontsource/': 'either',
};

/** Which places a part of the code may use. */
export const ALLOWED_PLACES: Readonly<Record<'shared' | 'renderer' | 'electron', readonly Place[]>> = {
  shared: ['either'],
  renderer: ['dom', 'either'],
  electron: ['node', 'either'],
};

/** The place of a bare import path ("react-dom/client", "pdfjs-dist/web/pdf_viewer.mjs"), or undefined. */
export function placeOf(source: string): Place | undefined {
  let best: string | undefined;
  for (const key of Object.keys(PACKAGE_PLACES)) {
    const matches = key.endsWith('/') ? source.startsWith(key) : source === key || source.startsWith(`${key}/`);
    if (matches && (!best || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : PACKAGE_PLACES[best];
}

/** The floor (0: the top) of a file under electron/, given its path from the repo's root. */
export function floorOf(file: string): { floor: number; folder: string } | undefined {
  const parts = file.split('/');
  if (parts[0] !== 'electron' || parts.length < 2) return undefined;
  const folder = parts.length === 2 ? BACK_END_TOP_FILES[parts[1]!] : parts[1]!;
  if (folder === undefined) return undefined;
  const floor = BACK_END_FLOORS.findIndex((f) => f.includes(folder));
  return floor < 0 ? undefined : { floor, folder };
}
