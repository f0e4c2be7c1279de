#!/usr/bin/env node
// `npm run dist [-- electron-builder args]`: packages the desktop app. With
// SPARK_UPDATE_URL set, the installers carry that auto-update feed (generic provider:
// upload dist/'s latest*.yml and installers to that folder).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const feed = process.env.SPARK_UPDATE_URL;
if (feed) {
  if (!/^https:\/\//.test(feed)) {
    console.error(`SPARK_UPDATE_URL must be an https:// URL, got "${feed}".`);
    process.exit(2);
  }
  args.push('-c.publish.provider=generic', `-c.publish.url=${feed}`);
}
const run = (cmd, cmdArgs) =>
  spawnSync(cmd, cmdArgs, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
const built = run('npx', ['electron-vite', 'build']);
process.exit(built === 0 ? run('npx', ['electron-builder', '--publish', 'never', ...args]) : built);
