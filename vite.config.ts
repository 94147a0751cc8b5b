import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { policyFor, withPolicyInPage } from './shared/security-policy.ts';

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

/**
 * Cornerstone3D's image loader finds its WebAssembly decoders with `new URL('@cornerstonejs/codec-…/decodewasm',
 * import.meta.url)`: a package name, which the browser cannot resolve (Cornerstone3D issue 2115). Each becomes
 * an asset Vite ships beside the window (`?url`), so the decoder workers fetch it from the app's own origin.
 */
function cornerstoneCodecs(): Plugin {
  return {
    name: 'casebinder:cornerstone-codecs',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@cornerstonejs/dicom-image-loader')) return null;
      const imports: string[] = [];
      const rewritten = code.replace(/new URL\((['"])(@cornerstonejs\/codec-[^'"]+)\1,\s*import\.meta\.url\)/g, (_whole, _quote, specifier: string) => {
        const name = `__casebinderCodec${imports.length}`;
        imports.push(`import ${name} from '${specifier}?url';`);
        return `new URL(${name}, self.location.href)`;
      });
      return imports.length ? { code: `${imports.join('\n')}\n${rewritten}`, map: null } : null;
    },
  };
}

/**
 * Cornerstone3D's measurement labels set their style as an attribute, which the window's
 * Content-Security-Policy (style-src 'self', no inline styles) refuses. The same style is set through
 * the CSS object model instead, which the policy allows; the build fails if the line ever changes, so an
 * upgrade cannot silently bring the refusals back.
 */
function cornerstoneLabelStyle(): Plugin {
  const line = "textElement.setAttribute('style', combinedStyle);";
  return {
    name: 'casebinder:cornerstone-label-style',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('@cornerstonejs/tools/dist/esm/drawingSvg/drawTextBox.js')) return null;
      if (!code.includes(line)) throw new Error(`vite.config.ts: ${id} no longer has "${line}"; see cornerstoneLabelStyle`);
      return { code: code.replace(line, 'textElement.style.cssText = combinedStyle;'), map: null };
    },
  };
}

/** Tests serve the built window with the policies app:// gives each file (electron/desktop/protocol.ts). */
function policyHeaders(): Plugin {
  return {
    name: 'casebinder:policy-headers',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        response.setHeader('Content-Security-Policy', policyFor(new URL(request.url ?? '/', 'http://preview').pathname));
        next();
      });
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
  plugins: [react(), pdfjsAssets(), policyInPage(), policyHeaders(), cornerstoneCodecs(), cornerstoneLabelStyle()],
  // The DICOM decoders run in module workers, which load their codecs the same way.
  worker: { format: 'es', plugins: () => [cornerstoneCodecs()] },
  build: {
    outDir: path.join(root, 'out', 'renderer'),
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  preview: { strictPort: false },
});
