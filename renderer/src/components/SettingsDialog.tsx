import { useEffect, useRef, useState } from 'react';
import { OCR_LANGUAGES } from '../../../shared/ocr-languages.ts';
import type { OcrLanguage } from '../../../shared/ocr-languages.ts';
import { invoke, messageOf } from '../api.ts';
import { applyTheme, savedTheme, THEMES } from '../theme.ts';
import type { Theme } from '../theme.ts';
import { applyLanguage, savedLanguage, systemLanguage, useT, WINDOW_LANGUAGES } from '../i18n/index.ts';
import type { LanguageChoice } from '../i18n/index.ts';
import { languageLabel, languageName } from '../../../shared/languages.ts';
import './SettingsDialog.css';

/** The window's language: as the system is (the default), or one of the window's languages, applied at once. */
function Language() {
  const { t } = useT();
  const [choice, setChoice] = useState<LanguageChoice>(savedLanguage);
  const system = systemLanguage();
  const choices: readonly LanguageChoice[] = ['system', ...WINDOW_LANGUAGES];
  return (
    <fieldset>
      <legend>{t('settings.language')}</legend>
      <p className="hint">{t('settings.languageHint')}</p>
      {choices.map((c) => (
        <label key={c} className="check" lang={c === 'system' ? undefined : c}>
          <input
            type="radio"
            name="language"
            checked={choice === c}
            onChange={() => {
              setChoice(c);
              applyLanguage(c);
            }}
          />
          <span>{c === 'system' ? t('settings.followSystem', { language: languageName(system, system) }) : languageLabel(c)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The window's look: light, dark, or as the system is (applied at once). */
function Appearance() {
  const { t } = useT();
  const [theme, setTheme] = useState<Theme>(savedTheme);
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  return (
    <fieldset>
      <legend>{t('settings.appearance')}</legend>
      {THEMES.map((th) => (
        <label key={th} className="check">
          <input
            type="radio"
            name="theme"
            checked={theme === th}
            onChange={() => {
              setTheme(th);
              applyTheme(th);
            }}
          />
          <span>
            {t('settings.theme', { theme: th })}
            {th === 'system' && <span className="hint"> {t('settings.now', { dark: systemDark ? 'yes' : 'no' })}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The library's settings: which languages scanned pages are read in; and the window's look. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [chosen, setChosen] = useState<OcrLanguage[] | null>(null);
  const [saved, setSaved] = useState<OcrLanguage[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [libraryDir, setLibraryDir] = useState('');
  const { t, rich, language } = useT();

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);
  useEffect(() => {
    void invoke('ocr:status').then((s) => {
      setChosen([...s.languages]);
      setSaved([...s.languages]);
    });
    void invoke('app:info').then((info) => setLibraryDir(info.libraryDir));
  }, []);

  const changed = chosen !== null && chosen.join('+') !== saved.join('+');
  async function save() {
    setError(null);
    try {
      const status = await invoke('settings:ocr-languages', chosen!);
      setSaved([...status.languages]);
      setMessage(t('settings.saved'));
    } catch (e) {
      setError(messageOf(e));
    }
  }
  async function readAgain() {
    setError(null);
    try {
      const status = await invoke('ocr:read-again', undefined);
      setMessage(t('settings.willReadAgain', { count: status.waiting }));
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <dialog ref={ref} className="modal settings" aria-labelledby="settings-title" onClose={onClose} onCancel={onClose}>
      <h2 id="settings-title">{t('settings.title')}</h2>
      <Language />
      <Appearance />
      <fieldset>
        <legend>{t('settings.ocrLanguages')}</legend>
        <p className="hint">{t('settings.ocrHint')}</p>
        {OCR_LANGUAGES.map((l) => (
          <label key={l.code} className="check">
            <input
              type="checkbox"
              checked={chosen?.includes(l.code) ?? false}
              disabled={chosen === null}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...(c ?? []), l.code] : (c ?? []).filter((x) => x !== l.code)))}
            />
            {language === 'en' ? l.name : languageLabel(l.code, language)}
          </label>
        ))}
        <div className="panel-actions">
          <button type="button" className="primary" onClick={() => void save()} disabled={!changed || !chosen?.length}>
            {t('settings.saveLanguages')}
          </button>
          <button type="button" onClick={() => void readAgain()} disabled={changed}>
            {t('settings.readAgain')}
          </button>
        </div>
        {chosen?.length === 0 && <p className="form-error">{t('settings.chooseOne')}</p>}
      </fieldset>
      {message && <p role="status">{message}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {libraryDir && (
        <p className="hint">{rich('settings.libraryIn', { path: <span className="mono">{libraryDir}</span> })}</p>
      )}
      <button type="button" onClick={onClose}>
        {t('common.close')}
      </button>
    </dialog>
  );
}
