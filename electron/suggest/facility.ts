import { clean, cells, CLOSING, tidyCase } from './text.ts';
import type { Line } from './text.ts';

/**
 * Finds the facility that produced a document: the letterhead at the top of page one when there is
 * one (skipping addresses, phone lines, titles and department names), else a labelled field
 * ("Performing lab:", "Facility:"), else the organisation that signs a letter. Titles and organisations
 * are known in English and Spanish ("Informe de consulta" is a title; "Clínica San Rafael" a facility).
 */

const ORGANISATION =
  /\b(hospital|medical (center|centre|group)|health( system| care|care)?|clinic|laborator(y|ies)|labs?|diagnostics|imaging|radiology|pathology|associates|institute|cent(er|re)|physicians|partners|specialists|practice|surgery|surgical|orthop(a)?edic\w*|cardiology|oncology|urology|gastroenterology|neurology|rehab\w*|therapy|plan|insurance|blue ?cross|blue ?shield|aetna|humana|cigna|unitedhealthcare|kaiser|medicare|labcorp|university|foundation|p\.?c\.?|llc|p\.?a\.?|cl[ií]nica|centro|laboratorios?|sanatorio|policl[ií]nic[oa]|instituto|fundaci[oó]n|universidad|consultorio)\b/i;
const ADDRESS =
  /(^\d+\s+\w)|\b(suite|ste\.?|floor|p\.?\s?o\.? box|street|avenue|ave|blvd|boulevard|road|rd|drive|dr|lane|ln|way|plaza|court|ct|st)\b\.?[^a-z]*(\d|,)|\b[A-Z]{2}\s+\d{5}(-\d{4})?\b/i;
const CONTACT = /\b(tel|phone|fax|ph|toll[- ]free|www\.|https?:|@)\b|\(\d{3}\)\s*\d{3}|\b\d{3}[-. ]\d{3}[-. ]\d{4}\b|\b\d{3}\.\d{3}\.\d{4}\b/i;
const TITLE_WORDS =
  /\b(report|note|summary|consultation|evaluation|list|card|results?|statement|request|order|record|electrocardiogram|echocardiogram|ultrasound|mri|ct|x-?ray|scan|panel|profile|test|study|exam|examination|instructions|medications?|medicines|informe|nota|resumen|consulta|evaluaci[oó]n|lista|resultados?|solicitud|orden|historia|an[aá]lisis|estudio|examen|ecograf[ií]a|radiograf[ií]a|resonancia|tomograf[ií]a|receta|carta|alta|medicamentos?)\b/i;
const DEPARTMENT = /^(department|dept\.?|division|a division|section|service|services|unit|laboratory services|clinical laboratory|patient (access|financial)|utilization|member|health information|release of information)\b/i;
const FIELD = /^[\p{L} .#/()'-]{2,40}:\s*\S/u;

const LABELS =
  /^(facility|location|hospital|institution|practice|clinic|performing (site|lab(oratory)?|location|facility)|performed at|testing (performed )?(at|by)|lab(oratory)?|site)\s*[:#]\s*(?<value>.+)$/i;

function looksLikeOrganisation(text: string, isFirst: boolean): boolean {
  if (text.length < 3 || text.length > 80) return false;
  if (ADDRESS.test(text) || CONTACT.test(text) || FIELD.test(text)) return false;
  if (/\d{1,2}[/-]\d{1,2}[/-]\d{2,4}/.test(text)) return false;
  if (DEPARTMENT.test(text)) return false;
  if (TITLE_WORDS.test(text) && !ORGANISATION.test(text.replace(TITLE_WORDS, ''))) return false;
  // A letterhead's first line may be a bare brand ("LabCorp", "Aetna"); later lines must say what they are.
  return ORGANISATION.test(text) || (isFirst && /^[\p{L}][\p{L}&'.\- ]+$/u.test(text) && text.split(' ').length <= 5);
}

/** "Quest Diagnostics-Tampa, 4225 E. Fowler Ave" -> "Quest Diagnostics-Tampa". */
function organisationPart(value: string): string {
  return clean(value.split(/\s{2,}|,\s*\d|\s+\d{2,}\s/)[0] ?? value);
}

export function suggestFacility(lines: readonly Line[]): string | null {
  const firstPage = lines.filter((l) => l.page === 1 && !l.banner);

  // The letterhead: lines above the first labelled field.
  const top: Line[] = [];
  for (const line of firstPage.slice(0, 8)) {
    if (FIELD.test(line.text) && top.length > 0) break;
    top.push(line);
  }
  for (const [i, line] of top.entries()) {
    const first = cells(line.text)[0] ?? line.text;
    const candidate = clean(first);
    if (looksLikeOrganisation(candidate, i === 0)) return tidyCase(candidate);
  }

  for (const line of lines.filter((l) => !l.banner)) {
    // The label may follow other fields on its line ("Ordering provider: …   Performing lab: …").
    for (const cell of [line.text, ...line.text.split(/\s+(?=\p{Lu}[\p{L} ]{0,30}:)/u).slice(1)]) {
      const labelled = LABELS.exec(cell)?.groups?.value;
      const value = labelled ? organisationPart(labelled) : null;
      if (value && ORGANISATION.test(value)) return tidyCase(value);
    }
  }

  // An organisation named anywhere near the top ("Last reviewed by Cascade Gynecology Partners").
  for (const line of firstPage.slice(0, 12)) {
    const named = /(?:^|\bby |\bat |\bfrom )((?:[\p{Lu}][\p{L}'’&.-]*\s+){1,5}(?:Partners|Associates|Group|Hospital|Clinic|Center|Centre|Institute|Laboratories|Laboratory|Medical Center|Health))\b/u.exec(line.text);
    if (named?.[1] && looksLikeOrganisation(clean(named[1]), false)) return tidyCase(clean(named[1]));
  }

  // A letter signed by an organisation rather than a person.
  const closing = firstPage.findIndex((l) => CLOSING.test(l.text));
  if (closing >= 0) {
    for (const line of firstPage.slice(closing + 1, closing + 4)) {
      if (ORGANISATION.test(line.text) && looksLikeOrganisation(line.text, false)) return tidyCase(clean(line.text));
    }
  }
  return null;
}
