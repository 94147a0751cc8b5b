import type { ChecklistStatus } from '../../../shared/case-types.ts';
import { useT } from '../i18n/index.ts';
import './CheckItems.css';

/** Items of the completeness check, each with its mark and, where something is open, whom to ask. */
export function CheckItems({ items }: { items: readonly { readonly status: ChecklistStatus; readonly message: string; readonly ask: string | null }[] }) {
  const { t } = useT();
  return (
    <ul>
      {items.map((item, i) => (
        <li key={`${item.message}-${i}`} className={`check check-${item.status}`}>
          <span className="check-mark" aria-hidden="true">
            {item.status === 'met' ? '✓' : item.status === 'missing' ? '✗' : '!'}
          </span>
          <div>
            <span className="visually-hidden">{t('check.status', { status: item.status })} </span>
            {item.message}
            {item.ask && item.status !== 'met' && <small>{item.ask}</small>}
          </div>
        </li>
      ))}
    </ul>
  );
}
