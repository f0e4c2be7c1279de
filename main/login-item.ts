/**
 * Start on login. macOS and Windows have it in Electron (app.setLoginItemSettings);
 * Linux has no such API, so the app writes an XDG autostart entry
 * (~/.config/autostart/spark-console.desktop) pointing at its own executable.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AUTOSTART_FILE = 'spark-console.desktop';

/** The .desktop entry; the executable path is quoted as the XDG spec asks. */
export function autostartEntry(execPath: string): string {
  const quoted = `"${execPath.replace(/(["`$\\])/g, '\\$1')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Spark Console',
    `Exec=${quoted} --hidden`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function setLinuxAutostart(enabled: boolean, configDir: string, execPath: string): void {
  const dir = join(configDir, 'autostart');
  const file = join(dir, AUTOSTART_FILE);
  if (!enabled) return rmSync(file, { force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, autostartEntry(execPath));
}
