import { useLayoutEffect } from 'react';
import type { SearchHit } from '../../../shared/library-types.ts';
import { formatDate, plural, typeLabel } from '../format.ts';
import { routeHash } from '../route.ts';
import { Snippet } from './Snippet.tsx';
import { dragDocument } from './CaseDrop.tsx';
import './SearchResults.css';

/** Search results, one per document, each opening the document at its best page. */
export function SearchResults({ query, hits, startedAt }: { query: string; hits: readonly SearchHit[] | null; startedAt: number }) {
  useLayoutEffect(() => {
    if (hits === null) return;
    // For the bench: from the keystroke to results on screen.
    requestAnimationFrame(() => performance.measure('casebinder:search', { start: startedAt, end: performance.now() }));
  }, [hits, startedAt]);

  if (hits === null) return <p className="empty" role="status">Searching…</p>;
  if (hits.length === 0) {
    return (
      <p className="empty" role="status">
        Nothing found for “{query}”. Try fewer words, or check the spelling; scanned pages can be searched once their text has been read.
      </p>
    );
  }
  return (
    <div className="search-results">
      <p className="result-count" role="status">
        {plural(hits.length, 'document')} {hits.length === 1 ? 'matches' : 'match'} “{query}”
      </p>
      <ol className="hits">
        {hits.map((hit) => (
          <li key={hit.id}>
            <a className="hit" href={routeHash({ name: 'document', id: hit.id, page: hit.page, find: query })} {...dragDocument(hit.id)}>
              <span className="hit-title">{hit.title}</span>
              <span className="hit-meta">
                {typeLabel(hit.type)}
                {hit.dateOfService ? ` · ${formatDate(hit.dateOfService)}` : ''}
                {hit.facility ? ` · ${hit.facility}` : ''} · page {hit.page}
                {hit.otherPages.length ? ` (also ${plural(hit.otherPages.length, 'other page')})` : ''}
              </span>
              <Snippet text={hit.snippet} />
            </a>
          </li>
        ))}
      </ol>
    </div>
  );
}
