/** Progress and outcome of reading scanned pages by OCR (a background job). */
export interface OcrProgress {
  readonly pagesDone: number;
  readonly pagesTotal: number;
  /** The page being read. */
  readonly document?: { readonly id: number; readonly title: string; readonly page: number };
}

export interface OcrResult {
  readonly pagesRead: number;
  /** Pages that could not be read (each keeps its reason). */
  readonly pagesFailed: number;
  /** Pages read with a confidence low enough that the text may be wrong. */
  readonly lowConfidence: number;
  /** Documents whose pages were read. */
  readonly documents: readonly number[];
  readonly languages: readonly string[];
  /** Stopped before every waiting page was read; the rest wait for the next run. */
  readonly cancelled: boolean;
}
