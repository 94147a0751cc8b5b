import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentFilters, Patient, SearchHit } from '../../../shared/library-types.ts';
import type { DocumentSummary } from '../../../shared/ipc-contract.ts';
import { invoke, messageOf, on } from '../api.ts';
import { preference, setPreference } from '../cache.ts';
import { ComposeDialog } from '../components/ComposeDialog.tsx';
import { BulkActions } from '../components/BulkActions.tsx';
import { DocumentList } from '../components/DocumentList.tsx';
import type { SelectGesture } from '../components/DocumentList.tsx';
import { OcrStatus } from '../components/OcrStatus.tsx';
import { SettingsDialog } from '../components/SettingsDialog.tsx';
import { openPrivacy } from '../Lock.tsx';
import { Filters, isFiltered, NO_FILTERS } from '../components/Filters.tsx';
import type { FilterState } from '../components/Filters.tsx';
import { PatientSwitcher } from '../components/PatientSwitcher.tsx';
import { SearchResults } from '../components/SearchResults.tsx';
import type { Imports } from '../imports.ts';
import { routeHash } from '../route.ts';
import type { Route } from '../route.ts';
import { CaseDrop } from '../components/CaseDrop.tsx';
import { useT } from '../i18n/index.ts';
import './LibraryScreen.css';

interface Props {
  readonly patient: Patient;
  readonly patients: readonly Patient[];
  readonly onSelectPatient: (id: number) => void;
  readonly onAddPatient: () => void;
  /** Opens the patient's details (correct them, merge two records of one person). */
  readonly onEditPatient: () => void;
  readonly libraryVersion: number;
  readonly imports: Imports;
  readonly navigate: (route: Route) => void;
  /** A correction done here (a move, the trash), said with Undo. */
  readonly onCorrected: (message: string) => void;
  readonly onError: (message: string) => void;
}

function toFilters(patientId: number, f: FilterState): DocumentFilters {
  return {
    patientId,
    ...(f.types.length ? { types: [...f.types] } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.facility.trim() ? { facility: f.facility.trim() } : {}),
    ...(f.tag.trim() ? { tag: f.tag.trim() } : {}),
    ...(f.language ? { language: f.language } : {}),
  };
}

