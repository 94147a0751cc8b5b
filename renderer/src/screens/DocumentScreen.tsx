import { useEffect, useState } from 'react';
import type { MedicalDocument, PageInfo, Patient } from '../../../shared/library-types.ts';
import { canRedact } from '../../../shared/redaction-types.ts';
import type { DocumentRedactions } from '../../../shared/redaction-types.ts';
import { invoke, messageOf } from '../api.ts';
import { ComposeDialog } from '../components/ComposeDialog.tsx';
import { DownloadView } from '../components/DownloadView.tsx';
import { NarrativeView } from '../components/NarrativeView.tsx';
import { IdentityBanner, LikelyNameNote, MoveControl } from '../components/IdentityBanner.tsx';
import { PageLabs } from '../components/PageLabs.tsx';
import { PageRecords } from '../components/PageRecords.tsx';
import { ImageView } from '../components/ImageView.tsx';
import { MetadataPanel } from '../components/MetadataPanel.tsx';
import { PageText } from '../components/PageText.tsx';
import { PdfView } from '../components/PdfView.tsx';
import { StudyView } from '../components/StudyView.tsx';
import { formatDate, typeLabel } from '../format.ts';
import { readOriginal, vaultSource } from '../pdf.ts';
import type { Route } from '../route.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { PrintButton } from '../components/PrintButton.tsx';
import { printPdf, printPicture } from '../print.ts';
import { useT } from '../i18n/index.ts';
import './DocumentScreen.css';
import '../components/IdentityBanner.css';

interface Props {
  readonly route: Extract<Route, { name: 'document' }>;
  readonly navigate: (route: Route) => void;
  readonly libraryVersion: number;
  readonly patients: readonly Patient[];
  /** Told what a correction did (moved, in the trash…), so the window can offer to undo it. */
  readonly onCorrected: (message: string) => void;
  readonly onError: (message: string) => void;
}

/** Pictures the window cannot decode itself (HEIC, TIFF) print from the library's upright previews. */
const PREVIEWED = new Set(['image/heic', 'image/tiff']);

/** Prints a document as it is in the library: a PDF's pages, or a picture's. */
async function printDocument(doc: MedicalDocument, onPage: (done: number, total: number) => void): Promise<string> {
  if (doc.mediaType === 'application/pdf') return printPdf(vaultSource(doc), onPage);
  const pictures: Blob[] = [];
  if (PREVIEWED.has(doc.mediaType)) {
    for (let n = 1; n <= doc.pages; n++) {
      pictures.push(new Blob([(await invoke('documents:preview', doc.id, n)) as BlobPart], { type: 'image/jpeg' }));
      onPage(n, doc.pages);
    }
  } else pictures.push(new Blob([(await readOriginal(doc)) as BlobPart], { type: doc.mediaType }));
  return printPicture(pictures, doc.title);
}

