import { useEffect, useState } from 'react';
import type { SeriesSummary } from '../../shared/imaging.ts';
import { invoke } from './api.ts';

/** A series' key image as an object URL while the component shows it (null until it arrives, or when there is none). */
export function useSeriesThumbnail(series: Pick<SeriesSummary, 'id' | 'hasThumbnail'>): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!series.hasThumbnail) return;
    let made: string | null = null;
    let live = true;
    void invoke('series:thumbnail', series.id).then((png) => {
      if (!live) return;
      made = URL.createObjectURL(new Blob([png as BlobPart], { type: 'image/png' }));
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [series.id, series.hasThumbnail]);
  return url;
}
