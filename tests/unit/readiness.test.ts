import { describe, expect, it } from 'vitest';
import { studyReadiness } from '../../shared/readiness.ts';
import type { ReadinessInput, ReadinessSeries } from '../../shared/readiness.ts';
import { said, say } from '../../shared/said.ts';

const CT_IMAGE = '1.2.840.10008.5.1.4.1.1.2';
const SECONDARY = '1.2.840.10008.5.1.4.1.1.7';
const SR = '1.2.840.10008.5.1.4.1.1.88.33';
const EXPLICIT = '1.2.840.10008.1.2.1';
const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
const J2K_LOSSLESS = '1.2.840.10008.1.2.4.90';

const series = (over: Partial<ReadinessSeries> = {}): ReadinessSeries => ({
  label: said('series-label', { number: '2', described: 'yes', description: 'Axial 1 mm' }),
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
  reports: [{ id: 7, title: 'CT Chest with contrast', how: said('how-accession', { number: 'A123456' }) }],
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
    const screenshots = series({ label: said('series-label', { number: '90', described: 'yes', description: 'Key images' }), modality: 'OT', sopClasses: [SECONDARY], imageTypes: ['DERIVED\\SECONDARY'] });
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
    expect(byCheck(study({ reports: [], inStudy: [said('in-study-sr', { series: said('series-label', { number: '99', described: 'no', description: '' }) })] }))['report']).toMatchObject({ status: 'ok', message: expect.stringContaining('structured report') });
  });

  it('says each check in Spanish and Arabic too, the series and reports named in the language', () => {
    const input = study({ series: [series({ thicknesses: [5], transferSyntaxes: [JPEG_BASELINE] }), series({ label: said('series-label', { number: '3', described: 'no', description: '' }), thicknesses: [2.5] })], withDicomdir: { yes: 12, known: 300 } });
    const checks = studyReadiness(input);
    // English words are the message the command line prints.
    for (const c of checks) expect(say(c.words)).toBe(c.message);
    const es = Object.fromEntries(checks.map((c) => [c.check, say(c.words, 'es')]));
    expect(es).toEqual({
      dicomdir: 'Solo 12 de 300 archivos llegaron con un índice de disco (DICOMDIR); los demás se añadieron desde otro lugar.',
      acquired: 'Las imágenes están tal como las adquirió el equipo (no son capturas de pantalla ni capturas secundarias).',
      lossy: 'Comprimidas con pérdida de detalle: serie 2 «Axial 1 mm» (JPEG baseline). Sirven para mirarlas; para una lectura formal, un radiólogo puede pedir las imágenes sin comprimir.',
      'thin-slices': 'Solo hay reconstrucciones gruesas de TC (la más fina de 2,5 mm). Un radiólogo suele querer los cortes finos (1,5 mm o menos): pida al centro de imagen la serie de cortes finos.',
      report: 'El informe del radiólogo está en la biblioteca: «CT Chest with contrast» (número de acceso A123456).',
    });
    // In Arabic, what the records wrote is isolated (FSI…PDI) so it keeps its left-to-right order.
    expect(say(checks.find((c) => c.check === 'report')!.words, 'ar')).toBe('تقرير طبيب الأشعة في المكتبة: «\u2068CT Chest with contrast\u2069» (رقم الإدخال \u2068A123456\u2069).');
    // Four series or more: three named, then how many more.
    const many = study({ series: [1, 2, 3, 4, 5].map((n) => series({ label: said('series-label', { number: String(n), described: 'no', description: '' }), transferSyntaxes: [JPEG_BASELINE] })) });
    const lossy = studyReadiness(many).find((c) => c.check === 'lossy')!;
    expect(lossy.message).toContain('series 1 (JPEG baseline), series 2 (JPEG baseline), series 3 (JPEG baseline) and 2 more.');
    expect(say(lossy.words, 'es')).toContain('serie 1 (JPEG baseline), serie 2 (JPEG baseline), serie 3 (JPEG baseline) y 2 más.');
  });

  it('says when no disc index came, and a study of reports only has no images', () => {
    expect(byCheck(study({ withDicomdir: { yes: 0, known: 300 } }))['dicomdir']!.status).toBe('warning');
    expect(byCheck(study({ withDicomdir: { yes: 0, known: 0 } }))['dicomdir']).toBeUndefined();
    expect(byCheck(study({ series: [series({ modality: 'SR', sopClasses: [SR], images: 0 })] }))['acquired']!.status).toBe('missing');
  });
});
