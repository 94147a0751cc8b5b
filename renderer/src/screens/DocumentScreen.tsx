import { useEffect, useState } from 'react';
import type { MedicalDocument } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { ImageView } from '../components/ImageView.tsx';
import { MetadataPanel } from '../components/MetadataPanel.tsx';
import { PdfView } from '../components/PdfView.tsx';
import { formatDate, typeLabel } from '../format.ts';
import type { Route } from '../route.ts';

interface Props {
  readonly route: Extract<Route, { name: 'document' }>;
  readonly navigate: (route: Route) => void;
  readonly libraryVersion: number;
  readonly onError: (message: string) => void;
}

/** One document: its pages (or photo) beside the details a person keeps about it. */
export function DocumentScreen({ route, navigate, onError }: Props) {
  const [doc, setDoc] = useState<MedicalDocument | null>(null);
  const [missing, setMissing] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    invoke('documents:get', route.id).then(
      (d) => live && setDoc(d),
      (e: unknown) => live && setMissing(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [route.id]);

  useEffect(() => {
    const back = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement)) {
        navigate({ name: 'library' });
      }
    };
    window.addEventListener('keydown', back);
    return () => window.removeEventListener('keydown', back);
  }, [navigate]);

  if (missing) {
    return (
      <main className="document-missing">
        <p role="alert">{missing}</p>
        <a href="#/">Back to the library</a>
      </main>
    );
  }
  if (!doc) return <p className="screen-loading" role="status">Opening the document…</p>;

  const type = doc.type ?? doc.suggested.type;
  const date = doc.dateOfService ?? doc.suggested.dateOfService;
  return (
    <div className="document-screen">
      <header className="document-header">
        <a className="back" href="#/">
          ← Library
        </a>
        <div className="document-heading">
          <h1>{doc.title}</h1>
          <p>
            {typeLabel(type)}
            {date ? ` · ${formatDate(date)}` : ''}
            {(doc.facility ?? doc.suggested.facility) ? ` · ${doc.facility ?? doc.suggested.facility}` : ''}
          </p>
        </div>
      </header>
      <div className="document-body">
        <main className="document-view" aria-label="Document">
          {doc.mediaType === 'application/pdf' ? (
            <PdfView document={doc} initialPage={route.page} initialFind={route.find} onError={onError} />
          ) : doc.mediaType.startsWith('image/') ? (
            <ImageView document={doc} onError={onError} />
          ) : (
            <p className="empty">This kind of file cannot be shown here.</p>
          )}
        </main>
        <aside className="document-details" aria-label="Document details">
          <MetadataPanel document={doc} onSaved={setDoc} />
        </aside>
      </div>
    </div>
  );
}
