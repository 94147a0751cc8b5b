/**
 * The packet's fixed text in English: the source every other language's catalogue translates. ICU
 * MessageFormat (https://unicode-org.github.io/icu/userguide/format_parse/messages/), read by
 * intl-messageformat: `{name}` is a value put in, `{n, plural, one {…} other {…}}` chooses by number,
 * `{x, select, a {…} other {…}}` by word. What the patient or a record wrote is never in here: it goes in
 * as a value, as written.
 */
import { TERMS_EN } from '../../../shared/i18n-terms.ts';

export const en = {
  // Document types and specialties, as the library names them (shared/i18n-terms.ts).
  ...TERMS_EN,
  // The cover.
  'cover.kicker': 'SECOND OPINION · CASE PACKET',
  'cover.born': 'Born {date}',
  'cover.preparedFor': 'Prepared for',
  'cover.aSpecialistIn': 'A specialist in {specialty}',
  'cover.decision': 'The decision at stake',
  'cover.case': 'Case',
  'cover.preparedOn': 'Prepared on',
  'cover.prepared':
    '{date}, with Casebinder, by or for the patient. {documents, plural, one {# document} other {# documents}} enclosed; the originals, byte for byte, are in the bundle this packet came in.',
  'cover.contents': 'Contents',
  'cover.language': 'Language',
  'cover.prefers': 'The patient prefers to speak {language}.',
  'cover.interpreter': 'An interpreter is needed for appointments.',
  'cover.noInterpreter': 'No interpreter is needed.',
  'cover.packetLanguage': "This packet's own text is in {language}; what the patient and the records wrote is as they wrote it.",
  'cover.recordsIn': 'Enclosed documents in {language}: {documents}.',
  // What the specialist is asked to decide.
  'decision.whether': 'Whether to proceed with {procedure}, as {who} recommended.',
  'decision.whetherOn': 'Whether to proceed with {procedure}, as {who} recommended on {date}.',
  // Sections (headings, the contents, bookmarks).
  'section.cover': 'Cover',
  'section.summary': 'Summary',
  'section.timeline': 'Timeline',
  'section.records': 'Medications, allergies and problems',
  'section.labs': 'Lab results',
  'section.index': 'Index of enclosed documents',
  'section.documents': 'Enclosed documents',
  // The summary.
  'summary.diagnosis': 'Diagnosis',
  'summary.notStated': 'Not stated',
  'summary.specialty': 'Specialty',
  'summary.recommendation': 'The recommendation under review',
  'summary.recommendationOf': 'Recommendation under review ({n} of {total})',
  'summary.noRecommendation': 'No recommendation was recorded for this case.',
  'summary.recommended': 'Recommended',
  'summary.by': 'By',
  'summary.when': 'When',
  'summary.dateNotRecorded': 'Date not recorded',
  'summary.urgency': 'Urgency',
  'summary.reasons': 'Stated reasons',
  'summary.risks': 'Risks',
  'summary.alternatives': 'Alternatives',
  'summary.questions': "The patient's questions",
  'summary.noQuestions': 'No questions were written down.',
  'summary.priorities': 'What matters most to the patient',
  'summary.noPriorities': 'No priorities were written down.',
  // The timeline.
  'timeline.labsLeftOut': 'Lab results on {days, plural, one {# day} other {# days}} are left out here; they are under Lab results.',
  'timeline.earliestLeftOut': '{entries, plural, one {The earliest entry is} other {The # earliest entries are}} in the index of enclosed documents.',
  'timeline.undated':
    '{documents, plural, one {One enclosed document has no date of service, so it is not in this timeline; the index of enclosed documents lists it as undated.} other {# enclosed documents have no date of service, so they are not in this timeline; the index of enclosed documents lists them as undated.}}',
  'timeline.none': 'None of the documents sent has a date of service yet.',
  'timeline.date': 'Date',
  'timeline.what': 'What',
  'timeline.details': 'Details',
  'timeline.kind': '{kind, select, document {Document} study {Imaging} lab {Lab results} recommendation {Recommendation} other {Opinion}}',
  'timeline.labs': 'Lab results: {values, plural, one {# value} other {# values}}{outOfRange, plural, =0 {} one {, # out of range} other {, # out of range}}',
  'timeline.recommended': 'Recommended: {procedure}',
  'timeline.opinion': 'Opinion: {stand, select, agrees {agrees} differs {differs} other {partly agrees}}',
  'timeline.opinionOn': 'Opinion: {stand, select, agrees {agrees} differs {differs} other {partly agrees}} ({procedure})',
  // Values left out because they were read from pages the patient redacted.
  'redacted.labs':
    '{count, plural, one {# lab value read from pages the patient redacted is not listed here: it may be what the patient chose not to send.} other {# lab values read from pages the patient redacted are not listed here: they may be what the patient chose not to send.}} The redacted pages themselves are in the enclosed documents.',
  'redacted.records':
    '{count, plural, one {# entry read from pages the patient redacted is not listed here: it may be what the patient chose not to send.} other {# entries read from pages the patient redacted are not listed here: they may be what the patient chose not to send.}} The redacted pages themselves are in the enclosed documents.',
  'redacted.mark': 'redacted by the patient',
  // Medications, allergies and problems.
  'records.allergies': 'Allergies',
  'records.medications': 'Medications',
  'records.problems': 'Problems',
  'records.name': 'Name',
  'records.reaction': 'Reaction',
  'records.doseAndDirections': 'Dose and directions',
  'records.details': 'Details',
  'records.status': 'Status',
  'records.since': 'Since',
  'records.unchecked': 'read from the list, not yet checked',
  'records.none': '{what, select, allergies {No allergies are recorded in the documents sent.} medications {No medications are recorded in the documents sent.} other {No problems are recorded in the documents sent.}}',
  'records.noneOutsideRedacted': '{what, select, allergies {No allergies listed outside the redacted pages.} medications {No medications listed outside the redacted pages.} other {No problems listed outside the redacted pages.}}',
  // Lab results.
  'labs.trends':
    "Trends of the {tests, plural, one {# test} other {# tests}} measured more than once; the shaded band is each value's own reference range, values out of range are red, a hollow point is a value not yet checked against its report. Numbers a computer wrote with many decimals are shown to two.",
  'labs.chartAlt': 'Chart of {analyte} over time: {points}.',
  'labs.chartAltUnit': 'Chart of {analyte} ({unit}) over time: {points}.',
  'labs.point': '{value} on {date}',
  'labs.chartLatest': 'Latest {value} · {count} values',
  'labs.chartLatestFlag': 'Latest {value} ({flag}) · {count} values',
  'labs.unchecked':
    "Values marked “not yet checked” ({count}) were read from the report, not yet checked: Casebinder read them from the report's table and the patient has not yet compared them with the page. Each names the page it comes from (D3 p. 2: document 3 of the index, its page 2).",
  'labs.all': 'All values',
  'labs.test': 'Test',
  'labs.date': 'Date',
  'labs.value': 'Value',
  'labs.unit': 'Unit',
  'labs.range': 'Reference range',
  'labs.flag': 'Flag',
  'labs.from': 'From',
  'labs.flagName': '{flag, select, H {High} L {Low} HH {Critical high} LL {Critical low} A {Abnormal} other {}}',
  'labs.enteredByPatient': 'Entered by the patient',
  'labs.source': 'D{document}',
  'labs.sourcePage': 'D{document} p. {page}',
  'labs.notChecked': '{source} · not yet checked',
  // The index of enclosed documents.
  'index.intro': 'Each row opens its document. The originals, byte for byte, are in the bundle under the names shown in its INDEX.HTM.',
  'index.redacted':
    'Documents marked “{mark}” are copies in which the patient blacked out what they chose not to send (such as an insurance number); the rest of each page is as it came.',
  'index.number': '#',
  'index.date': 'Date',
  'index.type': 'Type',
  'index.facility': 'Facility',
  'index.title': 'Title',
  'index.page': 'Page',
  'index.undated': 'Undated',
  'index.inLanguage': '{title} (in {language})',
  // A document that could not be drawn into the packet.
  'document.originalIs': 'The original is in the bundle as {path}.',
  'document.pdfFailed': 'This PDF could not be copied into the packet. It is enclosed in the bundle as it came; open it from there.',
  'document.pictureFailed': 'This picture could not be drawn into the packet. It is enclosed in the bundle as it came; open it from there.',
  // What a screen reader is told of an original's page.
  'document.alt':
    'D{number}, {title}: {pages, plural, one {{what}} other {page {page} of {pages} of {what}}}, {redacted, select, yes {with what the patient chose not to send blacked out} other {as it came}}. The original is in the bundle as {path}.',
  'document.altPdf': 'the original PDF; its text is not tagged here',
  'document.altPicture': 'the picture',
  // An imaging study's page.
  'study.date': 'Study date',
  'study.notRecorded': 'Not recorded',
  'study.kind': 'Kind',
  'study.images': 'Images',
  'study.institution': 'Institution',
  'study.referredBy': 'Referred by',
  'study.accession': 'Accession number',
  'study.files': '{files, plural, one {# DICOM file} other {# DICOM files}} in {series, plural, one {# series} other {# series}}',
  'study.uid': 'Study UID',
  'study.note': 'Note: {warning}',
  'study.otherName': 'The study\'s files name the patient "{name}", not {patient}.',
  'study.otherBirthDate': "The study's files give the date of birth {date}; {patient}'s is {patientDate}.",
  'study.reportsOnly': 'The images themselves are not in this bundle: it was made with reports only. Ask the patient for the images (DICOM) if you need them.',
  'study.withImages':
    "The full images, as the original DICOM files, are in this bundle's DICOM folder. Open the DICOMDIR file at the top of the bundle with any DICOM viewer (for example Horos, OsiriX, RadiAnt, Weasis or MicroDicom).",
  'study.series': 'Series',
  'study.seriesNumber': 'No.',
  'study.description': 'Description',
  'study.keyImages': 'Key images',
  'study.caption': 'Series {number} · {kind}',
  'study.captionDescribed': 'Series {number} · {kind} · {description}',
  'study.keyImageAlt': 'Key image of series {number}: {kind} (the middle image of the series).',
  'study.keyImageAltDescribed': 'Key image of series {number}: {kind}, {description} (the middle image of the series).',
  'study.untitled': 'Imaging study',
  'study.titled': '{kinds} study',
  // A health record download (C-CDA, FHIR).
  'record.pageOf': '{section} (page {page})',
  'record.gathered': 'What it says about medications, problems and lab results is also gathered in this packet under {sections}.',
  'record.narrative': 'A clinical document (C-CDA) from a health record download, printed here from its own text as the sending system wrote it.',
  'record.download': 'This is a health record download ({mediaType}), a file for computers rather than a page to read.',
  'record.fileIs': 'The file itself is in the bundle as {path}.',
  'record.notes': 'Notes: {text}',
  // Every page's footer, and the PDF's title.
  'footer.person': '{name} · born {date}',
  'footer.page': 'page {page} of {pages}',
  'footer.documentPage': 'D{document} · page {page} of {pages} · packet {packetPage}',
  'pdf.title': 'Case packet: {name} — {case}',
  // Document types, specialties and kinds of images, as the library names them.
} as const;

export type PacketMessageKey = keyof typeof en;
