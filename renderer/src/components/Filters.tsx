import { useId } from 'react';
import { DOCUMENT_TYPES } from '../../../shared/document-types.ts';
import type { DocumentType } from '../../../shared/document-types.ts';
import { typeLabel } from '../format.ts';
import { useT } from '../i18n/index.ts';
import './Filters.css';

export interface FilterState {
  readonly types: readonly DocumentType[];
  readonly from: string;
  readonly to: string;
  readonly facility: string;
  readonly tag: string;
}

export const NO_FILTERS: FilterState = { types: [], from: '', to: '', facility: '', tag: '' };

export function isFiltered(f: FilterState): boolean {
  return f.types.length > 0 || !!f.from || !!f.to || !!f.facility.trim() || !!f.tag.trim();
}

/** Narrow the list by kind of document, date of service, facility and tag. */
export function Filters({ value, onChange, facilities, tags }: { value: FilterState; onChange: (f: FilterState) => void; facilities: readonly string[]; tags: readonly string[] }) {
  const id = useId();
  const { t } = useT();
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
      {isFiltered(value) && (
        <button type="button" className="link" onClick={() => onChange(NO_FILTERS)}>
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
}
