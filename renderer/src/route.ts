import { useCallback, useEffect, useState } from 'react';

/** Where the window is, kept in the address's #hash so a reload comes back to the same place. */
export type RecordTab = 'labs' | 'problems' | 'medications' | 'allergies' | 'timeline';
export const RECORD_TABS: readonly RecordTab[] = ['labs', 'problems', 'medications', 'allergies', 'timeline'];

export type Route =
  | { readonly name: 'library' }
  | { readonly name: 'document'; readonly id: number; readonly page?: number; readonly find?: string }
  /** Redacting a document for sending: boxes drawn, text found, identifiers suggested. */
  | { readonly name: 'redact'; readonly id: number }
  /** The patient's health record: labs across dates (one test's trend when `analyte` is set), problems, medications, allergies. */
  | { readonly name: 'record'; readonly tab: RecordTab; readonly analyte?: string }
  /** The patient's cases; one case. */
  | { readonly name: 'cases' }
  /** Every client with their open cases (an advocate's practice). */
  | { readonly name: 'practice' }
  | { readonly name: 'case'; readonly id: number }
  /** Preparing a case's bundle for a specialist. */
  | { readonly name: 'export'; readonly caseId: number }
  /** Documents in the trash, to restore or remove for good. */
  | { readonly name: 'trash' }
  /** The scan viewer on a study: one series (its first with images when not given), at one image (0-based; the middle when not given). */
  | { readonly name: 'viewer'; readonly studyId: number; readonly seriesId?: number; readonly image?: number };

function parseRoute(hash: string): Route {
  if (hash === '#/cases') return { name: 'cases' };
  if (hash === '#/trash') return { name: 'trash' };
  if (hash === '#/practice') return { name: 'practice' };
  const redact = /^#\/document\/(\d+)\/redact$/.exec(hash);
  if (redact) return { name: 'redact', id: Number(redact[1]) };
  const oneCase = /^#\/case\/(\d+)$/.exec(hash);
  if (oneCase) return { name: 'case', id: Number(oneCase[1]) };
  const exporting = /^#\/case\/(\d+)\/export$/.exec(hash);
  if (exporting) return { name: 'export', caseId: Number(exporting[1]) };
  const record = /^#\/record(?:\?(.*))?$/.exec(hash);
  if (record) {
    const params = new URLSearchParams(record[1] ?? '');
    const tab = RECORD_TABS.find((t) => t === params.get('tab')) ?? 'labs';
    const analyte = params.get('analyte') ?? undefined;
    return { name: 'record', tab, ...(analyte ? { analyte } : {}) };
  }
  const viewer = /^#\/study\/(\d+)\/viewer(?:\?(.*))?$/.exec(hash);
  if (viewer) {
    const params = new URLSearchParams(viewer[2] ?? '');
    const seriesId = Number(params.get('series'));
    const image = Number(params.get('image') ?? 'x');
    return {
      name: 'viewer',
      studyId: Number(viewer[1]),
      ...(Number.isInteger(seriesId) && seriesId > 0 ? { seriesId } : {}),
      ...(Number.isInteger(image) && image >= 0 ? { image } : {}),
    };
  }
  const match = /^#\/document\/(\d+)(?:\?(.*))?$/.exec(hash);
  if (!match) return { name: 'library' };
  const params = new URLSearchParams(match[2] ?? '');
  const page = Number(params.get('page'));
  const find = params.get('find') ?? undefined;
  return { name: 'document', id: Number(match[1]), ...(Number.isInteger(page) && page > 0 ? { page } : {}), ...(find ? { find } : {}) };
}

export function routeHash(route: Route): string {
  if (route.name === 'library') return '#/';
  if (route.name === 'cases') return '#/cases';
  if (route.name === 'trash') return '#/trash';
  if (route.name === 'practice') return '#/practice';
  if (route.name === 'case') return `#/case/${route.id}`;
  if (route.name === 'redact') return `#/document/${route.id}/redact`;
  if (route.name === 'export') return `#/case/${route.caseId}/export`;
  if (route.name === 'viewer') {
    const params = new URLSearchParams({ ...(route.seriesId ? { series: String(route.seriesId) } : {}), ...(route.image !== undefined ? { image: String(route.image) } : {}) });
    const query = params.toString();
    return `#/study/${route.studyId}/viewer${query ? `?${query}` : ''}`;
  }
  if (route.name === 'record') {
    const params = new URLSearchParams({ tab: route.tab, ...(route.analyte ? { analyte: route.analyte } : {}) });
    return `#/record?${params.toString()}`;
  }
  const params = new URLSearchParams();
  if (route.page) params.set('page', String(route.page));
  if (route.find) params.set('find', route.find);
  const query = params.toString();
  return `#/document/${route.id}${query ? `?${query}` : ''}`;
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
  }, []);
  return [route, navigate];
}
