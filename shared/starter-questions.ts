/**
 * Questions to start from, per specialty: what people preparing for a second opinion are advised to
 * ask. The person edits or removes them; none is added without their choosing.
 */
import type { Specialty } from './case-types.ts';

const EVERY_CASE = [
  'Do you agree with the diagnosis?',
  'Do you agree that this treatment is needed now, or is it safe to wait?',
  'What are the alternatives, including not treating, and how do their results compare?',
  'What would you do in my place?',
];

export const STARTER_QUESTIONS: Readonly<Record<Specialty, readonly string[]>> = {
  'spine-orthopedic': [
    ...EVERY_CASE,
    'Do my images match my symptoms?',
    'Would physical therapy, injections or another non-surgical treatment be worth trying first?',
    'If surgery, is a smaller operation (for example a decompression without fusion) an option?',
    'What recovery should I expect, and when could I return to work?',
  ],
  neurosurgery: [...EVERY_CASE, 'Do my images match my symptoms?', 'What are the risks to nerve function, and how often do they happen in your hands?'],
  cardiology: [...EVERY_CASE, 'Is a catheter-based procedure an option instead of open surgery?', 'Which of my tests most changes the decision?'],
  oncology: [
    ...EVERY_CASE,
    'Does the pathology (type, grade, markers) support the diagnosis and stage?',
    'Is there a clinical trial I could join?',
    'Should treatment start with surgery, or with chemotherapy or radiation first?',
  ],
  'general-surgery': [...EVERY_CASE, 'Can it be done laparoscopically or robotically?', 'What recovery should I expect?'],
  radiology: ['Do you see the same findings as the first report?', 'Is anything in the images not mentioned in the report?', 'Is further imaging needed?'],
  pathology: ['Do you agree with the diagnosis and its grade?', 'Are further stains or molecular tests needed?'],
  other: EVERY_CASE,
};
