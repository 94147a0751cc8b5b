/**
 * Tesseract (tesseract.js: Tesseract compiled to WebAssembly, in its own worker threads) with language
 * data from npm, read from disk: nothing is fetched. Page segmentation is automatic, as in Tesseract's
 * own command line, so two-column pages and headings read in order.
 */
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createWorker, OEM, PSM } from 'tesseract.js';
import type { Worker } from 'tesseract.js';
import type { OcrLanguage } from '../../shared/ocr-languages.ts';

const require = createRequire(import.meta.url);

/** The integer "best" LSTM model tesseract.js publishes for a language (tessdata_best, integerised). */
function languageFile(code: OcrLanguage): string {
  const dir = path.dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  return path.join(dir, '4.0.0_best_int', `${code}.traineddata.gz`);
}

/** How much lower than the app an OCR thread runs (the nice value it adds: 0 is normal, 19 the lowest). */
export const OCR_NICENESS = 10;

/**
 * Tesseract's own worker script, in a thread that first lowers its own priority, so OCR on every core
 * leaves the window and the app's main thread first in line. Only on Linux, where the nice value belongs
 * to each thread; on macOS and Windows the same call would lower the whole app, so there the threads run
 * at normal priority and the system shares the cores.
 */
function lowPriorityWorker(): URL | undefined {
  if (process.platform !== 'linux') return undefined;
  const script = require.resolve('tesseract.js/src/worker-script/node/index.js');
  const code = [
    `import os from 'node:os';`,
    `import { createRequire } from 'node:module';`,
    `try { os.setPriority(os.getPriority() + ${OCR_NICENESS}); } catch {}`,
    `createRequire(${JSON.stringify(script)})(${JSON.stringify(script)});`,
  ].join('\n');
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** OCR threads: one per core (up to 4, each holds its model, ~100 MB), at low priority where the system allows (see lowPriorityWorker). */
export function ocrThreads(): number {
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}

export interface Recognized {
  readonly text: string;
  /** Tesseract's mean word confidence, 0-100 (0 when it found no words). */
  readonly confidence: number;
  /** Each word with its box and its letters' boxes (pixels of the image), when asked for. */
  readonly words?: readonly OcrWord[];
}

/** A word Tesseract read, where it is on the image (pixels), and where each of its letters is. */
export interface OcrWord {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** Counted over the page: words of one line share it. */
  readonly line: number;
  /** Each letter's left and right edge (pixels), in order. */
  readonly letters: readonly (readonly [number, number])[];
}

interface Slot {
  worker: Worker | undefined;
  /** The languages its worker was started with. */
  languages: string;
  busy: boolean;
}

export class OcrEngine {
  private readonly slots: Slot[];
  private readonly waiting: (() => void)[] = [];
  /** tesseract.js reads every language from one folder: copies of the chosen ones are gathered here. */
  private languageDir: Promise<string> | undefined;
  /** Each language's file being copied, or copied, into languageDir. */
  private readonly languageFiles = new Map<string, Promise<void>>();
  /** Aborted by close(): pages being read are given up. */
  private readonly closing = new AbortController();
  /** Workers being started: close() waits for them before it removes their language files. */
  private readonly starting = new Set<Promise<unknown>>();

  constructor(workers: number) {
    this.slots = Array.from({ length: Math.max(1, workers) }, () => ({ worker: undefined, languages: '', busy: false }));
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Reads the text of a page image (PGM, PNG or JPEG bytes), and with `words` where each word is. A
   * cancelled call stops its worker at once.
   */
  async recognize(image: Uint8Array, languages: readonly OcrLanguage[], signal?: AbortSignal, options: { readonly words?: boolean } = {}): Promise<Recognized> {
    const slot = await this.take(signal);
    try {
      const key = languages.join('+');
      if (key !== slot.languages) {
        await slot.worker?.terminate();
        slot.worker = undefined;
        slot.languages = key;
      }
      const stop = AbortSignal.any([this.closing.signal, ...(signal ? [signal] : [])]);
      slot.worker ??= await this.start(languages, stop);
      const worker = slot.worker;
      let onAbort = () => {};
      // Tesseract cannot stop within a page; ending its thread is the only way to stop now. A terminated
      // worker never settles the page it was reading, so the call ends here instead.
      const stopped = new Promise<never>((_, reject) => {
        onAbort = () => {
          slot.worker = undefined;
          void worker.terminate();
          reject(stop.reason as Error);
        };
      });
      stop.addEventListener('abort', onAbort, { once: true });
      try {
        stop.throwIfAborted();
        const { data } = await Promise.race([worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { text: true, blocks: !!options.words }), stopped]);
        const text = data.text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').normalize('NFKC').trim();
        const confidence = text ? Math.max(0, Math.min(100, data.confidence)) : 0;
        if (!options.words) return { text, confidence };
        const words: OcrWord[] = [];
        let line = 0;
        for (const block of data.blocks ?? []) {
          for (const paragraph of block.paragraphs) {
            for (const row of paragraph.lines) {
              for (const w of row.words) {
                const wordText = w.text.normalize('NFKC');
                if (!wordText.trim()) continue;
                words.push({ text: wordText, ...w.bbox, line, letters: w.symbols.map((sym) => [sym.bbox.x0, sym.bbox.x1] as const) });
              }
              line++;
            }
          }
        }
        return { text, confidence, words };
      } finally {
        stop.removeEventListener('abort', onAbort);
      }
    } finally {
      this.give(slot);
    }
  }

  async close(): Promise<void> {
    this.closing.abort(new Error('OCR was stopped because Casebinder is closing.'));
    // A worker still starting reads its language files from the folder removed below; it ends itself
    // once started (see start), so wait for that rather than pull the files from under it.
    await Promise.allSettled([...this.starting]);
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = undefined;
        await worker?.terminate();
      }),
    );
    const dir = await this.languageDir?.catch(() => undefined);
    this.languageDir = undefined;
    this.languageFiles.clear();
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  }

  /** Starts a Tesseract worker; one that finishes starting after `stop` (a cancel, or close) is ended at once. */
  private async start(languages: readonly OcrLanguage[], stop: AbortSignal): Promise<Worker> {
    stop.throwIfAborted();
    const starting = this.startWorker(languages);
    this.starting.add(starting);
    try {
      const worker = await starting;
      if (stop.aborted) {
        await worker.terminate();
        stop.throwIfAborted();
      }
      return worker;
    } finally {
      this.starting.delete(starting);
    }
  }

  private async startWorker(languages: readonly OcrLanguage[]): Promise<Worker> {
    this.languageDir ??= fsp.mkdtemp(path.join(os.tmpdir(), 'casebinder-ocr-'));
    const dir = await this.languageDir;
    // Each language file is copied once, whole, under its name in one rename: threads starting together
    // used to copy it over each other, and one read a file another was rewriting ("unexpected end of file").
    for (const code of languages) {
      let copied = this.languageFiles.get(code);
      if (!copied) {
        const target = path.join(dir, `${code}.traineddata.gz`);
        copied = fsp.copyFile(languageFile(code), `${target}.part`).then(() => fsp.rename(`${target}.part`, target));
        this.languageFiles.set(code, copied);
        copied.catch(() => this.languageFiles.delete(code));
      }
      await copied;
    }
    const workerPath = lowPriorityWorker();
    const worker = await createWorker([...languages], OEM.LSTM_ONLY, {
      langPath: dir,
      cacheMethod: 'none',
      gzip: true,
      // tesseract.js hands this to worker_threads' Worker as it is, which takes a data: URL.
      ...(workerPath ? { workerPath: workerPath as unknown as string } : {}),
    });
    // Automatic page segmentation, as Tesseract's command line does; its notes go nowhere.
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, debug_file: '/dev/null' } as Parameters<Worker['setParameters']>[0]);
    return worker;
  }

  private async take(signal?: AbortSignal): Promise<Slot> {
    for (;;) {
      signal?.throwIfAborted();
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private give(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }
}
