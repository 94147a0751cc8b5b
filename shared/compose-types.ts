/** Several photos of one paper document, made into one multi-page document. */
export type QuarterTurn = 0 | 90 | 180 | 270;

/** The part of a picture kept, as fractions (0 to 1) of the upright, turned picture. */
export interface Crop {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface ComposePage {
  /** A photo or scan in the library, and which of its pages (1 for a photo). */
  readonly documentId: number;
  readonly page: number;
  /** Turned clockwise, after its own EXIF orientation is applied. */
  readonly rotation: QuarterTurn;
  readonly crop?: Crop | null;
}

export interface ComposeRequest {
  readonly title: string;
  /** In the order the new document's pages go. */
  readonly pages: readonly ComposePage[];
}
