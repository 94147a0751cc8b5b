import type { ReactNode } from 'react';

export type CaseGroupId = 'decision' | 'records' | 'opinions' | 'timeline';

/**
 * One group of a case's sections, opened and closed by its heading (kept per case), so a case reads as a
 * page or two at a time instead of nine screens. Closed, its heading still says what it holds.
 */
export function CaseGroup({ id, title, summary, open, onToggle, children }: { id: CaseGroupId; title: string; summary: string; open: boolean; onToggle: (id: CaseGroupId, open: boolean) => void; children: ReactNode }) {
  return (
    <details className="case-group" id={`case-group-${id}`} open={open} onToggle={(e) => {
        // The element also says "toggle" when it is first drawn open: only a change from what it was told counts.
        if (e.currentTarget.open !== open) onToggle(id, e.currentTarget.open);
      }}>
      <summary>
        <span className="case-group-title">{title}</span>
        <span className="case-group-summary">{summary}</span>
      </summary>
      <div className="case-group-body">{children}</div>
    </details>
  );
}
