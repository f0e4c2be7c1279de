import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the embedded database lives by default: the user's app-data folder. */
export function defaultDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Spark Console', 'pglite');
  if (process.platform === 'darwin')
    return join(home, 'Library', 'Application Support', 'Spark Console', 'pglite');
  return join(process.env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'spark-console', 'pglite');
}

/**
 * Finds a folder of the repository or of the packaged app (resources/, out/renderer)
 * by walking up from this module and from the working directory, so the same
 * code works from sources (tests), from out/main (npm start) and from app.asar.
 */
export function findUp(relative: string, env?: string): string | null {
  if (env && existsSync(env)) return resolve(env);
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (;;) {
      const candidate = join(dir, relative);
      if (existsSync(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}
