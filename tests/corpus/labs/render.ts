/**
 * Draws a layout's source to PDF with the program it was written for: Chromium (Playwright's
 * page.pdf), WeasyPrint, LibreOffice, groff, enscript + Ghostscript, or pdf-lib. Used to build the
 * lab corpus once (tests/corpus/labs/build.ts); the PDFs are kept in tests/fixtures/lab-corpus so the
 * tests need none of these programs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import type { Rendering } from './layouts.ts';

export class Renderers {
  private browser: Browser | undefined;

  async render(rendering: Rendering, out: string, work: string): Promise<void> {
    fs.mkdirSync(work, { recursive: true });
    const base = path.join(work, path.basename(out, '.pdf'));
    switch (rendering.renderer) {
      case 'chromium': {
        this.browser ??= await (await import('@playwright/test')).chromium.launch({
          executablePath: process.env.CASEBINDER_CHROMIUM ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
        });
        const page = await this.browser.newPage();
        await page.setContent(rendering.source);
        await page.pdf({ path: out, format: 'Letter', margin: { top: '0.7in', bottom: '0.7in', left: '0.6in', right: '0.6in' } });
        await page.close();
        return;
      }
      case 'weasyprint':
        fs.writeFileSync(`${base}.html`, rendering.source);
        execFileSync('weasyprint', [`${base}.html`, out], { stdio: 'pipe' });
        return;
      case 'libreoffice': {
        fs.writeFileSync(`${base}.html`, rendering.source);
        execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(work, 'lo-profile')}`, '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, `${base}.html`], { stdio: 'pipe' });
        fs.renameSync(`${base}.pdf`, out);
        return;
      }
      case 'groff': {
        const pdf = execFileSync('groff', ['-t', '-ms', '-Tpdf', '-P-pletter'], { input: rendering.source, maxBuffer: 1 << 26 });
        fs.writeFileSync(out, pdf);
        return;
      }
      case 'enscript': {
        fs.writeFileSync(`${base}.txt`, rendering.source);
        execFileSync('enscript', ['-q', '-B', '-f', 'Courier9', '-M', 'Letter', '-o', `${base}.ps`, `${base}.txt`]);
        execFileSync('ps2pdf', ['-sPAPERSIZE=letter', `${base}.ps`, out]);
        return;
      }
      case 'pdf-lib': {
        const { PDFDocument, StandardFonts } = await import('@cantoo/pdf-lib');
        const doc = await PDFDocument.create();
        const regular = await doc.embedFont(StandardFonts.TimesRoman);
        const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
        let page = doc.addPage([612, 792]);
        let y = 740;
        for (const line of rendering.source.split('\n')) {
          if (y < 60) {
            page = doc.addPage([612, 792]);
            y = 740;
          }
          const heading = line === line.toUpperCase() && /[A-Z]{3}/.test(line);
          if (line) page.drawText(line, { x: 60, y, size: heading ? 11 : 10.5, font: heading ? bold : regular });
          y -= line ? 15 : 9;
        }
        fs.writeFileSync(out, await doc.save({ useObjectStreams: false }));
        return;
      }
    }
  }

  async close(): Promise<void> {
    await this.browser?.close();
  }
}
