/**
 * The viewer's code (Cornerstone3D and its decoders' loaders, about 4 MB) is loaded the first time it
 * is needed; a study page asks for it as soon as it opens, so it is ready when the person clicks an image.
 *
 * Not React.lazy: a lazy screen shows its fallback at least once even when its code is already here,
 * and React then holds the fallback on screen for 300 ms (its throttle for revealing suspended
 * content), which alone was most of the time from the click to the first image.
 */
import { useEffect, useState } from 'react';
import type * as Viewer from './ViewerScreen.tsx';
import { currentTranslator } from '../i18n/index.ts';

type ViewerModule = typeof Viewer;

let loaded: ViewerModule | null = null;
let loading: Promise<ViewerModule> | null = null;

/**
 * Loads the viewer's code once and starts Cornerstone3D (its decoder worker starts loading too), so
 * the first image waits for neither.
 */
export function loadViewer(): Promise<ViewerModule> {
  loading ??= import('./ViewerScreen.tsx').then(
    (module) => {
      module.warmUp();
      loaded = module;
      performance.mark('casebinder:viewer-ready');
      return module;
    },
    (error: unknown) => {
      loading = null; // asked again next time (a chunk that failed to load once may load the next time)
      throw error;
    },
  );
  return loading;
}

/** The viewer's module once its code is here (at once when it already is); null while it loads. */
export function useViewerModule(onError: (message: string) => void): ViewerModule | null {
  const [module, setModule] = useState<ViewerModule | null>(loaded);
  useEffect(() => {
    if (module) return;
    let live = true;
    loadViewer().then(
      (m) => live && setModule(m),
      (error: unknown) => live && onError(currentTranslator().t('viewer.notLoaded', { message: error instanceof Error ? error.message : String(error) })),
    );
    return () => {
      live = false;
    };
  }, [module, onError]);
  return module;
}
