import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
