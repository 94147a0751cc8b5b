/** Cases: one decision to be reviewed, with its documents, questions, recommendation, specialists and checklist. */
import { CASE_STATUS_LABELS, SPECIALTIES, SPECIALTY_LABELS } from '../../../shared/case-types.ts';
import type { Library } from '../../library/library.ts';
import { checked, EXIT_OK, invalid, parseId } from '../common.ts';
import type { Command, Output, Values } from '../common.ts';
import { formatCase } from '../format.ts';
import { caseJson } from '../json.ts';
import { withLibrary } from '../session.ts';

const USAGE = {
  create: 'case create --patient NAME --title TEXT --specialty ID [--condition TEXT]',
  add: 'case add CASE DOC...',
  question: 'case question CASE TEXT',
  specialist: 'case specialist CASE NAME [--institution TEXT] [--reads es,en]',
  specialistEdit: 'case specialist-edit SPECIALIST [--name TEXT] [--institution TEXT] [--reads es,en]',
  recommendation: 'case recommendation CASE --by NAME --date YYYY-MM-DD --procedure TEXT [--urgency TEXT] [--reasons TEXT] [--risks TEXT] [--alternatives TEXT] [--facility TEXT] [--document DOC]...',
};

const READS_OPTION = '--reads (language codes, e.g. es,en)';
const readsOf = (option: string) =>
  option
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);

function run(library: Library, [sub, ...rest]: readonly string[], values: Values): Output {
  const caseId = () => parseId(rest[0], 'case');
  switch (sub) {
    case 'create': {
      const patient = values.patient ? library.patients.find(values.patient) : library.patients.only();
      if (!values.title) return invalid('Give the case a title: casebinder case create --title "Recommended L4-L5 spinal fusion" --specialty spine-orthopedic');
      if (!values.specialty) return invalid(`Say the specialty: --specialty ${SPECIALTIES.join('|')}`);
      const [patientId, input] = checked(
        'cases:create',
        [patient.id, { title: values.title, specialty: values.specialty, condition: values.condition ?? null }],
        { '1.title': '--title', '1.specialty': '--specialty', '1.condition': '--condition' },
        USAGE.create,
      );
      const created = library.cases.create(patientId, input, library.now());
      return { json: { id: created.id }, text: `Created case #${created.id} "${created.title}" for ${patient.name}.`, exit: EXIT_OK };
    }
    case 'list': {
      const patient = values.patient ? library.patients.find(values.patient) : undefined;
      const cases = library.cases.list(patient?.id);
      return {
        json: cases,
        text: cases.length ? cases.map((c) => `#${c.id}  ${c.title}  (${SPECIALTY_LABELS[c.specialty]}; ${CASE_STATUS_LABELS[c.status]})`).join('\n') : 'No cases yet. Create one: casebinder case create --title TEXT --specialty ID',
        exit: EXIT_OK,
      };
    }
    case 'add': {
      const ids = rest.slice(1).map((a) => parseId(a));
      if (ids.length === 0) return invalid('Say which documents to add: casebinder case add CASE DOC...');
      const documents = library.cases.addDocuments(...checked('cases:add-documents', [caseId(), ids], { '1': 'The documents' }, USAGE.add));
      return { json: { documents: documents.map((d) => ({ id: d.documentId, included: d.included })) }, text: `Case #${caseId()} now holds ${documents.length} document(s).`, exit: EXIT_OK };
    }
    case 'specialist': {
      const name = rest.slice(1).join(' ').trim();
      if (!name) return invalid('Name the specialist: casebinder case specialist CASE "Dr. Lena Brandt" --institution "University Spine Center"');
      const specialist = library.cases.addSpecialist(
        ...checked(
          'cases:add-specialist',
          [caseId(), { name, institution: values.institution ?? null, ...(values.reads ? { reads: readsOf(values.reads) } : {}) }],
          { '1.name': 'The name', '1.institution': '--institution', '1.reads': READS_OPTION },
          USAGE.specialist,
        ),
      );
      return { json: specialist, text: `Added specialist ${specialist.id} to case #${caseId()}: ${specialist.name}. Export for them with --specialist ${specialist.id}.`, exit: EXIT_OK };
    }
    case 'specialist-edit': {
      const id = parseId(rest[0], 'specialist');
      const change = {
        ...(values.name !== undefined ? { name: values.name } : {}),
        ...(values.institution !== undefined ? { institution: values.institution || null } : {}),
        ...(values.reads !== undefined ? { reads: readsOf(values.reads) } : {}),
      };
      if (Object.keys(change).length === 0) return invalid(`Say what to change: casebinder ${USAGE.specialistEdit}`);
      const [, , checkedChange] = checked('cases:update-specialist', [library.cases.specialist(id).caseId, id, change], { '2.name': '--name', '2.institution': '--institution', '2.reads': READS_OPTION }, USAGE.specialistEdit);
      const specialist = library.cases.updateSpecialist(id, checkedChange);
      return { json: specialist, text: `Specialist ${specialist.id}: ${specialist.name}${specialist.institution ? `, ${specialist.institution}` : ''}; reads records in ${specialist.reads.join(', ')}.`, exit: EXIT_OK };
    }
    case 'specialist-remove': {
      const id = parseId(rest[0], 'specialist');
      library.cases.removeSpecialist(id);
      return { json: { removed: id }, text: `Took specialist ${id} off their case. Opinions recorded from them stay.`, exit: EXIT_OK };
    }
    case 'question': {
      const question = library.cases.addQuestion(...checked('cases:add-question', [caseId(), rest.slice(1).join(' ')], { '1': 'The question' }, USAGE.question));
      return { json: question, text: `Added question ${question.position} to case #${caseId()}.`, exit: EXIT_OK };
    }
    case 'recommendation': {
      if (!values.by || !values.procedure) return invalid('Say who recommended what: casebinder case recommendation CASE --by NAME --date YYYY-MM-DD --procedure TEXT');
      const input = {
        clinician: values.by,
        procedure: values.procedure,
        date: values.date ?? null,
        urgency: values.urgency ?? null,
        reasons: values.reasons ?? null,
        risks: values.risks ?? null,
        alternatives: values.alternatives ?? null,
        facility: values.facility ?? null,
        documentIds: (values.document ?? []).map((d) => parseId(d)),
      };
      const recommendation = library.cases.addRecommendation(
        ...checked(
          'cases:add-recommendation',
          [caseId(), input],
          {
            '1.clinician': '--by',
            '1.procedure': '--procedure',
            '1.date': '--date',
            '1.urgency': '--urgency',
            '1.reasons': '--reasons',
            '1.risks': '--risks',
            '1.alternatives': '--alternatives',
            '1.facility': '--facility',
            '1.documentIds': '--document',
          },
          USAGE.recommendation,
        ),
      );
      return { json: recommendation, text: `Recorded the recommendation: ${recommendation.procedure}, by ${recommendation.clinician}.`, exit: EXIT_OK };
    }
    case 'show': {
      const json = caseJson(library, caseId());
      return { json, text: formatCase(json), exit: EXIT_OK };
    }
    default:
      return invalid(`"case ${sub ?? ''}" is not a command. Use: case create | list | add | question | specialist | specialist-edit | specialist-remove | recommendation | show`);
  }
}

