/**
 * Is a study what a second-opinion radiologist can read? Checked from what its files say (kept per
 * instance at import): a disc index came with it; the images are as acquired, not screenshots or
 * secondary captures; no lossy compression was applied before it reached the patient; a CT has thin
 * slices, not only thick reconstructions; the radiologist's report is in the library. Pure.
 */
import { notAnImage, transferSyntaxName } from './imaging.ts';
import type { ReadinessCheck } from './imaging.ts';
import type { IsoDate } from './dates.ts';

export interface ReadinessSeries {
  readonly label: string;
  readonly modality: string | null;
  readonly sopClasses: readonly string[];
  readonly imageTypes: readonly string[];
  /** Lossy Image Compression values its files give ('00', '01'). */
  readonly lossyFlags: readonly string[];
  readonly transferSyntaxes: readonly string[];
  /** Slice thicknesses its files give, in mm. */
  readonly thicknesses: readonly number[];
  readonly images: number;
}

export interface ReadinessInput {
  readonly studyDate: IsoDate | null;
  readonly accessionNumber: string | null;
  /** How many of its files came with a DICOMDIR at the top of their folder or disc, of how many known. */
  readonly withDicomdir: { readonly yes: number; readonly known: number };
  readonly series: readonly ReadinessSeries[];
  /** Imaging reports in the library that match the study, with how they were matched. */
  readonly reports: readonly { readonly id: number; readonly title: string; readonly how: string }[];
  /** Reports the study carries itself (a structured report, a PDF in DICOM), as "a structured report in series 3". */
  readonly inStudy: readonly string[];
}

const SECONDARY_CAPTURE = /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.7(\.|$)/;
/** Transfer syntaxes that lose detail: JPEG baseline/extended, JPEG-LS near-lossless, JPEG 2000 (lossy), HTJ2K, JPEG XL, video. */
const LOSSY_SYNTAXES = new Set(['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.81', '1.2.840.10008.1.2.4.91', '1.2.840.10008.1.2.4.203', '1.2.840.10008.1.2.4.112', '1.2.840.10008.1.2.4.100', '1.2.840.10008.1.2.4.101', '1.2.840.10008.1.2.4.102', '1.2.840.10008.1.2.4.103', '1.2.840.10008.1.2.4.104', '1.2.840.10008.1.2.4.105', '1.2.840.10008.1.2.4.106', '1.2.840.10008.1.2.4.107', '1.2.840.10008.1.2.4.108']);
/** A CT reconstruction counts as thin at this thickness or less. */
export const THIN_SLICE_MM = 1.5;

const list = (labels: readonly string[]) => (labels.length <= 3 ? labels.join(', ') : `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more`);

function secondary(series: ReadinessSeries): boolean {
  return series.sopClasses.some((c) => SECONDARY_CAPTURE.test(c)) || series.imageTypes.some((t) => /^DERIVED\\SECONDARY|\\SECONDARY(\\|$)/i.test(t) && !/^ORIGINAL/i.test(t));
}

export function studyReadiness(input: ReadinessInput): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [];
  const pictures = input.series.filter((s) => s.images > 0 && !s.sopClasses.every((c) => notAnImage(c) !== null));

  if (input.withDicomdir.known > 0) {
    const all = input.withDicomdir.yes === input.withDicomdir.known;
    checks.push(
      all
        ? { check: 'dicomdir', status: 'ok', message: 'The images came with their disc index (DICOMDIR), so the whole disc could be checked.' }
        : {
            check: 'dicomdir',
            status: 'warning',
            message:
              input.withDicomdir.yes === 0
                ? 'No disc index (DICOMDIR) came with these images, so nothing shows whether every file of the study is here. The bundle writes one for the specialist’s viewer; if the files were copied from a disc, import the whole disc.'
                : `Only ${input.withDicomdir.yes} of ${input.withDicomdir.known} files came with a disc index (DICOMDIR); the others were added from elsewhere.`,
          },
    );
  }

  if (pictures.length === 0) {
    checks.push({ check: 'acquired', status: 'missing', message: 'This study holds no images, only reports or other objects. Ask the imaging center for the images themselves.' });
  } else {
    const captured = pictures.filter(secondary);
    checks.push(
      captured.length === 0
        ? { check: 'acquired', status: 'ok', message: 'The images are as the scanner acquired them (not screenshots or secondary captures).' }
        : captured.length === pictures.length
          ? {
              check: 'acquired',
              status: 'missing',
              message: `Every series is a secondary capture or derived picture (${list(captured.map((s) => s.label))}): pictures of images, such as screenshots or key images, not the images as acquired. A radiologist needs the full study: ask the imaging center for the original images on a disc.`,
            }
          : {
              check: 'acquired',
              status: 'warning',
              message: `Some series are secondary captures or derived pictures (${list(captured.map((s) => s.label))}); the others are the images as acquired.`,
            },
    );
  }

  if (pictures.length > 0) {
    const lossy = pictures.filter((s) => s.lossyFlags.includes('01') || s.transferSyntaxes.some((t) => LOSSY_SYNTAXES.has(t)));
    const how = (s: ReadinessSeries) => {
      const syntax = s.transferSyntaxes.find((t) => LOSSY_SYNTAXES.has(t));
      return syntax ? `${s.label} (${transferSyntaxName(syntax)})` : `${s.label} (compressed with loss before it was stored this way)`;
    };
    checks.push(
      lossy.length === 0
        ? { check: 'lossy', status: 'ok', message: 'No lossy compression: the images hold every detail the scanner recorded.' }
        : {
            check: 'lossy',
            status: 'warning',
            message: `Compressed with loss of detail: ${list(lossy.map(how))}. Fine for looking; for a formal reading a radiologist may ask for the uncompressed images.`,
          },
    );
  }

  const ct = pictures.filter((s) => s.modality === 'CT' && !secondary(s));
  if (ct.length > 0) {
    const thicknesses = ct.flatMap((s) => s.thicknesses);
    const thinnest = thicknesses.length ? Math.min(...thicknesses) : null;
    checks.push(
      thinnest === null
        ? { check: 'thin-slices', status: 'warning', message: 'The CT files do not say their slice thickness, so it is not known whether thin slices are here.' }
        : thinnest <= THIN_SLICE_MM
          ? { check: 'thin-slices', status: 'ok', message: `Thin CT slices are here (${thinnest} mm), which a radiologist can reconstruct in any plane.` }
          : {
              check: 'thin-slices',
              status: 'warning',
              message: `Only thick CT reconstructions (thinnest ${thinnest} mm). A radiologist usually wants the thin slices (${THIN_SLICE_MM} mm or less): ask the imaging center for the thin-slice series.`,
            },
    );
  }

  const reports = [...input.reports.map((r) => `“${r.title}” (${r.how})`), ...input.inStudy];
  checks.push(
    reports.length
      ? { check: 'report', status: 'ok', message: `The radiologist’s report is in the library: ${reports.join('; ')}.` }
      : { check: 'report', status: 'missing', message: 'No radiologist’s report matching this study is in the library. Ask the imaging center for the report that goes with these images.' },
  );
  return checks;
}
