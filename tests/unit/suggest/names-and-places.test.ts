import { describe, expect, it } from 'vitest';
import { normaliseName, suggestClinician } from '../../../electron/suggest/clinician.ts';
import { suggestType } from '../../../electron/suggest/document-type.ts';
import { suggestFacility } from '../../../electron/suggest/facility.ts';
import { readLines, tidyCase } from '../../../electron/suggest/text.ts';

describe('clinician names', () => {
  it('writes names as "First Last, credential"', () => {
    expect(normaliseName('PATEL, KEVIN MD')).toBe('Kevin Patel, MD');
    expect(normaliseName('BROOKS, ALAN  Status: Final')).toBe('Alan Brooks');
    expect(normaliseName('Helen Morales, MD, Pathologist on 01/13/2025')).toBe('Helen Morales, MD');
    expect(normaliseName('Dr. Hannah Feld')).toBe('Hannah Feld');
    expect(normaliseName('Jenna Morales, PT, DPT')).toBe('Jenna Morales, PT, DPT');
    expect(normaliseName('Final')).toBeNull();
  });

  it('picks the reader of a report, the orderer of a lab, and the signer of a letter', () => {
    const report = readLines(['Referring Physician: Alan Brooks, MD\nElectronically signed by: Priya Nair, MD on 02/07/2025']);
    expect(suggestClinician(report, 'imaging-report')).toBe('Priya Nair, MD');
    const lab = readLines(['Ordering Physician: BROOKS, ALAN  Status: Final\nLaboratory Director: Jon Nakamoto, MD']);
    expect(suggestClinician(lab, 'lab-report')).toBe('Alan Brooks');
    const letter = readLines(['Requesting Provider: Daniel Whitaker, MD\nDear member,\nSincerely,\nUtilization Management']);
    expect(suggestClinician(letter, 'correspondence')).toBeNull();
    const consult = readLines(['Requesting physician: Javier Castillo, MD\nSurgeon: Elena Varga, MD']);
    expect(suggestClinician(consult, 'recommendation')).toBe('Elena Varga, MD');
  });

  it('takes the signer of a letter, not the colleague it is addressed to', () => {
    const letter = readLines(['May 9, 2025\nNora Fitzgerald, MD\nCascade Gynecology Partners\nDear Dr. Fitzgerald,\nI recommend a hysterectomy.\nWarm regards,\nPriyanka Iyer, MD']);
    expect(suggestClinician(letter, 'recommendation')).toBe('Priyanka Iyer, MD');
    const unsigned = readLines(['Nora Fitzgerald, MD\nDear Dr. Fitzgerald,\nText.\nPriyanka Iyer, MD']);
    expect(suggestClinician(unsigned, 'consult-note')).toBe('Priyanka Iyer, MD');
  });
});

