import { useEffect, useState } from 'react';
import type { DependencyList } from 'react';
import { messageOf } from './api.ts';

/**
 * What `load` gives, fetched again when `deps` change; null until it arrives. An answer that comes
 * after the inputs changed (or the component left) is dropped; a failure goes to `onError`.
 * With `load` null nothing is fetched (the value stays as it was).
 */
export function useLoaded<T>(load: (() => Promise<T>) | null, deps: DependencyList, onError: (message: string) => void): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    if (!load) return;
    let live = true;
    load().then(
      (v) => live && setValue(v),
      (e: unknown) => live && onError(messageOf(e)),
    );
    return () => {
      live = false;
    };
    // The caller names what the load depends on.
  }, deps);
  return value;
}
