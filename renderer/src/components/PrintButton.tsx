import { useState } from 'react';
import { messageOf } from '../api.ts';

interface Props {
  readonly label: string;
  readonly className?: string;
  /** Lays out what to print and prints it; `onPage` hears each page drawn. '' when printed, else why not. */
  readonly print: (onPage: (done: number, total: number) => void) => Promise<string>;
  readonly onError: (message: string) => void;
}

/**
 * A button that prints through the system's print dialog, saying meanwhile how far the pages are
 * drawn for paper (a long PDF takes a while). A cancelled dialog says nothing; a failure says why.
 */
export function PrintButton({ label, className, print, onError }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <button
      type="button"
      className={className}
      disabled={busy !== null}
      onClick={() => {
        setBusy('Preparing to print…');
        print((done, total) => setBusy(`Preparing page ${done} of ${total}…`)).then(
          (reason) => {
            setBusy(null);
            if (reason && reason !== 'cancelled') onError(`Printing did not work (${reason}). Check that a printer is set up, then try again.`);
          },
          (e: unknown) => {
            setBusy(null);
            onError(`Printing did not work: ${messageOf(e)}`);
          },
        );
      }}
    >
      {busy ?? label}
    </button>
  );
}
