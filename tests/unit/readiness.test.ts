import { describe, expect, it } from 'vitest';
import { studyReadiness } from '../../shared/readiness.ts';
import type { ReadinessInput, ReadinessSeries } from '../../shared/readiness.ts';

const CT_IMAGE = '1.2.840.10008.5.1.4.1.1.2';
const SECONDARY = '1.2.840.10008.5.1.4.1.1.7';
const SR = '1.2.840.10008.5.1.4.1.1.88.33';
const EXPLICIT = '1.2.840.10008.1.2.1';
const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
const J2K_LOSSLESS = '1.2.840.10008.1.2.4.90';

const series = (over: Partial<ReadinessSeries> = {}): ReadinessSeries => ({
  label: 'series 2 “Axial 1 mm”',
  modality: 'CT',
  sopClasses: [CT_IMAGE],
  imageTypes: ['ORIGINAL\\PRIMARY\\AXIAL'],
  lossyFlags: ['00'],
  transferSyntaxes: [EXPLICIT],
  thicknesses: [1],
  images: 300,
  ...over,
});
const study = (over: Partial<ReadinessInput> = {}): ReadinessInput => ({
  studyDate: '2026-09-01',
  accessionNumber: 'A123456',
  withDicomdir: { yes: 300, known: 300 },
  series: [series()],
  reports: [{ id: 7, title: 'CT Chest with contrast', how: 'accession number A123456' }],
  inStudy: [],
  ...over,
});
const byCheck = (input: ReadinessInput) => Object.fromEntries(studyReadiness(input).map((c) => [c.check, c]));

describe('radiology-ready checks', () => {
  it('passes a complete CT study: its disc index, images as acquired, no loss, thin slices, its report', () => {
    expect(studyReadiness(study()).map((c) => [c.check, c.status])).toEqual([
      ['dicomdir', 'ok'],
      ['acquired', 'ok'],
      ['lossy', 'ok'],
      ['thin-slices', 'ok'],
      ['report', 'ok'],
    ]);
    expect(byCheck(study())['report']!.message).toContain('“CT Chest with contrast” (accession number A123456)');
  });

  it('says when only secondary captures or screenshots came, or some of them', () => {
    const screenshots = series({ label: 'series 90 “Key images”', modality: 'OT', sopClasses: [SECONDARY], imageTypes: ['DERIVED\\SECONDARY'] });
    expect(byCheck(study({ series: [screenshots] }))['acquired']).toMatchObject({ status: 'missing', message: expect.stringContaining('not the images as acquired') });
    expect(byCheck(study({ series: [series(), screenshots] }))['acquired']).toMatchObject({ status: 'warning', message: expect.stringContaining('series 90 “Key images”') });
    // Derived by the scanner (a reformat) is still acquired data; SECONDARY is what marks a capture.
    expect(byCheck(study({ series: [series({ imageTypes: ['DERIVED\\PRIMARY\\MPR'] })] }))['acquired']!.status).toBe('ok');
  });

  it('says when lossy compression was applied, by the transfer syntax or the Lossy Image Compression flag', () => {
    expect(byCheck(study({ series: [series({ transferSyntaxes: [JPEG_BASELINE] })] }))['lossy']).toMatchObject({ status: 'warning', message: expect.stringContaining('JPEG baseline') });
    expect(byCheck(study({ series: [series({ transferSyntaxes: [J2K_LOSSLESS], lossyFlags: ['01'] })] }))['lossy']).toMatchObject({ status: 'warning', message: expect.stringContaining('compressed with loss before') });
    expect(byCheck(study({ series: [series({ transferSyntaxes: [J2K_LOSSLESS] })] }))['lossy']!.status).toBe('ok');
  });

  it('wants thin CT slices, and says so when only thick reconstructions or no thickness came', () => {
    expect(byCheck(study({ series: [series({ thicknesses: [5] }), series({ thicknesses: [3] })] }))['thin-slices']).toMatchObject({ status: 'warning', message: expect.stringContaining('thinnest 3 mm') });
    expect(byCheck(study({ series: [series({ thicknesses: [] })] }))['thin-slices']!.status).toBe('warning');
    expect(byCheck(study({ series: [series({ modality: 'MR', thicknesses: [5] })] }))['thin-slices']).toBeUndefined();
  });

  it('counts a report the study carries itself, and says when there is none', () => {
    expect(byCheck(study({ reports: [] }))['report']!.status).toBe('missing');
    expect(byCheck(study({ reports: [], inStudy: ['a structured report in series 99'] }))['report']).toMatchObject({ status: 'ok', message: expect.stringContaining('structured report') });
  });

  it('says when no disc index came, and a study of reports only has no images', () => {
    expect(byCheck(study({ withDicomdir: { yes: 0, known: 300 } }))['dicomdir']!.status).toBe('warning');
    expect(byCheck(study({ withDicomdir: { yes: 0, known: 0 } }))['dicomdir']).toBeUndefined();
    expect(byCheck(study({ series: [series({ modality: 'SR', sopClasses: [SR], images: 0 })] }))['acquired']!.status).toBe('missing');
  });
});