/** The patient's documents (or search results), filters, and the way in for new records. */
export function LibraryScreen({ patient, patients, onSelectPatient, onAddPatient, onEditPatient, libraryVersion, imports, navigate, onCorrected, onError }: Props) {
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ query: string; hits: SearchHit[] | null; startedAt: number }>({ query: '', hits: null, startedAt: 0 });
  const [refresh, setRefresh] = useState(0);
  const [dialog, setDialog] = useState<'settings' | 'compose' | null>(null);
  const { t, rich } = useT();
  const searchBox = useRef<HTMLInputElement>(null);
  // When the last keystroke happened: how long results take is measured from here.
  const typedAt = useRef(0);
  // Documents chosen for an action on many at once, and the row a Shift-click runs from.
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const anchor = useRef<number | null>(null);

  useEffect(() => {
    // What is chosen stays chosen only while it is listed (a filter, a move, the trash take it away).
    setSelected((chosen) => {
      const listed = new Set((documents ?? []).map((d) => d.id));
      const kept = [...chosen].filter((id) => listed.has(id));
      return kept.length === chosen.size ? chosen : new Set(kept);
    });
  }, [documents]);

  useEffect(() => {
    setSelected(new Set());
    anchor.current = null;
  }, [patient.id]);

  const onSelect = useCallback(
    (index: number, gesture: SelectGesture) => {
      if (!documents) return;
      setSelected((chosen) => {
        const next = new Set(chosen);
        const from = anchor.current;
        if (gesture === 'range' && from !== null) {
          for (let i = Math.min(from, index); i <= Math.max(from, index); i++) next.add(documents[i]!.id);
        } else {
          const id = documents[index]!.id;
          if (!next.delete(id)) next.add(id);
        }
        return next;
      });
      anchor.current = index;
    },
    [documents],
  );
  const selection = useMemo(() => ({ selected, onSelect }), [selected, onSelect]);

  useEffect(() => {
    // Filters kept before a filter was added have none of it.
    void preference<Partial<FilterState>>(`filters:${patient.id}`, NO_FILTERS).then((kept) => setFilters({ ...NO_FILTERS, ...kept }));
  }, [patient.id]);

  const changeFilters = (next: FilterState) => {
    setFilters(next);
    void setPreference(`filters:${patient.id}`, next);
  };

  const contract = useMemo(() => toFilters(patient.id, filters), [patient.id, filters]);

  useEffect(() => {
    let live = true;
    invoke('documents:list', contract).then(
      (list) => {
        if (!live) return;
        performance.mark('casebinder:library-data');
        setDocuments(list);
      },
      (e: unknown) => onError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [contract, libraryVersion, refresh, onError]);

  // While an import runs, new documents appear as they come in (at most once a second).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = on('job:progress', (event) => {
      if (event.kind !== 'import' || event.progress.outcome?.status !== 'imported' || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        setRefresh((n) => n + 1);
      }, 1000);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, []);

  // Search as you type: every keystroke asks; answers to older keystrokes are dropped.
  const searching = query.trim().length >= 2;
  useEffect(() => {
    if (!searching) return;
    const startedAt = typedAt.current || performance.now();
    let live = true;
    setHits((h) => ({ ...h, startedAt }));
    invoke('search', query, contract, 50).then(
      (found) => {
        if (live) setHits({ query, hits: found, startedAt });
      },
      (e: unknown) => live && onError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [query, searching, contract, libraryVersion, onError]);

  useEffect(() => {
    const focus = () => searchBox.current?.focus();
    window.addEventListener('casebinder:find', focus);
    return () => window.removeEventListener('casebinder:find', focus);
  }, []);

  const facilities = useMemo(() => [...new Set((documents ?? []).map((d) => d.facility ?? d.suggested.facility).filter((f): f is string => !!f))].sort(), [documents]);
  const tags = useMemo(() => [...new Set((documents ?? []).flatMap((d) => d.tags))].sort(), [documents]);
  const languages = useMemo(() => [...new Set((documents ?? []).flatMap((d) => d.languages ?? []))].sort(), [documents]);
  const photos = useMemo(() => (documents ?? []).filter((d) => d.kind === 'file' && d.mediaType.startsWith('image/')).length, [documents]);
  const importing = imports.state !== null && imports.state.status !== 'finished' && imports.state.status !== 'cancelled' && imports.state.status !== 'failed';

  return (
    <div className="library">
      <header className="app-header">
        <span className="brand" aria-hidden="true">
          {t('app.name')}
        </span>
        <PatientSwitcher patients={patients} patientId={patient.id} onSelect={onSelectPatient} onAdd={onAddPatient} onPractice={() => navigate({ name: 'practice' })} />
        <button type="button" className="link" onClick={onEditPatient}>
          {t('library.patientDetails')}
        </button>
        <div className="search-box" role="search">
          <label htmlFor="search-input" className="visually-hidden">
            {t('library.search', { name: patient.name })}
          </label>
          <input
            id="search-input"
            ref={searchBox}
            type="search"
            placeholder={t('library.search', { name: patient.name })}
            value={query}
            onChange={(e) => {
              typedAt.current = performance.now();
              setQuery(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setQuery('');
            }}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="import-buttons">
          <button type="button" onClick={() => void imports.choose('files', patient).catch((e: unknown) => onError(messageOf(e)))} disabled={importing}>
            {t('library.importFiles')}
          </button>
          <button type="button" onClick={() => void imports.choose('folder', patient).catch((e: unknown) => onError(messageOf(e)))} disabled={importing}>
            {t('library.importFolder')}
          </button>
          <a className="button" href={routeHash({ name: 'cases' })}>
            {t('library.cases')}
          </a>
          <a className="button" href={routeHash({ name: 'record', tab: 'labs' })}>
            {t('library.healthRecord')}
          </a>
          <button type="button" onClick={() => setDialog('settings')}>
            {t('library.settings')}
          </button>
          <button type="button" onClick={openPrivacy}>
            {t('library.privacy')}
          </button>
        </div>
      </header>
      <div className="library-body">
        <aside className="filters-pane" aria-label={t('library.filters')}>
          {/* Nothing to narrow in an empty library: its filters come with its first documents. */}
          {!(documents !== null && documents.length === 0 && !searching && !isFiltered(filters)) && <Filters value={filters} onChange={changeFilters} facilities={facilities} tags={tags} languages={languages} />}
          <p className="trash-link">
            <a href={routeHash({ name: 'trash' })}>{t('library.trash')}</a>
          </p>
        </aside>
        <main className="documents" aria-label={searching ? t('library.searchResults') : t('library.documents')}>
          <OcrStatus libraryVersion={libraryVersion} onError={onError} />
          <CaseDrop patientId={patient.id} libraryVersion={libraryVersion} onError={onError} />
          {searching ? (
            <SearchResults query={hits.query || query} hits={hits.query === query ? hits.hits : null} startedAt={hits.startedAt} />
          ) : documents === null ? (
            <p className="empty" role="status">
              {t('library.loading')}
            </p>
          ) : documents.length === 0 ? (
            <div className="empty">
              {isFiltered(filters) ? (
                <p>{t('library.noMatch')}</p>
              ) : (
                <>
                  <h2>{t('library.emptyTitle', { name: patient.name })}</h2>
                  <p>{t('library.emptyText')}</p>
                  <div className="empty-actions">
                    <button type="button" className="primary" onClick={() => void imports.choose('folder', patient).catch((e: unknown) => onError(messageOf(e)))} disabled={importing}>
                      {t('library.importFolderOfRecords')}
                    </button>
                    <button type="button" onClick={() => void imports.choose('files', patient).catch((e: unknown) => onError(messageOf(e)))} disabled={importing}>
                      {t('library.chooseFiles')}
                    </button>
                  </div>
                </>
              )}
            </div>
          ) : (
            <>
              <p className="list-summary">
                {rich('library.summary', { count: documents.length, filtered: isFiltered(filters) ? 'yes' : 'no', i: (chunks) => <span className="suggested">{chunks}</span> })}
                {photos >= 2 && (
                  <>
                    {' '}
                    <button type="button" className="link" onClick={() => setDialog('compose')}>
                      {t('library.compose')}
                    </button>
                  </>
                )}
              </p>
              <BulkActions
                patient={patient}
                patients={patients}
                documents={documents}
                selected={selected}
                onSelected={setSelected}
                libraryVersion={libraryVersion}
                onCorrected={onCorrected}
                onError={onError}
              />
              <DocumentList documents={documents} selection={selection} />
            </>
          )}
        </main>
      </div>
      {dialog === 'settings' && <SettingsDialog onClose={() => setDialog(null)} />}
      {dialog === 'compose' && (
        <ComposeDialog
          patientId={patient.id}
          initial={[]}
          onClose={() => setDialog(null)}
          onMade={(made) => {
            setDialog(null);
            navigate({ name: 'document', id: made.id });
          }}
        />
      )}
    </div>
  );
}
