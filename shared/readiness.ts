/**
 * Is a study what a second-opinion radiologist can read? Checked from what its files say (kept per
 * instance at import): a disc index came with it; the images are as acquired, not screenshots or
 * secondary captures; no lossy compression was applied before it reached the patient; a CT has thin
 * slices, not only thick reconstructions; the radiologist's report is in the library. Pure.
 */
import { notAnImage, transferSyntaxName } from './imaging.ts';
import type { ReadinessCheck } from './imaging.ts';
import type { IsoDate } from './dates.ts';
import { said, say } from './said.ts';
import type { Said } from './said.ts';

export interface ReadinessSeries {
  /** "series 3 “AX T2”", as said. */
  readonly label: Said;
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
  readonly reports: readonly { readonly id: number; readonly title: string; readonly how: Said }[];
  /** Reports the study carries itself (a structured report, a PDF in DICOM), as "a structured report in series 3". */
  readonly inStudy: readonly Said[];
}

const SECONDARY_CAPTURE = /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.7(\.|$)/;
/** Transfer syntaxes that lose detail: JPEG baseline/extended, JPEG-LS near-lossless, JPEG 2000 (lossy), HTJ2K, JPEG XL, video. */
const LOSSY_SYNTAXES = new Set(['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.81', '1.2.840.10008.1.2.4.91', '1.2.840.10008.1.2.4.203', '1.2.840.10008.1.2.4.112', '1.2.840.10008.1.2.4.100', '1.2.840.10008.1.2.4.101', '1.2.840.10008.1.2.4.102', '1.2.840.10008.1.2.4.103', '1.2.840.10008.1.2.4.104', '1.2.840.10008.1.2.4.105', '1.2.840.10008.1.2.4.106', '1.2.840.10008.1.2.4.107', '1.2.840.10008.1.2.4.108']);
/** A CT reconstruction counts as thin at this thickness or less. */
export const THIN_SLICE_MM = 1.5;

/** Up to three series named, then how many more. */
const some = (labels: readonly Said[]): Said => said('some-of', { items: { list: labels.slice(0, 3), joined: ', ' }, more: Math.max(0, labels.length - 3) });

/** A check, in English (the command line's) and as said (for the window's language). */
function checked(check: ReadinessCheck['check'], status: ReadinessCheck['status'], words: Said): ReadinessCheck {
  return { check, status, message: say(words), words };
}

function secondary(series: ReadinessSeries): boolean {
  return series.sopClasses.some((c) => SECONDARY_CAPTURE.test(c)) || series.imageTypes.some((t) => /^DERIVED\\SECONDARY|\\SECONDARY(\\|$)/i.test(t) && !/^ORIGINAL/i.test(t));
}

export function studyReadiness(input: ReadinessInput): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [];
  const pictures = input.series.filter((s) => s.images > 0 && !s.sopClasses.every((c) => notAnImage(c) !== null));

  if (input.withDicomdir.known > 0) {
    const { yes, known } = input.withDicomdir;
    checks.push(
      yes === known
        ? checked('dicomdir', 'ok', said('ready-dicomdir'))
        : checked('dicomdir', 'warning', yes === 0 ? said('ready-no-dicomdir') : said('ready-some-dicomdir', { yes, known })),
    );
  }

  if (pictures.length === 0) {
    checks.push(checked('acquired', 'missing', said('ready-no-images')));
  } else {
    const captured = pictures.filter(secondary);
    checks.push(
      captured.length === 0
        ? checked('acquired', 'ok', said('ready-acquired'))
        : captured.length === pictures.length
          ? checked('acquired', 'missing', said('ready-all-captured', { series: some(captured.map((s) => s.label)) }))
          : checked('acquired', 'warning', said('ready-some-captured', { series: some(captured.map((s) => s.label)) })),
    );
  }

  if (pictures.length > 0) {
    const lossy = pictures.filter((s) => s.lossyFlags.includes('01') || s.transferSyntaxes.some((t) => LOSSY_SYNTAXES.has(t)));
    const how = (s: ReadinessSeries): Said => {
      const syntax = s.transferSyntaxes.find((t) => LOSSY_SYNTAXES.has(t));
      return syntax ? said('series-lossy-syntax', { series: s.label, syntax: transferSyntaxName(syntax) }) : said('series-lossy-flag', { series: s.label });
    };
    checks.push(lossy.length === 0 ? checked('lossy', 'ok', said('ready-lossless')) : checked('lossy', 'warning', said('ready-lossy', { series: some(lossy.map(how)) })));
  }

  const ct = pictures.filter((s) => s.modality === 'CT' && !secondary(s));
  if (ct.length > 0) {
    const thicknesses = ct.flatMap((s) => s.thicknesses);
    const thinnest = thicknesses.length ? Math.min(...thicknesses) : null;
    checks.push(
      thinnest === null
        ? checked('thin-slices', 'warning', said('ready-thickness-unknown'))
        : thinnest <= THIN_SLICE_MM
          ? checked('thin-slices', 'ok', said('ready-thin', { mm: thinnest }))
          : checked('thin-slices', 'warning', said('ready-thick', { mm: thinnest, thin: THIN_SLICE_MM })),
    );
  }

  const reports = [...input.reports.map((r) => said('report-found', { title: r.title, how: r.how })), ...input.inStudy];
  checks.push(reports.length ? checked('report', 'ok', said('ready-report', { reports: { list: reports, joined: '; ' } })) : checked('report', 'missing', said('ready-no-report')));
  return checks;
}
