import type { DocumentType } from '../../shared/document-types.ts';
import { clean, CLOSING, tidyCase } from './text.ts';
import type { Line } from './text.ts';

/**
 * Finds the clinician a person would file a document under: who read a scan or a slide, who ordered a
 * lab, who wrote a note, operated or signed a letter. Names come from labelled fields and signature
 * blocks and are written "First Last, MD".
 */

type Role = 'reader' | 'author' | 'orderer' | 'signer';

// Checked in this order: "Requesting physician:" is someone who asked, not the author.
const ROLE_LABELS: readonly { readonly role: Exclude<Role, 'signer'>; readonly pattern: RegExp }[] = [
  {
    role: 'reader',
    pattern:
      /\b(radiologist|pathologist|sonologist|interpreted by|interpreting physician|reading physician|reading md|read by|reported by|electronically signed( out)?( by)?|signed( out)?( by)?|confirmed by|overread by|electromyographer|dictated by)\s*:?\s*(.+)$/i,
  },
  {
    role: 'orderer',
    pattern: /\b(ordering( physician| provider| md)?|ordered by|referring( physician| provider| md)?|requesting( physician| provider)?|submitting physician)\s*:?\s*(.+)$/i,
  },
  {
    role: 'author',
    pattern:
      /\b(provider|attending|physician|surgeon|primary surgeon|operator|endoscopist|gastroenterologist|oncologist|therapist|reviewed by|seen by|author|cardiologist|clinician|urologist|doctor)\s*:\s*(.+)$/i,
  },
];

const CREDENTIALS = ['MD', 'M.D.', 'DO', 'D.O.', 'MBBS', 'PhD', 'PA-C', 'PA', 'NP', 'RN', 'DPT', 'PT', 'FACS', 'FACC', 'RPVI', 'RDCS'];
const CREDENTIAL = new RegExp(String.raw`^(${CREDENTIALS.map((c) => c.replace(/[.]/g, '\\.')).join('|')})$`, 'i');
const NAME_WORD = /^[\p{Lu}][\p{L}'’-]*\.?$/u;

/** "PATEL, KEVIN MD" -> "Kevin Patel, MD"; "Helen Morales, MD, Pathologist on 01/13/2025" -> "Helen Morales, MD". */
export function normaliseName(raw: string): string | null {
  // The name ends where a gap, a date, a time or the next label ("Status:") begins.
  let text = clean(
    raw.split(
      /\s{2,}|\s+on\s+\d|\s+\(?\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\s+\d{1,2}:\d{2}|\s+\d{4}-\d{2}-\d{2}|\s+\p{Lu}\p{L}*(?: \p{L}+){0,2}:|\s+[•·|]\s+/u,
    )[0] ?? raw,
  );
  text = text.replace(/^(dr\.?|doctor)\s+/i, '');
  const parts = text.split(/\s*,\s*/).filter(Boolean);
  const credentials: string[] = [];
  const names: string[] = [];
  for (const part of parts) {
    const words = part.split(/\s+/);
    const afterCredential = credentials.length > 0;
    // Credentials at the end of a part: "KEVIN MD".
    while (words.length > 1 && CREDENTIAL.test(words[words.length - 1]!)) credentials.unshift(words.pop()!);
    if (words.every((w) => CREDENTIAL.test(w))) credentials.push(...words);
    // After "MD" come roles ("Pathologist", "Interventional Cardiology"), never more of the name.
    else if (afterCredential || CREDENTIAL.test(words[0]!)) break; // "MD Dictated": what follows a credential is not a name.
    else if (names.length < 2 && words.every((w) => NAME_WORD.test(w) || /^[\p{Lu}]$/u.test(w))) names.push(words.join(' '));
    else break; // "Pathologist", "Urology": a role, not part of the name.
  }
  if (names.length === 0) return null;
  // "PATEL, KEVIN" is "Last, First".
  const ordered = names.length === 2 ? `${names[1]} ${names[0]}` : names[0]!;
  const words = ordered.split(/\s+/);
  if (words.length < 2 || words.length > 4) return null;
  const name = tidyCase(ordered);
  const degree = credentials.map((c) => c.replace(/\./g, '').toUpperCase().replace('PHD', 'PhD')).find((c) => c !== 'FACS' && c !== 'FACC' && c !== 'RPVI' && c !== 'RDCS');
  const extra = credentials.map((c) => c.toUpperCase()).filter((c) => ['DPT', 'PT'].includes(c) && c !== degree);
  return [name, degree, ...extra.filter((c, i) => extra.indexOf(c) === i)].filter(Boolean).join(', ');
}

const PREFERENCE: Readonly<Partial<Record<DocumentType, readonly Role[]>>> = {
  'imaging-report': ['reader', 'signer', 'author', 'orderer'],
  'pathology-report': ['reader', 'signer', 'author', 'orderer'],
  'cardiac-test': ['reader', 'signer', 'author', 'orderer'],
  'lab-report': ['orderer', 'author'],
  // A letter's other names (a requesting provider, the person it is about) are its subject.
  correspondence: ['signer'],
  other: ['reader', 'signer', 'author', 'orderer'],
};

export function suggestClinician(lines: readonly Line[], type: DocumentType | null): string | null {
  const found: Record<Role, string[]> = { reader: [], author: [], orderer: [], signer: [] };
  const content = lines.filter((l) => !l.banner);
  for (const line of content) {
    // Each field of the line in turn: "Signed: 05/01/2025 09:40   Radiologist: Ingrid Halvorsen, MD".
    const fields = [line.text, ...line.text.split(/\s+(?=\p{Lu}[\p{L} ]{0,30}:)/u).slice(1)];
    for (const field of fields) {
      let named = false;
      for (const { role, pattern } of ROLE_LABELS) {
        const m = pattern.exec(field);
        const value = m?.[m.length - 1];
        const name = value ? normaliseName(value) : null;
        if (name) {
          found[role].push(name);
          named = true;
          break;
        }
      }
      if (named) break;
    }
  }
  // A signature: the name under "Sincerely," or else the last lone "Name, MD" line (an earlier one
  // is usually the letter's addressee).
  const closing = content.findIndex((l) => CLOSING.test(l.text));
  const signature = closing >= 0 ? content.slice(closing + 1, closing + 3) : [];
  const lone = content.filter((l) => /,\s*(MD|M\.D\.|DO|PA-C|NP|DPT|MBBS)\b/.test(l.text) && l.text.length < 60).reverse();
  const signed = [...signature, ...lone];
  for (const line of signed) {
    const name = normaliseName(line.text);
    if (name && /\b(MD|DO|PA-C|NP|DPT|MBBS|RN|PhD)\b/.test(name)) {
      found.signer.push(name);
      break;
    }
  }
  const order = (type && PREFERENCE[type]) ?? ['author', 'signer', 'reader'];
  for (const role of order) if (found[role][0]) return found[role][0];
  return null;
}
