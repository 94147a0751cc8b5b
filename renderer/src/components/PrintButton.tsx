import { useState } from 'react';
import { messageOf } from '../api.ts';
import { useT } from '../i18n/index.ts';

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
  const { t } = useT();
  return (
    <button
      type="button"
      className={className}
      disabled={busy !== null}
      onClick={() => {
        setBusy(t('printButton.preparing'));
        print((done, total) => setBusy(t('printButton.page', { done, total }))).then(
          (reason) => {
            setBusy(null);
            if (reason && reason !== 'cancelled') onError(t('printButton.failedReason', { reason }));
          },
          (e: unknown) => {
            setBusy(null);
            onError(t('printButton.failed', { message: messageOf(e) }));
          },
        );
      }}
    >
      {busy ?? label}
    </button>
  );
}
