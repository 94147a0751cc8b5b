import { useId } from 'react';
import { DOCUMENT_TYPES } from '../../../shared/document-types.ts';
import type { DocumentType } from '../../../shared/document-types.ts';
import { languageLabel } from '../../../shared/languages.ts';
import { typeLabel } from '../format.ts';
import { useT } from '../i18n/index.ts';
import './Filters.css';

export interface FilterState {
  readonly types: readonly DocumentType[];
  readonly from: string;
  readonly to: string;
  readonly facility: string;
  readonly tag: string;
  /** Written (wholly or partly) in this language (BCP 47); '' for any. */
  readonly language: string;
}

export const NO_FILTERS: FilterState = { types: [], from: '', to: '', facility: '', tag: '', language: '' };

export function isFiltered(f: FilterState): boolean {
  return f.types.length > 0 || !!f.from || !!f.to || !!f.facility.trim() || !!f.tag.trim() || !!f.language;
}

/** Narrow the list by kind of document, date of service, facility, tag and the language it is written in. */
export function Filters(props: { value: FilterState; onChange: (f: FilterState) => void; facilities: readonly string[]; tags: readonly string[]; languages: readonly string[] }) {
  const { value, onChange, facilities, tags } = props;
  const id = useId();
  const { t, language: windowLanguage } = useT();
  // The languages of the documents shown, and the one chosen even when none shown is in it any more.
  const languages = value.language && !props.languages.includes(value.language) ? [value.language, ...props.languages] : props.languages;
  const toggle = (type: DocumentType) =>
    onChange({ ...value, types: value.types.includes(type) ? value.types.filter((other) => other !== type) : [...value.types, type] });
  return (
    <div className="filters">
      <h2 className="filters-title">{t('filters.title')}</h2>
      <fieldset>
        <legend>{t('filters.kind')}</legend>
        {DOCUMENT_TYPES.map((type) => (
          <label key={type} className="check">
            <input type="checkbox" checked={value.types.includes(type)} onChange={() => toggle(type)} />
            {typeLabel(type)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('filters.date')}</legend>
        <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
        <input id={`${id}-from`} type="date" value={value.from} onChange={(e) => onChange({ ...value, from: e.target.value })} />
        <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
        <input id={`${id}-to`} type="date" value={value.to} onChange={(e) => onChange({ ...value, to: e.target.value })} />
      </fieldset>
      <label htmlFor={`${id}-facility`}>{t('filters.facility')}</label>
      <input id={`${id}-facility`} list={`${id}-facilities`} value={value.facility} onChange={(e) => onChange({ ...value, facility: e.target.value })} />
      <datalist id={`${id}-facilities`}>
        {facilities.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <label htmlFor={`${id}-tag`}>{t('filters.tag')}</label>
      <input id={`${id}-tag`} list={`${id}-tags`} value={value.tag} onChange={(e) => onChange({ ...value, tag: e.target.value })} />
      <datalist id={`${id}-tags`}>
        {tags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      {languages.length > 0 && (
        <>
          <label htmlFor={`${id}-language`}>{t('filters.language')}</label>
          <select id={`${id}-language`} value={value.language} onChange={(e) => onChange({ ...value, language: e.target.value })}>
            <option value="">{t('filters.anyLanguage')}</option>
            {languages.map((code) => (
              <option key={code} value={code} lang={code}>
                {languageLabel(code, windowLanguage)}
              </option>
            ))}
          </select>
        </>
      )}
      {isFiltered(value) && (
        <button type="button" className="link" onClick={() => onChange(NO_FILTERS)}>
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
}
