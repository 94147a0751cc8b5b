/**
 * Draws the documents of ./documents.ts with programs other than Casebinder's own PDF writer
 * (Chromium, WeasyPrint, LibreOffice as HTML; groff as roff) into tests/fixtures/document-corpus,
 * with truth.json beside them. Run by hand when the set changes (needs the programs the lab corpus
 * needs): node tests/corpus/documents/build.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block } from '../render.ts';
import { Renderers } from '../labs/render.ts';
import type { Rendering } from '../labs/layouts.ts';
import { DOCUMENTS } from './documents.ts';
import type { CorpusDocumentSpec } from './documents.ts';

export const DOCUMENT_CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'document-corpus');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

function html(blocks: readonly Block[]): string {
  const body = blocks.map((b) => {
    switch (b.kind) {
      case 'letterhead':
        return `<div class="letterhead">${b.lines.map((l, i) => (i === 0 ? `<strong>${esc(l)}</strong>` : esc(l))).join('<br>')}</div>`;
      case 'title':
        return `<h1>${esc(b.text)}</h1>`;
      case 'heading':
        return `<h2>${esc(b.text)}</h2>`;
      case 'fields': {
        const pairs = b.pairs.map(([k, v]) => `<td class="k">${esc(k)}:</td><td>${esc(v)}</td>`);
        const perRow = b.columns ?? 1;
        const rows = [];
        for (let i = 0; i < pairs.length; i += perRow) rows.push(`<tr>${pairs.slice(i, i + perRow).join('')}</tr>`);
        return `<table class="fields">${rows.join('')}</table>`;
      }
      case 'table':
        return `<table class="grid"><thead><tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
      case 'lines':
        return `<p>${b.lines.map(esc).join('<br>')}</p>`;
      case 'paragraph':
        return `<p>${esc(b.text)}</p>`;
      default:
        return '';
    }
  });
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10pt}.letterhead{margin-bottom:14pt}h1{font-size:14pt}h2{font-size:11pt;margin:12pt 0 4pt}.k{color:#444;padding-right:6pt}table.grid{border-collapse:collapse;width:100%}table.grid th{text-align:left;border-bottom:1px solid #888}table.grid td,table.grid th{padding:2pt 6pt}</style></head><body>${body.join('\n')}</body></html>`;
}

function roff(blocks: readonly Block[]): string {
  const t = (s: string) => s.replace(/\\/g, '\\e').replace(/^\./gm, '\\&.');
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'letterhead':
          return `.LP\n.B "${t(b.lines[0]!)}"\n.br\n${b.lines.slice(1).map(t).join('\n.br\n')}\n`;
        case 'title':
          return `.SH\n${t(b.text)}\n`;
        case 'heading':
          return `.SH\n${t(b.text)}\n`;
        case 'fields':
          return `.LP\n${b.pairs.map(([k, v]) => `${t(k)}: ${t(v)}`).join('\n.br\n')}\n`;
        case 'paragraph':
          return `.LP\n${t(b.text).replace(/\n/g, '\n.br\n')}\n`;
        case 'lines':
          return `.LP\n${b.lines.map(t).join('\n.br\n')}\n`;
        default:
          return '';
      }
    })
    .join('');
}

function renderingOf(doc: CorpusDocumentSpec): Rendering {
  return doc.renderer === 'groff' ? { renderer: 'groff', source: roff(doc.blocks) } : { renderer: doc.renderer, source: html(doc.blocks) };
}

async function build(): Promise<void> {
  const renderers = new Renderers();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'document-corpus-'));
  try {
    for (const doc of DOCUMENTS) {
      const out = path.join(DOCUMENT_CORPUS_DIR, doc.part, doc.file);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      await renderers.render(renderingOf(doc), out, work);
      process.stdout.write(`${doc.part}/${doc.file}\n`);
    }
  } finally {
    await renderers.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(DOCUMENT_CORPUS_DIR, 'truth.json'), `${JSON.stringify(DOCUMENTS.map((d) => ({ part: d.part, file: `${d.part}/${d.file}`, renderer: d.renderer, truth: d.truth })), null, 1)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await build();
