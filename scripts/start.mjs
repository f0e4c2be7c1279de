#!/usr/bin/env node
// `npm start`: build, then open the desktop app on the embedded server. Without
// the Electron binary (it cannot always be downloaded), run the same server in
// web mode and print the console's URL instead of failing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });

console.log('Building Spark Console…');
if (run('npx', ['electron-vite', 'build', '--logLevel', 'warn']).status !== 0) process.exit(1);

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, or throws if it was never downloaded
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (binary && !process.argv.includes('--web')) {
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!binary) {
    console.log(
      '\nThe Electron binary is not installed (it is skipped when ELECTRON_SKIP_BINARY_DOWNLOAD is set or its download failed),\n' +
        'so the desktop window cannot open. Starting the console in web mode instead.\n',
    );
  }
  const port = process.env.PORT ?? '4170';
  const child = spawn(process.execPath, ['out/main/server.js', '--port', port], { stdio: 'inherit' });
  console.log(
    `Open the console at http://127.0.0.1:${port}  (wallboard: /wallboard). Demo sign-in: ava@spark.demo / spark-demo (more users in the README). Ctrl+C stops it.`,
  );
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
