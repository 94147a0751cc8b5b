import path from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Electron's main process and the import worker, as ES modules for Node. Dependencies stay in
 * node_modules (native better-sqlite3, pdf.js with its font files, piscina's worker bootstrap).
 */
export default defineConfig({
  root,
  build: {
    ssr: true,
    outDir: path.join(root, 'out', 'main'),
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    rollupOptions: {
      input: { main: path.join(root, 'electron/main.ts'), worker: path.join(root, 'electron/workers/worker.ts') },
      external: ['electron'],
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
