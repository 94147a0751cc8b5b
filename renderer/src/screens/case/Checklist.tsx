import type { ChecklistItem } from '../../../../shared/case-types.ts';
import { CheckItems } from '../../components/CheckItems.tsx';
import { useT } from '../../i18n/index.ts';

export function Checklist({ items }: { items: readonly ChecklistItem[] }) {
  const open = items.filter((i) => i.status !== 'met');
  const { t } = useT();
  return (
    <section className="checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('checklist.title')}</h2>
      <p className="hint" role="status">
        {open.length === 0 ? t('checklist.complete') : t('checklist.open', { missing: open.filter((i) => i.status === 'missing').length, check: open.filter((i) => i.status === 'warning').length })}
      </p>
      <CheckItems items={items} />
    </section>
  );
}
