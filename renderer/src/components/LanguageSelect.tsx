import { COMMON_LANGUAGES, languageLabel } from '../../../shared/languages.ts';
import { useT } from '../i18n/index.ts';

/** A choice of language, each named in itself and in the window's language ("Español (Spanish)", "Français (francés)"); "" is "not said" when allowed. */
export function LanguageSelect(props: { id: string; value: string; onChange: (code: string) => void; notSaid?: string; describedBy?: string }) {
  const { id, value, onChange, notSaid, describedBy } = props;
  const { language } = useT();
  const codes: readonly string[] = COMMON_LANGUAGES.includes(value as never) || !value ? COMMON_LANGUAGES : [value, ...COMMON_LANGUAGES];
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}>
      {notSaid !== undefined && <option value="">{notSaid}</option>}
      {codes.map((code) => (
        <option key={code} value={code} lang={code}>
          {languageLabel(code, language)}
        </option>
      ))}
    </select>
  );
}
