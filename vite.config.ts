// Build, dev server, preview and unit-test configuration.
//
// `base: './'` makes every asset and worker URL in the build relative, so the same dist/
// works at a domain root, under a GitHub Pages project path, on a course server's deep
// sub-path or from a file share. e2e/subpath.spec.ts checks this against a real sub-path.
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { serviceWorkerPlugin } from './scripts/serviceWorkerPlugin.ts';

/**
 * The dev server's hot reload injects an inline script, which index.html's strict
 * Content-Security-Policy forbids: drop the policy while serving in development only.
 * Builds (dist/, dist-e2e/, and so `vite preview` and every e2e test) keep it.
 */
function cspOffInDevServer(): Plugin {
  return {
    name: 'statecraft:csp-off-in-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

/**
 * The embedding guide ships with the build (docs/embedding.md), so the Embed dialog's link to
 * it works wherever the site is hosted, a course package included.
 */
function embeddingGuide(): Plugin {
  return {
    name: 'statecraft:embedding-guide',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'docs/embedding.md',
        source: readFileSync(new URL('./docs/embedding.md', import.meta.url), 'utf8'),
      });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), serviceWorkerPlugin(), cspOffInDevServer(), embeddingGuide()],
  worker: {
    // Module workers: the simulation worker imports src/sim like any other module.
    format: 'es',
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // Vite 8 bundles with Rolldown: bundler options belong in `build.rolldownOptions`;
    // `rollupOptions` is a deprecated alias.
  },
  server: {
    port: 5173,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    // Like GitHub Pages: any origin may load the files. A course page that sandboxes its
    // iframe without allow-same-origin gives the app an opaque origin, and module scripts
    // then load only with this header (docs/embedding.md).
    cors: { origin: '*' },
  },
  test: {
    // Without an explicit include, vitest would also pick up the Playwright specs in e2e/.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
