import { useState } from 'react';
import type { CaseDetails } from '../../../../shared/case-types.ts';
import { invoke, messageOf } from '../../api.ts';
import { useT } from '../../i18n/index.ts';

export function Priorities({ details, onError }: { details: CaseDetails; onError: (m: string) => void }) {
  const [text, setText] = useState('');
  const { t } = useT();
  const save = (priorities: string[]) => void invoke('cases:update', details.id, { priorities }).catch((e: unknown) => onError(messageOf(e)));
  return (
    <div className="priorities">
      <h3>{t('priorities.title')}</h3>
      <ul>
        {details.priorities.map((p, i) => (
          <li key={`${p}-${i}`}>
            {p}{' '}
            <button type="button" className="small" onClick={() => save(details.priorities.filter((_, j) => j !== i))} aria-label={t('priorities.remove', { text: p })}>
              {t('record.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) {
            save([...details.priorities, text.trim()]);
            setText('');
          }
        }}
      >
        <input aria-label={t('priorities.label')} placeholder={t('priorities.example')} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('questions.add')}</button>
      </form>
    </div>
  );
}