describe('facility', () => {
  it('reads the letterhead, skipping address, phone and department lines', () => {
    expect(suggestFacility(readLines(['Department of Radiology\nMercy General Hospital\n1500 W. Polk Street, Chicago, IL 60612\nPatient: X']))).toBe('Mercy General Hospital');
    expect(suggestFacility(readLines(["ST. LUKE'S MEDICAL CENTER\nDEPARTMENT OF DIAGNOSTIC IMAGING\nPATIENT: CHEN, ROBERT"]))).toBe("St. Luke's Medical Center");
    expect(suggestFacility(readLines(['LabCorp\nLaboratory Corporation of America Holdings\nPatient: X']))).toBe('LabCorp');
  });

  it('ignores fax banners when finding the letterhead', () => {
    expect(suggestFacility(readLines(['Jan 31 2025 09:02AM FROM: Records Fax 4155550198 page 1\nWestside Radiology\nPatient: X']))).toBe('Westside Radiology');
  });

  it('does not take a page heading for a letterhead, and finds an organisation named near the top', () => {
    expect(suggestFacility(readLines(['My Medications\nName: Hannah Weiss\nLast reviewed: 04/24/2025 by Cascade Gynecology Partners']))).toBe('Cascade Gynecology Partners');
  });

  it('knows a Spanish title from a Spanish facility: no title suggested as the facility, the clinic found', () => {
    // The letter the languages journey imports: its title, then its sentences; nothing names a facility.
    expect(suggestFacility(readLines(['Informe de consulta\nEl paciente acude a consulta por dolor lumbar.']))).toBeNull();
    expect(suggestFacility(readLines(['Resumen de alta\nClínica San Rafael\nCalle Mayor 12, Madrid\nPaciente: X']))).toBe('Clínica San Rafael');
    expect(suggestFacility(readLines(['CENTRO MÉDICO SAN JORGE\nSERVICIO DE RADIOLOGÍA\nPaciente: X']))).toBe('Centro Médico San Jorge');
  });

  it('falls back to a labelled performing lab', () => {
    expect(suggestFacility(readLines(['COMPREHENSIVE METABOLIC PANEL\nPatient: X\nPerforming Lab: Sunrise Clinical Laboratory, 12 Main St']))).toBe('Sunrise Clinical Laboratory');
  });

  it('tidies all-capital names without breaking acronyms', () => {
    expect(tidyCase('MERCY GENERAL HOSPITAL LABORATORY')).toBe('Mercy General Hospital Laboratory');
    expect(tidyCase('MRI LUMBAR SPINE WITHOUT CONTRAST')).toBe('MRI Lumbar Spine without Contrast');
    expect(tidyCase('Bay Area Urology Group')).toBe('Bay Area Urology Group');
  });
});

describe('document type', () => {
  const type = (text: string) => suggestType(readLines([text])).best;

  it('names a report by its title', () => {
    expect(type('Lakeshore Imaging Center\nMRI LUMBAR SPINE WITHOUT CONTRAST\nFINDINGS: ...\nIMPRESSION: ...')).toBe('imaging-report');
    expect(type('SURGICAL PATHOLOGY REPORT\nFINAL DIAGNOSIS\nGROSS DESCRIPTION')).toBe('pathology-report');
    expect(type('DISCHARGE SUMMARY\nHospital Course\nDischarge Medications')).toBe('discharge-summary');
    expect(type('TRANSTHORACIC ECHOCARDIOGRAM REPORT\nLVEF 45%')).toBe('cardiac-test');
    expect(type('OPERATIVE REPORT\nPREOPERATIVE DIAGNOSIS: x\nPOSTOPERATIVE DIAGNOSIS: x\nESTIMATED BLOOD LOSS: 5 mL')).toBe('operative-note');
  });

  it('tells a surgeon\'s recommendation from an ordinary consult note', () => {
    const consult = 'UROLOGY CONSULTATION\nHISTORY OF PRESENT ILLNESS\nASSESSMENT\nPLAN';
    expect(type(`${consult}\nContinue active surveillance with PSA in 6 months.`)).toBe('consult-note');
    expect(type(`${consult}\nI recommend robotic-assisted radical prostatectomy. We discussed the risks, benefits and alternatives.`)).toBe('recommendation');
  });

  it('is not fooled by a catheterization report that recommends surgery', () => {
    expect(type('CARDIAC CATHETERIZATION REPORT\nCORONARY ANGIOGRAPHY: LAD 80%\nRECOMMENDATION: Cardiothoracic surgery consultation for coronary artery bypass grafting.')).toBe('cardiac-test');
  });

  it('does not take a phrase in a letter\'s first paragraph for its title', () => {
    expect(type('Mercy General Hospital\nPatient Access Services\nDate: November 1, 2024\nDear Mrs. Ramírez,\nPlease bring your insurance card, a photo ID and a list of your current medications to the appointment.\nSincerely,')).toBe('correspondence');
  });

  it('knows a portal medication list and a Medicare card by their headings', () => {
    expect(type('My Medications\nName: Hannah Weiss\nferrous sulfate 325 mg tablet')).toBe('medication-list');
    expect(type('Medicare Health Insurance\nName: LUIS ORTEGA\nMedicare Number: 1EG4-TE5-MK72\nEntitled to HOSPITAL (PART A)')).toBe('insurance-id');
  });

  it('suggests nothing when nothing points anywhere', () => {
    expect(type('Hello world')).toBeNull();
  });
});
