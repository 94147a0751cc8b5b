import { useLayoutEffect } from 'react';
import type { SearchHit } from '../../../shared/library-types.ts';
import { formatDate, typeLabel } from '../format.ts';
import { useT } from '../i18n/index.ts';
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
  const { t } = useT();

  if (hits === null) return <p className="empty" role="status">{t('search.searching')}</p>;
  if (hits.length === 0) {
    return (
      <p className="empty" role="status">
        {t('search.nothing', { query })}
      </p>
    );
  }
  return (
    <div className="search-results">
      <p className="result-count" role="status">
        {t('search.count', { count: hits.length, query })}
      </p>
      <ol className="hits">
        {hits.map((hit) => (
          <li key={hit.id}>
            <a className="hit" href={routeHash({ name: 'document', id: hit.id, page: hit.page, find: query })} {...dragDocument(hit.id)}>
              <span className="hit-title">{hit.title}</span>
              <span className="hit-meta">
                {typeLabel(hit.type)}
                {hit.dateOfService ? ' · ' + formatDate(hit.dateOfService) : ''}
                {hit.facility ? ' · ' + hit.facility : ''} · {t('search.page', { page: hit.page, others: hit.otherPages.length })}
              </span>
              <Snippet text={hit.snippet} />
            </a>
          </li>
        ))}
      </ol>
    </div>
  );
}
