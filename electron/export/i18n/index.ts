/**
 * The packet's words in the specialist's language: each catalogue (en.ts, the source; es.ts) holds ICU
 * messages, formatted by intl-messageformat with the engine's own Intl data (plural rules, numbers,
 * lists, language names). Dates are the packet's own short form: "4 Mar 2025" in English, "4 mar 2025" in
 * Spanish.
 */
import { sayer } from '../../../shared/icu.ts';
import type { DocumentType } from '../../../shared/document-types.ts';
import type { Specialty } from '../../../shared/case-types.ts';
import type { PacketLanguage } from '../../../shared/export-types.ts';
import { formatDate } from '../../../shared/format.ts';
import { languageName } from '../../../shared/languages.ts';
import { en } from './en.ts';
import type { PacketMessageKey } from './en.ts';
import { es } from './es.ts';

export type { PacketMessageKey };

export const PACKET_CATALOGUES: Readonly<Record<PacketLanguage, Readonly<Record<PacketMessageKey, string>>>> = { en, es };

type Values = Record<string, string | number>;

export interface PacketText {
  readonly language: PacketLanguage;
  /** A message with its values put in. */
  t(key: PacketMessageKey, values?: Values): string;
  /** A day (YYYY-MM-DD) as the packet prints it. */
  date(iso: string): string;
  type(type: DocumentType): string;
  specialty(specialty: Specialty): string;
  /** A DICOM modality's name ("CT scan", "TC"); the code itself for one the catalogue does not name. */
  modality(code: string | null): string;
  /** A study's own description, else what its modalities make it ("MRI study", "Estudio de RM"). */
  studyTitle(description: string | null, modalities: readonly string[]): string;
  /** "A, B and C" / "A, B y C". */
  list(items: readonly string[]): string;
  /** A language's name as the packet's reader says it ("Spanish", "español"). */
  languageName(code: string): string;
}

const cache = new Map<PacketLanguage, PacketText>();

export function packetText(language: PacketLanguage): PacketText {
  const cached = cache.get(language);
  if (cached) return cached;
  const catalogue = PACKET_CATALOGUES[language];
  const t: (key: PacketMessageKey, values?: Values) => string = sayer(catalogue, language);
  const dayFormat = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const listFormat = new Intl.ListFormat(language, { type: 'conjunction' });
  const modality = (code: string | null) => {
    if (!code) return t('modality.none');
    const key = `modality.${code.toUpperCase()}`;
    return key in catalogue ? t(key as PacketMessageKey) : code;
  };
  const text: PacketText = {
    language,
    t,
    date: (iso) => (language === 'en' ? formatDate(iso) : dayFormat.format(new Date(`${iso}T00:00:00Z`)).replace(/\./g, '')),
    type: (type) => t(`type.${type}`),
    specialty: (specialty) => t(`specialty.${specialty}`),
    modality,
    studyTitle(description, modalities) {
      if (description?.trim()) return description.trim();
      const imaging = modalities.filter((m) => !['SR', 'DOC', 'KO', 'PR'].includes(m.toUpperCase()));
      const kinds = [...new Set((imaging.length ? imaging : modalities).map(modality))];
      return kinds.length ? t('study.titled', { kinds: listFormat.format(kinds) }) : t('study.untitled');
    },
    list: (items) => listFormat.format(items),
    languageName: (code) => languageName(code, language),
  };
  cache.set(language, text);
  return text;
}