export const caseCommand: Command = {
  names: ['case'],
  usage: `
  case create --patient NAME --title TEXT --specialty ID [--condition TEXT]
                                        a case: one decision to be reviewed (${SPECIALTIES.join(', ')})
  case list [--patient NAME]            the cases, newest first
  case add CASE DOC...                  attach library documents to a case
  case question CASE TEXT               add a question for the specialist
  case specialist CASE NAME [--institution TEXT]
                                        whom the case is sent to (export --specialist ID); --reads:
                                        the languages their centre reads records in (English if not said)
  case specialist-edit SPECIALIST [--name TEXT] [--institution TEXT] [--reads es,en]
                                        correct what is known of a specialist
  case specialist-remove SPECIALIST     take a specialist off their case (their opinions stay)
  case recommendation CASE --by NAME --date YYYY-MM-DD --procedure TEXT [--urgency TEXT]
          [--reasons TEXT] [--risks TEXT] [--alternatives TEXT] [--facility TEXT] [--document DOC]...
                                        the recommendation under review, with the reasons,
                                        risks and alternatives the surgeon gave
  case show CASE                        a case with its documents, recommendations, questions
                                        and completeness checklist`,
  options: ['patient', 'name', 'title', 'specialty', 'condition', 'institution', 'reads', 'by', 'date', 'procedure', 'urgency', 'reasons', 'risks', 'alternatives', 'facility', 'document'],
  run: (args, values) => withLibrary(values, (library) => run(library, args, values)),
};
