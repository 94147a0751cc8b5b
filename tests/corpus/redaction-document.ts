/**
 * A consultation note holding identifiers a patient would not send, drawn by pdfkit (not Casebinder's
 * PDF writer) with much of what a PDF can hide them in besides its page: document information, a note annotation, a filled form field, an attached file, and a picture. Page 2 is turned
 * a quarter (/Rotate 90) and set in Times, so a search is placed right on a turned page too.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';

export const REDACTION_DOC = {
  ssn: '512-44-7381',
  memberId: 'XQZ482913377',
  groupNumber: '77120',
  relativePhone: '(727) 555-0199',
  relativeAddress: '18 Palm Tree Lane',
  clinicPhone: '(813) 555-0142',
  clinicAddress: '400 Harbor Blvd',
  word: 'depression',
  formValue: 'FORMSECRET 4471',
  /** Where the picture is on page 1, as fractions of the page (the box a person would draw over it). */
  pictureBox: { x: 400 / 612, y: 430 / 792, width: 120 / 612, height: 80 / 792 },
  pictureSize: { width: 120, height: 80 },
  /** Only in what a PDF hides: its document information, a note annotation and an attached file. */
  hidden: ['METASECRET', 'ANNOTATIONSECRET', 'ATTACHMENTSECRET'],
} as const;

export async function writeRedactionDocument(file: string): Promise<void> {
  const d = REDACTION_DOC;
  const picture = await sharp({ create: { width: d.pictureSize.width, height: d.pictureSize.height, channels: 3, background: '#3366cc' } })
    .composite([{ input: Buffer.from(`<svg width="120" height="80"><circle cx="60" cy="40" r="30" fill="#ffcc00"/></svg>`) }])
    .png()
    .toBuffer();
  const doc = new PDFDocument({ size: 'LETTER', margin: 54, info: { Title: 'METASECRET title', Author: 'METASECRET author', Keywords: 'METASECRET' }, autoFirstPage: true });
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.pipe(out);
  doc.font('Helvetica-Bold').fontSize(14).text('Riverside Oncology Clinic', 54, 54);
  doc.font('Helvetica').fontSize(10).text(`${d.clinicAddress}, Tampa, FL 33602`).text(`Phone ${d.clinicPhone}`);
  doc.moveDown(1.5).font('Helvetica-Bold').fontSize(13).text('Consultation Note');
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  doc.text('Patient: Carlos Mendez      DOB: 03/14/1961      Date of visit: 09/02/2026');
  doc.text(`SSN: ${d.ssn}`);
  doc.text(`Member ID: ${d.memberId}      Group #: ${d.groupNumber}`);
  doc.text(`Emergency contact: Maria Mendez, ${d.relativePhone}, ${d.relativeAddress}`);
  doc.moveDown();
  doc.text(
    `Mr. Mendez is seen for a second opinion on a right upper lobe lung nodule. He has a history of ${d.word}, treated since 2019 and stable. ` +
      `CT chest on 08/12/2026 showed a 14 mm spiculated nodule. Recommendation from his surgeon: lobectomy. His ${d.word} is not a reason to delay surgery.`,
    { width: 300 },
  );
  doc.image(picture, 400, 430, { width: 120, height: 80 });
  doc.note(54, 600, 40, 20, 'ANNOTATIONSECRET note');
  doc.file(Buffer.from('ATTACHMENTSECRET contents'), { name: 'attached.txt', description: 'ATTACHMENTSECRET' });
  doc.initForm();
  doc.font('Helvetica').text('Pharmacy code:', 54, 650);
  doc.formText('code', 140, 646, 160, 18, { value: d.formValue });
  // Page 2: turned a quarter, in Times.
  doc.addPage();
  (doc.page.dictionary.data as Record<string, unknown>).Rotate = 90;
  doc.font('Times-Roman').fontSize(11).text(`Addendum. Social Security number on file: ${d.ssn}. Mood: ${d.word} in remission.`, 54, 72, { width: 480 });
  doc.end();
  await done;
}
