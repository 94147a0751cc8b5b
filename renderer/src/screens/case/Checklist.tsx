import type { ChecklistItem } from '../../../../shared/case-types.ts';
import { CheckItems } from '../../components/CheckItems.tsx';

export function Checklist({ items }: { items: readonly ChecklistItem[] }) {
  const open = items.filter((i) => i.status !== 'met');
  return (
    <section className="checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">Ready to send?</h2>
      <p className="hint" role="status">
        {open.length === 0 ? 'Everything a specialist usually asks for is here.' : `${open.filter((i) => i.status === 'missing').length} missing, ${open.filter((i) => i.status === 'warning').length} to check.`}
      </p>
      <CheckItems items={items} />
    </section>
  );
}
