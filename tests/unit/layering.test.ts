import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BACK_END_FLOORS, floorOf, placeOf } from '../../layering.config.ts';
import { ROOT } from '../helpers/paths.ts';

/** The layer rule of ARCHITECTURE.md, checked through the project's real ESLint configuration. */
const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/layering').map((m) => m.message);
}

describe('layer rule', () => {
  it('keeps Node, Electron and the other layers out of shared/', async () => {
    expect(await layerErrors('shared/x.ts', `import fs from 'node:fs';\nexport const a = fs;`)).toHaveLength(1);
    expect(await layerErrors('shared/x.ts', `import path from 'path';\nexport const a = path;`)).toHaveLength(1);
    expect(await layerErrors('shared/x.ts', `import { app } from 'electron';\nexport const a = app;`)).toHaveLength(1);
    expect(await layerErrors('shared/x.ts', `import { Library } from '../electron/library/library.ts';\nexport type A = Library;`)).toHaveLength(1);
    expect(await layerErrors('shared/x.ts', `export { a } from '../renderer/a.ts';`)).toHaveLength(1);
    expect(await layerErrors('shared/x.ts', `import { b } from './b.ts';\nexport const a = b;`)).toHaveLength(0);
  });

  it('keeps the back end out of the renderer', async () => {
    expect(await layerErrors('renderer/x.ts', `import { Library } from '../electron/library/library.ts';\nexport type A = Library;`)).toHaveLength(1);
    expect(await layerErrors('renderer/x.ts', `import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;`)).toHaveLength(1);
    expect(await layerErrors('renderer/x.ts', `const fs = await import('node:fs');\nexport const a = fs;`)).toHaveLength(1);
    expect(await layerErrors('renderer/x.ts', `import { DOCUMENT_TYPES } from '../shared/document-types.ts';\nexport const a = DOCUMENT_TYPES;`)).toHaveLength(0);
  });

  it('lets only the Electron wiring import electron, and no back-end file import the renderer', async () => {
    expect(await layerErrors('electron/library/x.ts', `import { app } from 'electron';\nexport const a = app;`)).toHaveLength(1);
    expect(await layerErrors('electron/main.ts', `import { app } from 'electron';\nexport const a = app;`)).toHaveLength(0);
    expect(await layerErrors('electron/desktop/ipc.ts', `import { ipcMain } from 'electron';\nexport const a = ipcMain;`)).toHaveLength(0);
    expect(await layerErrors('electron/x.ts', `import { A } from '../renderer/a.ts';\nexport const a = A;`)).toHaveLength(1);
  });
});

