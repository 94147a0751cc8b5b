import { say } from '../../../shared/said.ts';
import { readUnreadLanguages } from '../../suggest/language.ts';
import { EXIT_OK, parseId } from '../common.ts';
import type { Command } from '../common.ts';
import { formatDocument, formatStudy } from '../format.ts';
import { documentJson, studyJson } from '../json.ts';
import { withLibrary } from '../session.ts';

export const show: Command = {
  names: ['show'],
  usage: `
  show ID [--text]                      one document or imaging study; --text adds the text of
                                        every page`,
  options: ['text'],
  run: (args, values) =>
    withLibrary(values, (library) => {
      const id = parseId(args[0]);
      readUnreadLanguages(library, 1, [id]);
      const doc = library.documents.get(id);
      const patient = library.patients.get(doc.patientId);
      const text = values.text ? library.documents.pageTexts(doc.id) : undefined;
      const pages = doc.ocr ? library.documents.pageInfo(doc.id).filter((p) => p.ocr !== null) : undefined;
      const study = doc.kind === 'study' ? library.studies.details(doc.id, patient) : undefined;
      return {
        json: {
          ...documentJson(doc, library),
          ...(study ? { study: studyJson(doc, library), readiness: study.readiness.map(({ check, status, message }) => ({ check, status, message })) } : {}),
          ...(pages ? { ocrPages: pages.map((p) => ({ page: p.number, state: p.ocr, confidence: p.confidence, languages: p.languages, ...(p.problem ? { problem: say(p.problem) } : {}) })) } : {}),
          ...(text ? { text } : {}),
        },
        text:
          formatDocument(doc, patient, pages) +
          (study ? `\n\n${formatStudy(study)}` : '') +
          (text ? `\n\n${text.map((t, i) => `--- page ${i + 1} ---\n${t}`).join('\n')}` : ''),
        exit: EXIT_OK,
      };
    }),
};
