import { useState } from 'react';
import type { CaseDetails } from '../../../../shared/case-types.ts';
import { invoke, messageOf } from '../../api.ts';

export function Priorities({ details, onError }: { details: CaseDetails; onError: (m: string) => void }) {
  const [text, setText] = useState('');
  const save = (priorities: string[]) => void invoke('cases:update', details.id, { priorities }).catch((e: unknown) => onError(messageOf(e)));
  return (
    <div className="priorities">
      <h3>What matters most to the patient</h3>
      <ul>
        {details.priorities.map((p, i) => (
          <li key={`${p}-${i}`}>
            {p}{' '}
            <button type="button" className="small" onClick={() => save(details.priorities.filter((_, j) => j !== i))} aria-label={`Remove “${p}”`}>
              Remove
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
        <input aria-label="What matters most" placeholder="e.g. avoid surgery if possible; return to work by spring" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Add</button>
      </form>
    </div>
  );
}
