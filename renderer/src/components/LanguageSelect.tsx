import { COMMON_LANGUAGES, languageLabel } from '../../../shared/languages.ts';

/** A choice of language, each named in itself and in English ("español (Spanish)"); "" is "not said" when allowed. */
export function LanguageSelect(props: { id: string; value: string; onChange: (code: string) => void; notSaid?: string }) {
  const { id, value, onChange, notSaid } = props;
  const codes: readonly string[] = COMMON_LANGUAGES.includes(value as never) || !value ? COMMON_LANGUAGES : [value, ...COMMON_LANGUAGES];
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {notSaid !== undefined && <option value="">{notSaid}</option>}
      {codes.map((code) => (
        <option key={code} value={code} lang={code}>
          {languageLabel(code)}
        </option>
      ))}
    </select>
  );
}
