import { COMMON_LANGUAGES, languageLabel, languageName } from '../../../shared/languages.ts';
import { useT } from '../i18n/index.ts';

/** A choice of language, each named in itself and in the window's language ("Español (Spanish)", "Français (francés)"); "" is "not said" when allowed. */
export function LanguageSelect(props: { id: string; value: string; onChange: (code: string) => void; notSaid?: string; describedBy?: string; omit?: readonly string[] }) {
  const { id, value, onChange, notSaid, describedBy, omit = [] } = props;
  const { language } = useT();
  const listed: readonly string[] = COMMON_LANGUAGES.includes(value as never) || !value ? COMMON_LANGUAGES : [value, ...COMMON_LANGUAGES];
  const codes = listed.filter((code) => !omit.includes(code));
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

/**
 * Several languages, the main one first: each named, with a button that takes it away, and a choice that adds
 * one at the end. `min` languages always stay (a specialist's centre reads at least one); `none` says what an
 * empty list means (a document whose text names no language).
 */
export function LanguagesPicker(props: { id: string; value: readonly string[]; onChange: (codes: string[]) => void; labelledBy: string; min?: number; none?: string; describedBy?: string }) {
  const { id, value, onChange, labelledBy, min = 0, none, describedBy } = props;
  const { t, language } = useT();
  return (
    <div className="languages-picker" role="group" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {value.length > 0 ? (
        <ul>
          {value.map((code) => (
            <li key={code} className="chip">
              <span lang={code}>{languageLabel(code, language)}</span>
              {value.length > min && (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('languages.remove', { language: languageName(code, language) })}
                  onClick={() => {
                    onChange(value.filter((c) => c !== code));
                    // The button goes with its language: the keyboard stays in the picker, on its choice.
                    document.getElementById(id)?.focus();
                  }}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{none}</p>
      )}
      <LanguageSelect id={id} value="" onChange={(code) => code && onChange([...value, code])} notSaid={t('languages.add')} omit={value} />
    </div>
  );
}
