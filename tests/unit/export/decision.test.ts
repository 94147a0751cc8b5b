import { describe, expect, it } from 'vitest';
import type { CaseDetails, Recommendation } from '../../../shared/case-types.ts';
import { decisionSentence } from '../../../electron/export/gather.ts';

function caseWith(recommendation: Partial<Recommendation> | null): CaseDetails {
  return {
    id: 1, patientId: 1, title: 'Back surgery', condition: null, specialty: 'spine-orthopedic', status: 'gathering', notes: '', priorities: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    recommendations: recommendation
      ? [{ id: 1, caseId: 1, clinician: 'Dr. Amelia Hale', facility: null, date: null, procedure: '', urgency: null, reasons: null, risks: null, alternatives: null, documentIds: [], ...recommendation }]
      : [],
    questions: [], documents: [], requests: [], specialists: [], opinions: [],
  };
}

describe('the decision on the cover', () => {
  it('keeps the procedure as the person wrote it', () => {
    expect(decisionSentence(caseWith({ procedure: 'L4-L5 posterior lumbar fusion', facility: 'Summit Spine', date: '2026-09-14' }))).toBe(
      'Whether to proceed with L4-L5 posterior lumbar fusion, as Dr. Amelia Hale (Summit Spine) recommended on 14 Sep 2026.',
    );
    expect(decisionSentence(caseWith({ procedure: 'MRI-guided biopsy.' }))).toBe('Whether to proceed with MRI-guided biopsy, as Dr. Amelia Hale recommended.');
  });

  it('says what the case is about when no recommendation is recorded', () => {
    expect(decisionSentence({ ...caseWith(null), condition: 'Lumbar stenosis' })).toBe('Back surgery: Lumbar stenosis.');
  });
});
