/**
 * Printing through the system's print dialog. What is printed is laid out in a print-only part of the
 * page (#print-root, shown only when printing, the window hidden): a PDF as pictures of its pages, one
 * per sheet, drawn by pdf.js at print resolution; or a sheet made for paper (the case's questions).
 * The back end asks the system's print dialog to print the window (Electron's webContents.print, which
 * says when the dialog has closed); the page is put back then.
 */
import { invoke } from './api.ts';
import { currentTranslator } from './i18n/index.ts';
import { openPdf } from './pdf.ts';
import type { PdfSource } from './pdf.ts';

/** Resolution pages are drawn at for paper: enough for small print, without gigabytes for a long packet. */
const PRINT_DPI = 150;

let printing = false;

/**
 * Builds what to print, prints it, and removes it again. Resolves once the dialog has closed: '' when
 * it printed, else why not ('cancelled').
 */
export async function printWith(build: (root: HTMLElement) => Promise<void> | void): Promise<string> {
  if (printing) return currentTranslator().t('print.busy');
  printing = true;
  const root = document.createElement('div');
  root.id = 'print-root';
  document.body.append(root);
  try {
    await build(root);
    await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
    document.documentElement.classList.add('printing');
    return await invoke('shell:print');
  } finally {
    document.documentElement.classList.remove('printing');
    for (const img of root.querySelectorAll('img')) URL.revokeObjectURL(img.src);
    root.remove();
    printing = false;
  }
}

/** Prints a PDF (a document, the packet), page by page; `onPage` hears each page drawn. */
export function printPdf(source: PdfSource, onPage?: (done: number, total: number) => void): Promise<string> {
  return printWith(async (root) => {
    const task = await openPdf(source);
    try {
      const pdf = await task.promise;
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        const viewport = page.getViewport({ scale: PRINT_DPI / 72 });
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(viewport.width);
        canvas.height = Math.round(viewport.height);
        await page.render({ canvas, viewport, annotationMode: 1 }).promise;
        const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(currentTranslator().t('print.pageFailed', { n })))), 'image/jpeg', 0.92));
        const img = document.createElement('img');
        img.className = 'print-pdf-page';
        img.alt = currentTranslator().t('redact.page', { page: n });
        img.src = URL.createObjectURL(blob);
        root.append(img);
        page.cleanup();
        onPage?.(n, pdf.numPages);
      }
    } finally {
      void task.destroy();
    }
  });
}

/** Prints a picture (a photo, a scan; each of its pages), fitted to the sheet. */
export function printPicture(pictures: readonly Blob[], title: string): Promise<string> {
  return printWith((root) => {
    pictures.forEach((picture, i) => {
      const img = document.createElement('img');
      img.className = 'print-pdf-page';
      img.alt = pictures.length > 1 ? `${title}, page ${i + 1}` : title;
      img.src = URL.createObjectURL(picture);
      root.append(img);
    });
  });
}

/** What the question sheet shows: whose case, for whom, and the questions in order. */
export interface QuestionSheet {
  readonly patient: string;
  readonly born: string | null;
  readonly caseTitle: string;
  readonly decision: string | null;
  readonly specialist: string | null;
  readonly questions: readonly string[];
}

/**
 * The case's questions on one sheet for the appointment: numbered, each with room to write the
 * answer. The room shrinks, then the type, as questions are added, so up to about twenty-five fit on
 * one page; past that the sheet goes on to a second page rather than leave one out.
 */
export function printQuestions(sheet: QuestionSheet): Promise<string> {
  return printWith((root) => {
    const page = document.createElement('section');
    page.className = 'print-questions';
    const n = sheet.questions.length;
    page.dataset.size = n <= 8 ? 'roomy' : n <= 16 ? 'normal' : 'compact';
    const add = <K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, text: string, className?: string) => {
      const el = document.createElement(tag);
      el.textContent = text;
      if (className) el.className = className;
      parent.append(el);
      return el;
    };
    const header = document.createElement('header');
    const { t } = currentTranslator();
    add(header, 'h1', t('print.questionsTitle'));
    add(header, 'p', sheet.born ? t('print.patientBorn', { name: sheet.patient, date: sheet.born }) : sheet.patient);
    add(header, 'p', sheet.specialist ? t('print.caseWith', { title: sheet.caseTitle, specialist: sheet.specialist }) : sheet.caseTitle);
    if (sheet.decision) add(header, 'p', sheet.decision, 'print-questions-decision');
    add(header, 'p', t('print.date'), 'print-questions-date');
    page.append(header);
    const list = document.createElement('ol');
    // Numbered in the text itself, so the numbers are in the printed words too (a PDF's text, a reader).
    for (const [i, q] of sheet.questions.entries()) {
      const item = document.createElement('li');
      add(item, 'p', `${i + 1}. ${q}`);
      const room = document.createElement('div');
      room.className = 'print-questions-answer';
      room.setAttribute('aria-hidden', 'true');
      item.append(room);
      list.append(item);
    }
    page.append(list);
    root.append(page);
  });
}
