/**
 * Packaging: electron-builder `--dir` against a stub Electron distribution (the
 * real binary cannot be downloaded here; electron-builder only copies it), then
 * the app.asar is opened with @electron/asar and checked: it holds the built main,
 * preload and renderer and the runtime dependencies, and no sources, tests or dev
 * dependencies. `npm run dist` on a machine with the binary does the same with
 * the real Electron and then makes the installers.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FEED = 'https://updates.example.test/spark';
/** How the fuse wire stores a fuse: ASCII '0' / '1' (@electron/fuses' FuseState, not exported by its index). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;
let work: string;
let resources: string;
let entries: string[];

function run(cmd: string, args: string[]) {
  const result = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (result.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'spark-packaging-'));
  const stub = join(work, 'electron-stub');
  mkdirSync(stub);
  // Test double for the Electron binary: a script that refuses to run, carrying the
  // fuse wire as a real binary lays it out (sentinel, version 1, length, one byte per
  // fuse) with Electron's defaults, so electron-builder can flip the fuses in it.
  const defaults = [1, 0, 1, 1, 0, 0, 0, 1, 0].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
  writeFileSync(
    join(stub, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stub Electron: packaging test only" >&2\nexit 1\n'),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, defaults.length, ...defaults]),
    ]),
  );
  chmodSync(join(stub, 'electron'), 0o755);
  // Package what the sources build to now, not whatever an earlier build left in out/.
  run('node_modules/.bin/electron-vite', ['build', '--logLevel', 'warn']);
  const version = (
    JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
  ).version;
  run('node_modules/.bin/electron-builder', [
    '--dir',
    '--linux',
    '--publish',
    'never',
    `-c.electronDist=${stub}`,
    `-c.electronVersion=${version}`,
    `-c.directories.output=${join(work, 'dist')}`,
    '-c.publish.provider=generic',
    `-c.publish.url=${FEED}`,
  ]);
  resources = join(work, 'dist', 'linux-unpacked', 'resources');
  entries = listPackage(join(resources, 'app.asar'), { isPack: false }).map((e) => e.replaceAll('\\', '/'));
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const has = (path: string) => entries.includes(path);
const read = (path: string) =>
  extractFile(join(resources, 'app.asar'), path.replace(/^\//, '')).toString('utf8');

describe('the packaged app (electron-builder --dir)', () => {
  it('holds the built main, preload and renderer, and package.json pointing at main', () => {
    for (const path of [
      '/out/main/index.js',
      '/out/main/server.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/resources/icons/tray.png',
      '/resources/triage/model.json',
      '/package.json',
    ])
      expect(has(path), path).toBe(true);
    const pkg = JSON.parse(read('/package.json')) as { main: string };
    expect(has(`/${pkg.main.replace(/^\.\//, '')}`)).toBe(true);
    expect(entries.some((e) => e.startsWith('/out/renderer/assets/') && e.endsWith('.js'))).toBe(true);
  });

  it('ships the runtime dependencies, PGlite unpacked next to the archive', () => {
    for (const dep of ['fastify', 'zod', 'pg', '@fastify/static', 'date-fns'])
      expect(has(`/node_modules/${dep}/package.json`), dep).toBe(true);
    expect(
      existsSync(join(resources, 'app.asar.unpacked/node_modules/@electric-sql/pglite/package.json')),
    ).toBe(true);
  });

  it('leaves out sources, tests, tooling, source maps and dev dependencies', () => {
    const ownFiles = entries.filter((e) => !e.startsWith('/node_modules/'));
    const leaks = ownFiles.filter(
      (e) =>
        /^\/(main|preload|core|server|tests|scripts|bench|docs|renderer|\.ci|test-results)(\/|$)/.test(e) ||
        /\.(ts|tsx|map)$/.test(e) ||
        /^\/(tsconfig.*\.json|vitest\.config\.ts|playwright\.config\.ts|electron\.vite\.config\.ts|eslint\.config\.js|package-lock\.json|README\.md)$/.test(
          e,
        ),
    );
    expect(leaks).toEqual([]);
    const devDependencies = Object.keys(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> })
        .devDependencies,
    );
    const shipped = devDependencies.filter((dep) => has(`/node_modules/${dep}`));
    expect(shipped).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
  });

  it('has a sandbox-ready preload: one bundle that requires nothing but electron', () => {
    const preload = read('/out/preload/index.cjs');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(read('/out/renderer/index.html')).toMatch(/Content-Security-Policy[^>]+default-src 'self'/);
  });

  it('has the fuses flipped: no running as Node, no NODE_OPTIONS or --inspect, app only from app.asar', async () => {
    const wire = await getCurrentFuseWire(join(work, 'dist', 'linux-unpacked', 'spark-console'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });

  it('carries the configured auto-update feed', () => {
    const feed = readFileSync(join(resources, 'app-update.yml'), 'utf8');
    expect(feed).toContain('provider: generic');
    expect(feed).toContain(`url: ${FEED}`);
  });
});
