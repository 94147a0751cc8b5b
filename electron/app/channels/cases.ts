/**
 * The cases channels: a decision under review with its documents, questions, recommendations,
 * requests for records, specialists and opinions, and its checklist.
 */
import { todayIso as today } from '../../../shared/dates.ts';
import { CasebinderError } from '../../../shared/errors.ts';
import { said } from '../../../shared/said.ts';
import { slice } from '../context.ts';
import type { AppContext } from '../context.ts';
import { summary } from './summary.ts';
import { timeline, undatedDocuments } from '../../library/timeline.ts';

export function caseChannels({ library }: AppContext) {
  /** A recommendation or opinion the window names, checked to be of the case it names. */
  const ownRecommendation = (caseId: number, id: number) => {
    if (!library.cases.details(caseId).recommendations.some((r) => r.id === id)) throw new CasebinderError('not-found', said('err.case-has-no', { what: 'recommendation', id: String(id), caseId: String(caseId) }));
    return id;
  };
  const ownOpinion = (caseId: number, id: number) => {
    if (!library.cases.details(caseId).opinions.some((o) => o.id === id)) throw new CasebinderError('not-found', said('err.case-has-no', { what: 'opinion', id: String(id), caseId: String(caseId) }));
    return id;
  };
  const ownSpecialist = (caseId: number, id: number) => {
    if (!library.cases.details(caseId).specialists.some((s) => s.id === id)) throw new CasebinderError('not-found', said('err.case-has-no', { what: 'specialist', id: String(id), caseId: String(caseId) }));
    return id;
  };
  /** A change to the case its first argument names: that case's patient. */
  const ofCase = { after: (_result: unknown, caseId: number) => library.cases.get(caseId).patientId };
  /** A change to a question or request, which names no case: anyone's. */
  const somebodys = { after: () => null };
  const done = (change: () => unknown): null => {
    change();
    return null;
  };
  return slice(
    {
      'cases:list': (patientId) => library.cases.list(patientId),
      'practice:overview': (language) => library.practice(today(), language),
      'cases:create': (patientId, input) => library.cases.create(patientId, input, library.now()),
      'cases:get': (id, language) => {
        const details = library.cases.details(id);
        // The case's own documents (and those its recommendations cite): never the whole library.
        const ids = [...new Set([...details.documents.map((d) => d.documentId), ...details.recommendations.flatMap((r) => r.documentIds)])];
        return {
          case: details,
          checklist: library.cases.checklist(id, today(), language),
          documents: ids.map((d) => summary(library.documents.get(d))),
          timeline: timeline(library, details.patientId, id),
          undated: undatedDocuments(library, details.patientId, id),
        };
      },
      'cases:update': (id, change) => library.cases.update(id, change),
      'cases:remove': (id) => done(() => library.cases.remove(id)),
      'cases:add-documents': (id, documentIds) => done(() => library.cases.addDocuments(id, documentIds)),
      'cases:set-included': (id, documentId, included) => done(() => library.cases.setIncluded(id, documentId, included)),
      'cases:order-documents': (id, documentIds) => done(() => library.cases.orderDocuments(id, documentIds)),
      'cases:remove-document': (id, documentId) => done(() => library.cases.removeDocument(id, documentId)),
      'cases:add-question': (id, text) => done(() => library.cases.addQuestion(id, text)),
      'cases:update-question': (questionId, text) => done(() => library.cases.updateQuestion(questionId, text)),
      'cases:remove-question': (questionId) => done(() => library.cases.removeQuestion(questionId)),
      'cases:order-questions': (id, questionIds) => done(() => library.cases.orderQuestions(id, questionIds)),
      'cases:add-recommendation': (id, input) => done(() => library.cases.addRecommendation(id, input)),
      'cases:remove-recommendation': (_id, recommendationId) => done(() => library.cases.removeRecommendation(recommendationId)),
      'cases:update-recommendation': (id, recommendationId, change) => done(() => library.cases.updateRecommendation(ownRecommendation(id, recommendationId), change)),
      'cases:update-opinion': (id, opinionId, change) => done(() => library.cases.updateOpinion(ownOpinion(id, opinionId), change)),
      'cases:remove-opinion': (id, opinionId) => done(() => library.cases.removeOpinion(ownOpinion(id, opinionId))),
      'cases:add-request': (id, input) => done(() => library.cases.addRequest(id, input)),
      'cases:set-request-state': (requestId, state, documentIds) => done(() => library.cases.setRequestState(requestId, state, documentIds ?? [])),
      'cases:add-specialist': (id, input) => done(() => library.cases.addSpecialist(id, input)),
      'cases:update-specialist': (id, specialistId, change) => done(() => library.cases.updateSpecialist(ownSpecialist(id, specialistId), change)),
      'cases:remove-specialist': (id, specialistId) => done(() => library.cases.removeSpecialist(ownSpecialist(id, specialistId))),
      'cases:add-opinion': (id, input) => done(() => library.cases.addOpinion(id, input)),
    },
    {
      'cases:create': { after: (c) => c.patientId },
      'cases:update': { after: (c) => c.patientId },
      'cases:remove': { before: (id) => library.cases.get(id).patientId },
      'cases:add-documents': ofCase,
      'cases:set-included': ofCase,
      'cases:order-documents': ofCase,
      'cases:remove-document': ofCase,
      'cases:add-question': ofCase,
      'cases:update-question': somebodys,
      'cases:remove-question': somebodys,
      'cases:order-questions': ofCase,
      'cases:add-recommendation': ofCase,
      'cases:remove-recommendation': ofCase,
      'cases:update-recommendation': ofCase,
      'cases:update-opinion': ofCase,
      'cases:remove-opinion': ofCase,
      'cases:add-request': ofCase,
      'cases:set-request-state': somebodys,
      'cases:add-specialist': ofCase,
      'cases:update-specialist': ofCase,
      'cases:remove-specialist': ofCase,
      'cases:add-opinion': ofCase,
    },
  );
}
