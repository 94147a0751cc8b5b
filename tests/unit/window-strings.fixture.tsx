// A component as the window-strings test reads it: five strings of its own, the rest from the catalogue.
import { useT } from '../../renderer/src/i18n/index.ts';

export function Sample({ name, busy }: { name: string; busy: boolean }) {
  const { t } = useT();
  return (
    <div aria-label={t('library.documents')}>
      <button type="button">Import files…</button>
      <input placeholder="Search records" title={t('library.search', { name })} />
      <input placeholder={busy ? name : 'Find a patient'} />
      <a href="#/" aria-label={`Open ${name}`}>
        {t('library.trash')} · {name} — ✓
      </a>
      {busy ? 'Unlocking…' : t('library.loading')}
      {name === 'Mohammad Rezaei' && t('library.documents')}
    </div>
  );
}
