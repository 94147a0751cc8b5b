import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, withPolicyInPage } from './shared/security-policy.ts';

const root = import.meta.dirname;

/** pdf.js reads its character maps, standard fonts and decoders by URL: ship them beside the window. */
function pdfjsAssets(): Plugin {
  const source = path.join(root, 'node_modules', 'pdfjs-dist');
  return {
    name: 'casebinder:pdfjs-assets',
    apply: 'build',
    closeBundle() {
      for (const dir of ['cmaps', 'standard_fonts', 'wasm']) {
        fs.cpSync(path.join(source, dir), path.join(root, 'out', 'renderer', 'pdfjs', dir), { recursive: true });
      }
    },
  };
}

/** The built page carries its Content-Security-Policy itself too, before anything it loads. */
function policyInPage(): Plugin {
  return { name: 'casebinder:policy-in-page', apply: 'build', transformIndexHtml: { order: 'post', handler: withPolicyInPage } };
}

/** The window (React, Vite): built into out/renderer, served by app:// in Electron and by `vite preview` in tests. */
export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react(), pdfjsAssets(), policyInPage()],
  build: {
    outDir: path.join(root, 'out', 'renderer'),
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  // Tests serve the built window with the same Content-Security-Policy as app:// does.
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY }, strictPort: false },
});