/** One document: its pages (a photo, a study's series) beside the details a person keeps about it. */
export function DocumentScreen({ route, navigate, libraryVersion, patients, onCorrected, onError }: Props) {
  const [doc, setDoc] = useState<MedicalDocument | null>(null);
  const [pages, setPages] = useState<PageInfo[]>([]);
  const [page, setPage] = useState(route.page ?? 1);
  const [missing, setMissing] = useState<string | null>(null);
  const [composing, setComposing] = useState(false);
  const [redaction, setRedaction] = useState<DocumentRedactions['current']>(null);
  const { t } = useT();

  // Opening a document is looking at its suggestions: the library can then accept them with others.
  useEffect(() => {
    void invoke('documents:opened', route.id).catch(() => undefined);
  }, [route.id]);

  // Fetched again when the library changes: OCR reads pages in the background.
  useEffect(() => {
    let live = true;
    invoke('documents:get', route.id).then(
      (d) => {
        if (!live) return;
        setDoc(d);
        if (d.ocr) void invoke('documents:pages', d.id).then((p) => live && setPages(p));
        if (canRedact(d.mediaType) && d.sha256) void invoke('redactions:get', d.id).then((r) => live && setRedaction(r.current), () => undefined);
      },
      (e: unknown) => live && setMissing(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [route.id, libraryVersion]);

  useEffect(() => {
    const back = (e: KeyboardEvent) => {
      if (composing) return;
      if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement)) {
        navigate({ name: 'library' });
      }
    };
    window.addEventListener('keydown', back);
    return () => window.removeEventListener('keydown', back);
  }, [navigate, composing]);

  if (missing) {
    return (
      <main className="document-missing">
        <p role="alert">{missing}</p>
        <a href="#/">{t('document.backToLibrary')}</a>
      </main>
    );
  }
  if (!doc) {
    return (
      <p className="screen-loading" role="status">
        {t('document.opening')}
      </p>
    );
  }

  const type = doc.type ?? doc.suggested.type;
  const date = doc.dateOfService ?? doc.suggested.dateOfService;
  const notice = doc.ocr ? <PageText documentId={doc.id} page={pages.find((p) => p.number === page)} /> : undefined;
  const photo = doc.kind === 'file' && doc.mediaType.startsWith('image/');
  return (
    <div className="document-screen">
      <ScreenHeader
        back={{ href: '#/', label: t('trash.library') }}
        title={doc.title}
        subtitle={`${typeLabel(type)}${date ? ` · ${formatDate(date)}` : ''}${(doc.facility ?? doc.suggested.facility) ? ` · ${doc.facility ?? doc.suggested.facility}` : ''}`}
      >
        {photo && doc.partOf === null && (
          <button type="button" className="header-action" onClick={() => setComposing(true)}>
            {t('document.compose')}
          </button>
        )}
        {doc.sha256 && canRedact(doc.mediaType) && (
          <PrintButton className="header-action" label={t('document.print')} print={(onPage) => printDocument(doc, onPage)} onError={onError} />
        )}
        {doc.deletedAt === null && doc.sha256 && canRedact(doc.mediaType) && (
          <a className="header-action button" href={`#/document/${doc.id}/redact`}>
            {redaction ? t('document.changeRedaction') : t('document.redact')}
          </a>
        )}
        {doc.deletedAt === null && doc.partOf === null && doc.identity.match !== 'other' && patients.length > 1 && (
          <MoveControl document={doc} patients={patients} label={t('document.move')} onCorrected={onCorrected} onError={onError} />
        )}
        {doc.deletedAt === null && doc.partOf === null && (
          <button
            type="button"
            className="header-action"
            onClick={() =>
              void invoke('documents:trash', [doc.id]).then(
                () => {
                  onCorrected(t('document.trashed', { title: doc.title }));
                  navigate({ name: 'library' });
                },
                (e: unknown) => onError(messageOf(e)),
              )
            }
          >
            {t('document.trash')}
          </button>
        )}
      </ScreenHeader>
      {doc.deletedAt !== null && (
        <div className="trash-notice" role="status">
          <p>{t('document.inTrash')}</p>
          <button type="button" onClick={() => void invoke('documents:restore', doc.id).then(() => onCorrected(t('trash.restored', { title: doc.title })), (e: unknown) => onError(messageOf(e)))}>
            {t('document.restore')}
          </button>
        </div>
      )}
      {redaction && (
        <div className="redaction-notice" role="status">
          <p>
            {t('document.redacted', { date: formatDate(redaction.createdAt.slice(0, 10)), areas: redaction.boxes.length })}
          </p>
          <a href={`#/document/${doc.id}/redact`}>{t('document.seeRedacted')}</a>
        </div>
      )}
      <IdentityBanner document={doc} patients={patients} onCorrected={onCorrected} onError={onError} />
      <LikelyNameNote document={doc} patients={patients} />
      <div className="document-body">
        <main className="document-view" aria-label={t('document.view')}>
          {doc.kind === 'study' ? (
            <StudyView document={doc} libraryVersion={libraryVersion} onError={onError} />
          ) : doc.mediaType === 'application/pdf' ? (
            <PdfView source={vaultSource(doc)} initialPage={route.page} initialFind={route.find} onPage={setPage} notice={notice} onError={onError} />
          ) : photo ? (
            <ImageView document={doc} page={page} onPage={setPage} notice={notice} onError={onError} />
          ) : doc.mediaType === 'application/xml' ? (
            <NarrativeView document={doc} onError={onError} />
          ) : doc.mediaType === 'application/fhir+json' ? (
            <DownloadView document={doc} libraryVersion={libraryVersion} onError={onError} />
          ) : (
            <p className="empty">{t('document.cannotShow')}</p>
          )}
        </main>
        <aside className="document-details" aria-label={t('document.details')}>
          {doc.mediaType === 'application/pdf' && <PageLabs documentId={doc.id} patientId={doc.patientId} page={page} libraryVersion={libraryVersion} onError={onError} />}
          {doc.mediaType === 'application/pdf' && <PageRecords documentId={doc.id} patientId={doc.patientId} page={page} libraryVersion={libraryVersion} onError={onError} />}
          <MetadataPanel document={doc} onSaved={setDoc} />
        </aside>
      </div>
      {composing && (
        <ComposeDialog
          patientId={doc.patientId}
          initial={[doc.id]}
          onClose={() => setComposing(false)}
          onMade={(made) => {
            setComposing(false);
            navigate({ name: 'document', id: made.id });
          }}
        />
      )}
    </div>
  );
}
