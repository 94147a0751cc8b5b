import { describe, expect, it } from 'vitest';
import { chooseDateOfService, suggestDateOfService } from '../../../electron/suggest/date-of-service.ts';
import { readLines } from '../../../electron/suggest/text.ts';
import type { DocumentType } from '../../../shared/document-types.ts';
import { fromStored, said, say } from '../../../shared/said.ts';

const date = (text: string, type: DocumentType | null = null, dateOfBirth: string | null = null) =>
  suggestDateOfService(readLines([text]), { type, dateOfBirth, reference: new Date('2026-01-01') });

describe('date of service', () => {
  it('takes the collection date of a lab, not its received or reported date', () => {
    expect(date('Reported: 01/11/2025 06:05\nReceived: 01/10/2025 13:40\nCollected: 01/10/2025 09:12', 'lab-report')).toBe('2025-01-10');
  });

  it('never takes a date of birth, whether labelled or equal to the patient\'s', () => {
    expect(date('DOB: 04/12/1958\nReport date: 02/07/2025')).toBe('2025-02-07');
    expect(date('SMITH, ANN 04/12/1958 F\nSigned 02/07/2025', null, '1958-04-12')).toBe('2025-02-07');
    expect(date('Date of Birth: 04/12/1958')).toBeNull();
  });

  it('ignores fax banners and print stamps', () => {
    expect(date('02/10/2025 14:22 FROM: Lakeshore Imaging 555-201-3300 TO: 555-884-1200 P.001/002\nExam Date: 02/06/2025')).toBe('2025-02-06');
    expect(date('Printed on 03/01/2025 10:42 AM\nOffice Visit')).toBeNull();
  });

  it('ignores the date of a comparison study', () => {
    expect(date('COMPARISON: Radiographs dated 11/14/2024.\nElectronically signed 02/07/2025')).toBe('2025-02-07');
  });

  it('reads dates under a table header by column', () => {
    expect(date('Date Received  Date Collected  Date Reported\n08/13/2024  08/12/2024  08/14/2024', 'lab-report')).toBe('2024-08-12');
  });

  it('prefers the visit a letter reports over the day it was written', () => {
    expect(date('March 3, 2025\nDear Dr. Brooks,\nDate of Visit: 02/27/2025', 'recommendation')).toBe('2025-02-27');
  });

  it('files correspondence under its own date, not the dates it talks about', () => {
    expect(date('Date: March 20, 2025\nDates of service: 04/15/2025 - 07/14/2025\nDear member,', 'correspondence')).toBe('2025-03-20');
    expect(date('November 1, 2024\nYour appointment on 11/20/2024 at 8:00 AM', 'correspondence')).toBe('2024-11-01');
  });

  it('prefers a letter\'s own labelled date over the service date it writes about', () => {
    expect(date('Letter date: 05/20/2025\nClaim: RH-1\nService date: 04/16/2025\nDear Member,', 'correspondence')).toBe('2025-05-20');
  });

  it('reads "evaluation of <date>" as the visit a letter reports', () => {
    expect(date('March 12, 2025\nRe: Luis Ortega - Heart Team evaluation of 03/10/2025', 'recommendation')).toBe('2025-03-10');
  });

  it('takes the visit a surgeon\'s letter reports, never the planned surgery or the follow-up', () => {
    const letter = [
      'May 9, 2025',
      'Re: Hannah Weiss, DOB 11/02/1984',
      'I saw Ms. Weiss in consultation on May 6, 2025 for symptomatic uterine fibroids.',
      'Surgery is tentatively scheduled for June 12, 2025 at Swedish First Hill.',
      'She will follow up with me on 05/20/2025 to sign the consent.',
    ].join('\n');
    expect(date(letter, 'recommendation')).toBe('2025-05-06');
    // A labelled surgery date in a letter written before it is the plan, not the care.
    expect(date('March 3, 2025\nDate of visit: 02/27/2025\nSurgery date: 04/15/2025\nPlan: L4-L5 fusion', 'recommendation')).toBe('2025-02-27');
    expect(date('March 3, 2025\nWe have booked her for a laminectomy on 04/15/2025.', 'recommendation')).toBe('2025-03-03');
    expect(date('Seen 01/10/2025. Return visit planned for 02/14/2025.', 'consult-note')).toBe('2025-01-10');
  });

  it('takes the procedure date of a pathology report and the exam date of an imaging report', () => {
    expect(date('Date Obtained: 01/08/2025\nDate Received: 01/09/2025\nDate Reported: 01/13/2025', 'pathology-report')).toBe('2025-01-08');
    expect(date('Procedure Date: 01/08/2025   Accession: S25-114\nSigned out: 01/13/2025', 'pathology-report')).toBe('2025-01-08');
    expect(date('Dictated: 02/07/2025 16:20\nExam: MRI LUMBAR SPINE\nDate of Exam: 02/06/2025\nSigned: 02/08/2025', 'imaging-report')).toBe('2025-02-06');
  });

  it('says which date it chose and why, and which it did not', () => {
    const choice = chooseDateOfService(readLines(['May 9, 2025\nI saw her in consultation on May 6, 2025.\nSurgery is scheduled for June 12, 2025.']), {
      type: 'recommendation',
      reference: new Date('2026-01-01'),
    });
    expect(choice.date).toBe('2025-05-06');
    expect(say(choice.reason!)).toMatch(/^6 May 2025 \(“.*consultation on”\) is when the care happened; not 9 May 2025 \(the date the document is written on\), 12 Jun 2025 \(a plan for later\)\.$/);
    // The window says it in its language, dates as the language writes them; the label stays as printed.
    expect(say(choice.reason!, 'es')).toMatch(/^6 may 2025 \(«.*consultation on»\) es cuando se prestó la atención; no 9 may 2025 \(la fecha en que se redactó el documento\) y 12 jun 2025 \(algo previsto para más adelante\)\.$/);
    expect(say(choice.reason!, 'ar')).toMatch(/هو وقت تقديم الرعاية؛ وليس .*تاريخ كتابة المستند.*موعد مخطط لاحقًا/);
    expect(say(choice.reason!, 'ar')).not.toMatch(/care happened|written on|plan for later/);
  });

  it('keeps a reason a library stored as an English sentence before, and says it as it was written', () => {
    expect(say(fromStored('6 May 2025 is when the care happened.'), 'es')).toBe('6 May 2025 is when the care happened.');
    expect(say(fromStored(JSON.stringify(said('date-insurance'))), 'es')).toBe('Una tarjeta del seguro no registra atención médica: sus fechas son de cobertura.');
    expect(say(fromStored('{"key":"no-such-message"}'))).toBe('{"key":"no-such-message"}');
  });

  it('gives an insurance card no date of service: its dates are coverage dates', () => {
    expect(date('Medicare Health Insurance\nEntitled to HOSPITAL (PART A) 07-01-2016', 'insurance-id')).toBeNull();
  });

  it('takes the discharge date of a discharge summary', () => {
    expect(date('Admission Date: 10/01/2024  Discharge Date: 10/05/2024', 'discharge-summary')).toBe('2024-10-05');
  });

  it('understands the usual ways dates are written', () => {
    expect(date('Exam date: 14-Mar-2024')).toBe('2024-03-14');
    expect(date('Study date: 2024-03-14')).toBe('2024-03-14');
    expect(date('Date of procedure: March 14, 2024')).toBe('2024-03-14');
    expect(date('Seen: 14 March 2024')).toBe('2024-03-14');
    expect(date('Collected: 03/14/24')).toBe('2024-03-14');
  });

  it('suggests nothing when the text has no date', () => {
    expect(date('Member ID: XOF123456789\nGroup No: 0045512')).toBeNull();
  });
});
