import { useEffect, useRef, useState } from 'react';
import { OCR_LANGUAGES } from '../../../shared/ocr-languages.ts';
import type { OcrLanguage } from '../../../shared/ocr-languages.ts';
import { invoke, messageOf } from '../api.ts';
import { applyTheme, savedTheme, THEMES } from '../theme.ts';
import type { Theme } from '../theme.ts';
import './SettingsDialog.css';

const THEME_LABELS: Readonly<Record<Theme, string>> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

/** The window's look: light, dark, or as the system is (applied at once). */
function Appearance() {
  const [theme, setTheme] = useState<Theme>(savedTheme);
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  return (
    <fieldset>
      <legend>Appearance</legend>
      {THEMES.map((t) => (
        <label key={t} className="check">
          <input
            type="radio"
            name="theme"
            checked={theme === t}
            onChange={() => {
              setTheme(t);
              applyTheme(t);
            }}
          />
          <span>
            {THEME_LABELS[t]}
            {t === 'system' && <span className="hint"> (now {systemDark ? 'dark' : 'light'})</span>}
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
      setMessage('Saved. Pages read from now on are read in these languages.');
    } catch (e) {
      setError(messageOf(e));
    }
  }
  async function readAgain() {
    setError(null);
    try {
      const status = await invoke('ocr:read-again', undefined);
      setMessage(`${status.waiting.toLocaleString()} scanned page(s) will be read again, in the background.`);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <dialog ref={ref} className="modal settings" aria-labelledby="settings-title" onClose={onClose} onCancel={onClose}>
      <h2 id="settings-title">Settings</h2>
      <Appearance />
      <fieldset>
        <legend>Languages of scanned pages and photos</legend>
        <p className="hint">OCR reads the text of scans in these languages. Choose every language your records are written in; each one more makes reading a little slower.</p>
        {OCR_LANGUAGES.map((l) => (
          <label key={l.code} className="check">
            <input
              type="checkbox"
              checked={chosen?.includes(l.code) ?? false}
              disabled={chosen === null}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...(c ?? []), l.code] : (c ?? []).filter((x) => x !== l.code)))}
            />
            {l.name}
          </label>
        ))}
        <div className="panel-actions">
          <button type="button" className="primary" onClick={() => void save()} disabled={!changed || !chosen?.length}>
            Save languages
          </button>
          <button type="button" onClick={() => void readAgain()} disabled={changed}>
            Read all scanned pages again
          </button>
        </div>
        {chosen?.length === 0 && <p className="form-error">Choose at least one language.</p>}
      </fieldset>
      {message && <p role="status">{message}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {libraryDir && (
        <p className="hint">
          Your library is in <span className="mono">{libraryDir}</span>. Everything stays on this computer.
        </p>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
