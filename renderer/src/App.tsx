import { useCallback, useEffect, useState } from 'react';
import type { Patient } from '../../shared/library-types.ts';
import { invoke, messageOf, on } from './api.ts';
import { preference, setPreference } from './cache.ts';
import { AddPatientDialog } from './components/AddPatientDialog.tsx';
import { PatientDialog } from './components/PatientDialog.tsx';
import { UndoToast } from './components/UndoToast.tsx';
import { DropImport } from './components/DropImport.tsx';
import { ImportPanel } from './components/ImportPanel.tsx';
import { useImports } from './imports.ts';
import { useRoute } from './route.ts';
import type { Route } from './route.ts';
import { DocumentScreen } from './screens/DocumentScreen.tsx';
import { HealthRecordScreen } from './screens/HealthRecordScreen.tsx';
import { CaseScreen } from './screens/case/CaseScreen.tsx';
import { CasesScreen } from './screens/CasesScreen.tsx';
import { ExportScreen } from './screens/export/ExportScreen.tsx';
import { LibraryScreen } from './screens/LibraryScreen.tsx';
import { TrashScreen } from './screens/TrashScreen.tsx';
import { PracticeScreen } from './screens/PracticeScreen.tsx';
import { useViewerModule } from './viewer/load.ts';
import { Welcome } from './screens/Welcome.tsx';
import { RedactScreen } from './screens/RedactScreen.tsx';
import { savedLanguage, useT } from './i18n/index.ts';

/** The window: first-run welcome, the library, or one document; imports and errors float above. */
export function App() {
  const [patients, setPatients] = useState<Patient[] | null>(null);
  const [patientId, setPatientId] = useState<number | null>(null);
  const [libraryVersion, setLibraryVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [addingPatient, setAddingPatient] = useState(false);
  const [editingPatient, setEditingPatient] = useState(false);
  /** What a correction just did, with Undo. */
  const [corrected, setCorrected] = useState<string | null>(null);
  const [route, navigate] = useRoute();
  const imports = useImports();
  const { t, language } = useT();
  // The desktop speaks the window's language too: its menu now, and Chromium's own fields from the next start.
  const chosen = savedLanguage() !== 'system';
  useEffect(() => {
    void invoke('shell:window-language', language, chosen).catch(() => undefined);
  }, [language, chosen]);

  const loadPatients = useCallback(async () => {
    try {
      const list = await invoke('patients:list');
      setPatients(list);
      const remembered = await preference<number | null>('patientId', null);
      setPatientId((current) => {
        const wanted = current ?? remembered;
        return list.some((p) => p.id === wanted) ? wanted : (list[0]?.id ?? null);
      });
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void loadPatients();
  }, [loadPatients, libraryVersion]);

  useEffect(() => on('library:changed', () => setLibraryVersion((v) => v + 1)), []);

  const patient = patients?.find((p) => p.id === patientId) ?? null;

  const selectPatient = useCallback((id: number) => {
    setPatientId(id);
    void setPreference('patientId', id);
  }, []);

  useEffect(
    () =>
      on('menu:command', ({ command }) => {
        if (command === 'go-library') navigate({ name: 'library' });
        if (command === 'add-patient') setAddingPatient(true);
        if ((command === 'import-files' || command === 'import-folder') && patient) {
          void imports.choose(command === 'import-files' ? 'files' : 'folder', patient).catch((e: unknown) => setError(messageOf(e)));
        }
        if (command === 'find') window.dispatchEvent(new CustomEvent('casebinder:find'));
      }),
    [navigate, patient, imports],
  );

  const onPatientAdded = useCallback(
    (added: Patient) => {
      setAddingPatient(false);
      setPatients((list) => [...(list ?? []), added].sort((a, b) => a.name.localeCompare(b.name)));
      selectPatient(added.id);
      navigate({ name: 'library' });
    },
    [navigate, selectPatient],
  );

  let screen;
  if (patients === null) {
    screen = (
      <p className="screen-loading" role="status">
        {t('app.opening')}
      </p>
    );
  } else if (patients.length === 0 || !patient) {
    screen = <Welcome onCreated={onPatientAdded} />;
  } else if (route.name === 'practice') {
    screen = (
      <PracticeScreen
        libraryVersion={libraryVersion}
        onOpen={(id, next) => {
          selectPatient(id);
          navigate(next);
        }}
        onError={setError}
      />
    );
  } else if (route.name === 'cases') {
    screen = <CasesScreen patient={patient} libraryVersion={libraryVersion} navigate={navigate} onError={setError} />;
  } else if (route.name === 'case') {
    screen = <CaseScreen key={route.id} patient={patient} route={route} libraryVersion={libraryVersion} onError={setError} />;
  } else if (route.name === 'export') {
    screen = <ExportScreen key={route.caseId} patient={patient} route={route} libraryVersion={libraryVersion} onError={setError} />;
  } else if (route.name === 'record') {
    screen = <HealthRecordScreen patient={patient} route={route} libraryVersion={libraryVersion} onError={setError} />;
  } else if (route.name === 'redact') {
    screen = <RedactScreen key={route.id} route={route} navigate={navigate} onError={setError} />;
  } else if (route.name === 'document') {
    screen = <DocumentScreen key={route.id} route={route} navigate={navigate} libraryVersion={libraryVersion} patients={patients} onCorrected={setCorrected} onError={setError} />;
  } else if (route.name === 'viewer') {
    screen = <Viewer key={route.studyId} route={route} navigate={navigate} onError={setError} />;
  } else if (route.name === 'trash') {
    screen = <TrashScreen patients={patients} libraryVersion={libraryVersion} onCorrected={setCorrected} onError={setError} />;
  } else {
    screen = (
      <LibraryScreen
        patient={patient}
        patients={patients}
        onSelectPatient={selectPatient}
        onAddPatient={() => setAddingPatient(true)}
        onEditPatient={() => setEditingPatient(true)}
        libraryVersion={libraryVersion}
        imports={imports}
        navigate={navigate}
        onCorrected={setCorrected}
        onError={setError}
      />
    );
  }

  return (
    <>
      {error && (
        <div className="error-banner" role="alert">
          <p>{error}</p>
          <button type="button" onClick={() => setError(null)}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
      {screen}
      {patient && <DropImport patient={patient} onDrop={(paths) => void imports.start(paths, patient)} />}
      {imports.state && <ImportPanel imports={imports} onOpen={(id) => { imports.dismiss(); navigate({ name: 'document', id }); }} />}
      {addingPatient && <AddPatientDialog onAdded={onPatientAdded} onClose={() => setAddingPatient(false)} />}
      {editingPatient && patient && patients && <PatientDialog patient={patient} patients={patients} onClose={() => setEditingPatient(false)} onCorrected={setCorrected} />}
      {corrected && <UndoToast key={corrected} message={corrected} onClose={() => setCorrected(null)} onError={setError} />}
    </>
  );
}

/** The scan viewer carries Cornerstone3D and its decoders: loaded the first time a study is opened in it. */
function Viewer(props: { route: Extract<Route, { name: 'viewer' }>; navigate: (route: Route) => void; onError: (message: string) => void }) {
  const module = useViewerModule(props.onError);
  const { t } = useT();
  if (!module) {
    return (
      <p className="screen-loading" role="status">
        {t('app.openingViewer')}
      </p>
    );
  }
  return <module.ViewerScreen {...props} />;
}
