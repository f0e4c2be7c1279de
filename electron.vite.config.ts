import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Writes precache.json, every file the renderer build emitted, for the service
 * worker to cache at install (web mode): screens loaded on demand (the wallboard,
 * settings) must open offline even if they were never opened online.
 */
function precacheList(): Plugin {
  return {
    name: 'spark-precache-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => f.startsWith('assets/'));
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify(files.sort()) });
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // Runtime dependencies (fastify, PGlite, pg, zod) stay in node_modules; PGlite
      // loads its WASM next to its own files, which bundling would break.
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve('main/index.ts'),
          // The same server, runnable on its own: web mode, CI, wall screens.
          server: resolve('server/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), precacheList()],
    build: {
      // electron-vite leaves its bundles readable; the console's is fetched and parsed at every
      // cold start, so it is minified: 1.99 MB unminified was ~0.6 s of download, parse and
      // evaluation before the first request (bench: full bootstrap, PULLS=1, TRACE=1).
      // SPARK_READABLE_BUILD=1 keeps it readable, for profiles that name functions.
      minify: process.env.SPARK_READABLE_BUILD !== '1',
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