describe('floors inside the back end', () => {
  it('lets a folder import the floors below it, and refuses one above or beside it', async () => {
    // Below: the importer reads DICOM and stores into the library.
    expect(await layerErrors('electron/import/x.ts', `import { a } from '../dicom/header.ts';\nexport const b = a;`)).toHaveLength(0);
    expect(await layerErrors('electron/import/x.ts', `import { a } from '../library/library.ts';\nexport const b = a;`)).toHaveLength(0);
    // Above: the library may not reach up into lab reading, media into import, app into desktop.
    const up = await layerErrors('electron/library/x.ts', `import { a } from '../labs/normalize.ts';\nexport const b = a;`);
    expect(up).toEqual([expect.stringMatching(/labs\/ is on a floor above library\//)]);
    expect(await layerErrors('electron/media/x.ts', `import type { A } from '../import/source.ts';\nexport type B = A;`)).toHaveLength(1);
    expect(await layerErrors('electron/app/x.ts', `export { a } from '../desktop/policy.ts';`)).toHaveLength(1);
    expect(await layerErrors('electron/workers/x.ts', `const m = await import('../ocr/runner.ts');\nexport const b = m;`)).toHaveLength(1);
    // Beside: two folders of one floor stay apart.
    expect(await layerErrors('electron/export/x.ts', `import { a } from '../import/importer.ts';\nexport const b = a;`)).toEqual([
      expect.stringMatching(/export\/ and import\/ are on one floor/),
    ]);
    // The top files live on the desktop floor; a folder nobody placed is refused until it is.
    expect(await layerErrors('electron/main.ts', `import { a } from './app/backend.ts';\nexport const b = a;`)).toHaveLength(0);
    expect(await layerErrors('electron/newroom/x.ts', `import { a } from '../library/library.ts';\nexport const b = a;`)).toEqual([
      expect.stringMatching(/in no floor of layering.config.ts/),
    ]);
  });

  it('places every folder of electron/ on exactly one floor', () => {
    const folders = fs.readdirSync(path.join(ROOT, 'electron'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const placed = BACK_END_FLOORS.flat();
    expect(new Set(placed).size).toBe(placed.length);
    expect([...folders].sort()).toEqual([...placed].sort());
    for (const folder of folders) expect(floorOf(`electron/${folder}/x.ts`)?.folder).toBe(folder);
  });
});

describe('the library owns SQL', () => {
  it('refuses the database driver and the SQL helpers outside electron/library/', async () => {
    expect(await layerErrors('electron/compose/x.ts', `import { run, sql } from '../library/sql.ts';\nexport const a = [run, sql];`)).toEqual([
      expect.stringMatching(/the library owns the database/),
    ]);
    expect(await layerErrors('electron/import/x.ts', `import type { Database } from 'better-sqlite3-multiple-ciphers';\nexport type A = Database;`)).toHaveLength(1);
    expect(await layerErrors('electron/app/x.ts', `import { openDatabase } from '../library/database.ts';\nexport const a = openDatabase;`)).toHaveLength(1);
    expect(await layerErrors('electron/library/x.ts', `import { run, sql } from './sql.ts';\nimport type { Database } from 'better-sqlite3-multiple-ciphers';\nexport type A = Database;\nexport const a = [run, sql];`)).toHaveLength(0);
  });
});

describe('where npm packages run', () => {
  it('keeps Node-only packages out of the window and shared/, and DOM-only ones out of the back end', async () => {
    expect(await layerErrors('renderer/src/x.ts', `import Database from 'better-sqlite3-multiple-ciphers';\nexport const a = Database;`)).toEqual([expect.stringMatching(/needs Node/)]);
    expect(await layerErrors('renderer/src/x.ts', `import sharp from 'sharp';\nexport const a = sharp;`)).toHaveLength(1);
    expect(await layerErrors('shared/x.ts', `import Dexie from 'dexie';\nexport const a = Dexie;`)).toEqual([expect.stringMatching(/needs a browser window/)]);
    expect(await layerErrors('electron/export/x.ts', `import { useState } from 'react';\nexport const a = useState;`)).toHaveLength(1);
    expect(await layerErrors('electron/media/x.ts', `import { PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';\nexport const a = PDFViewer;`)).toHaveLength(1);
    // Packages that run anywhere go anywhere; the core of pdf.js too.
    expect(await layerErrors('shared/x.ts', `import { z } from 'zod';\nexport const a = z;`)).toHaveLength(0);
    expect(await layerErrors('electron/media/x.ts', `import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';\nexport const a = getDocument;`)).toHaveLength(0);
    expect(await layerErrors('renderer/src/x.ts', `import { getDocument } from 'pdfjs-dist';\nexport const a = getDocument;`)).toHaveLength(0);
  });

  it('refuses a package nobody has placed, and every dependency is placed', async () => {
    expect(await layerErrors('electron/library/x.ts', `import pad from 'left-pad';\nexport const a = pad;`)).toEqual([expect.stringMatching(/not placed in layering.config.ts/)]);
    const { dependencies } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(dependencies).filter((name) => !placeOf(name))).toEqual([]);
  });
});

/** Every import of a source file (static, re-export, dynamic, type-only), as TypeScript reads them. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName).filter((name) => name.startsWith('.')).map((name) => path.posix.normalize(path.posix.join(path.posix.dirname(file), name)));
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')))
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
}

/** The import circles of a graph (Tarjan's strongly connected components of more than one file, or a file importing itself). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph', () => {
  it('finds a circle when there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(circles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(circles(new Map([['a.ts', ['a.ts']]]))).toEqual([['a.ts']]);
  });

  it('has no circles, drawn from the code of all three parts', () => {
    const files = [...sourceFiles('electron'), ...sourceFiles('shared'), ...sourceFiles('renderer/src')];
    expect(files.length).toBeGreaterThan(150);
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    // The graph is real: the importer's file reaches the library through its imports.
    expect(graph.get('electron/import/importer.ts')).toContain('electron/library/library.ts');
    expect(circles(graph)).toEqual([]);
  });

  it('runs down the floors only, in the code as it stands', () => {
    const upward: string[] = [];
    for (const file of sourceFiles('electron')) {
      const from = floorOf(file);
      for (const target of importsOf(file)) {
        const to = floorOf(target);
        if (from && to && from.folder !== to.folder && to.floor <= from.floor) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });
});

/** The project files a file loads when it is loaded: its value imports and re-exports, followed; not `import type`, not `import()`. */
function loadedWith(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !fs.existsSync(path.join(ROOT, file))) return seen;
  seen.add(file);
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest);
  for (const statement of source.statements) {
    const typeOnly = ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly : ts.isExportDeclaration(statement) ? statement.isTypeOnly : true;
    const specifier = (statement as ts.ImportDeclaration | ts.ExportDeclaration).moduleSpecifier;
    if (typeOnly || !specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    loadedWith(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier.text)), seen);
  }
  return seen;
}

describe("what the app's main process loads when it starts", () => {
  // Each of these costs tens of MB of a process; the window's main process loads them when a person first
  // exports, redacts, makes a document from photos or corrects a lab value, and the worker threads read files.
  const onDemand = ['electron/export/bundle.ts', 'electron/export/packet.ts', 'electron/redact/redact.ts', 'electron/compose/compose.ts', 'electron/records/ccda.ts', 'electron/labs/units.ts', 'electron/media/pdf-text.ts'];

  it('finds what a file loads (the worker thread loads the PDF and C-CDA readers)', () => {
    const worker = loadedWith('electron/workers/worker.ts');
    expect(worker).toContain('electron/media/pdf-text.ts');
    expect(worker).toContain('electron/records/ccda.ts');
    expect(loadedWith('electron/export/start.ts')).not.toContain('electron/export/bundle.ts');
  });

  it('leaves the export and redaction writers and the readers the workers run out of the back end at start', () => {
    const atStart = loadedWith('electron/app/backend.ts');
    expect(atStart).toContain('electron/import/importer.ts');
    expect(onDemand.filter((file) => atStart.has(file))).toEqual([]);
  });
});
