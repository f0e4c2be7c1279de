import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

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
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
