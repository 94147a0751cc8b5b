import { useEffect, useState } from 'react';
import { thumbnailUrl } from '../thumbnails.ts';
import type { ThumbnailSource } from '../thumbnails.ts';

/** A small first-page picture of a document; drawn once, then taken from the window's cache. */
export function Thumbnail({ source }: { source: ThumbnailSource }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    let made: string | null = null;
    void thumbnailUrl(source, controller.signal).then((u) => {
      if (controller.signal.aborted) {
        if (u) URL.revokeObjectURL(u);
        return;
      }
      made = u;
      setUrl(u);
      setFailed(u === null);
    });
    return () => {
      controller.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [source.id, source.sha256, source.imaging?.instances]);
  return (
    <span className={`doc-thumbnail${failed ? ' doc-thumbnail-none' : ''}`} aria-hidden="true">
      {url ? <img src={url} alt="" draggable={false} /> : <span className="doc-thumbnail-placeholder">{failed ? '—' : ''}</span>}
    </span>
  );
}
