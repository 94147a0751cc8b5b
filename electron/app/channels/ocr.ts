/** The OCR channels: where reading scanned pages stands, starting and stopping it, its languages. */
import type { OcrStatus } from '../../../shared/ipc-contract.ts';
import { slice } from '../context.ts';
import type { AppContext } from '../context.ts';

export function ocrChannels({ library, jobs }: AppContext) {
  const status = (): OcrStatus => {
    const running = jobs.runningOcr();
    return {
      jobId: running?.id ?? null,
      progress: running?.progress ?? null,
      waiting: library.ocr.waitingCount(),
      languages: library.settings.ocrLanguages(),
    };
  };
  return slice({
    'ocr:status': () => status(),
    'ocr:start': () => ({ jobId: library.ocr.waitingCount() > 0 || jobs.runningOcr() ? jobs.startOcr() : null }),
    'ocr:cancel': () => {
      const running = jobs.runningOcr();
      if (running) jobs.cancel(running.id);
      return null;
    },
    'ocr:read-again': (documentId) => {
      library.ocr.readAgain(documentId);
      jobs.startOcrIfWaiting();
      return status();
    },
    'settings:ocr-languages': (languages) => {
      library.settings.setOcrLanguages(languages);
      return status();
    },
  });
}
