import { useEffect, useState } from 'react';
import type { MedicalDocument } from '../../../shared/library-types.ts';
import { messageOf } from '../api.ts';
import { readOriginal } from '../pdf.ts';

/** A photo or scan, fitted to the window (or at full size), upright as its EXIF orientation says. */
export function ImageView({ document: doc, onError }: { document: MedicalDocument; onError: (message: string) => void }) {
  const [url, setUrl] = useState<string | null>(null);
  const [fit, setFit] = useState(true);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    readOriginal(doc).then(
      (bytes) => {
        if (!live) return;
        made = URL.createObjectURL(new Blob([bytes as BlobPart], { type: doc.mediaType }));
        setUrl(made);
        performance.measure('casebinder:image-shown');
      },
      (e: unknown) => onError(`This image could not be shown: ${messageOf(e)}`),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [doc, onError]);
  return (
    <div className="image-view">
      <div className="viewer-toolbar" role="toolbar" aria-label="Image view">
        <button type="button" onClick={() => setFit(!fit)} aria-pressed={!fit}>
          {fit ? 'Actual size' : 'Fit to window'}
        </button>
      </div>
      <div className={`image-frame${fit ? ' fit' : ''}`} tabIndex={0} aria-label={`${doc.title}, image`}>
        {url && <img src={url} alt={doc.title} />}
      </div>
    </div>
  );
}
