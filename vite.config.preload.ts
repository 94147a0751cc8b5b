import path from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/** The preload, as one CommonJS file: sandboxed preloads cannot load ES modules or other files. */
export default defineConfig({
  root,
  build: {
    ssr: true,
    outDir: path.join(root, 'out', 'preload'),
    emptyOutDir: true,
    target: 'node22',
    rollupOptions: {
      input: path.join(root, 'electron/preload.ts'),
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'preload.cjs' },
    },
  },
  ssr: { noExternal: true },
});
