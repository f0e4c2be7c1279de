/**
 * Desktop settings (server URL, start on login, wallboard display) and the
 * console window's last bounds, kept as JSON in the user data folder. The file is
 * parsed with zod: a damaged or hand-edited file falls back to the defaults for
 * what is wrong instead of stopping the app.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { DesktopSettings } from '../preload/api';

/** http(s) only, no credentials, query or fragment; stored without a trailing slash. */
export const serverUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Not a URL. Example: https://support.example.com' });
      return z.NEVER;
    }
    const problem =
      url.protocol !== 'http:' && url.protocol !== 'https:'
        ? 'The server URL must start with http:// or https://.'
        : url.username || url.password
          ? 'Leave the user name and password out of the URL: sign in on the console.'
          : url.search || url.hash
            ? 'The server URL takes no ?query or #fragment.'
            : null;
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });

export const settingsSchema = z.object({
  serverUrl: serverUrlSchema.nullable(),
  startOnLogin: z.boolean(),
  wallboard: z.object({ kiosk: z.boolean(), displayId: z.number().int().nullable() }),
}) satisfies z.ZodType<DesktopSettings, unknown>;

export const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  maximized: z.boolean().default(false),
});
export type SavedBounds = z.infer<typeof boundsSchema>;

export const DEFAULT_SETTINGS: DesktopSettings = {
  serverUrl: null,
  startOnLogin: false,
  wallboard: { kiosk: false, displayId: null },
};

interface StoredFile {
  settings: DesktopSettings;
  consoleBounds: SavedBounds | null;
}

/** Reads what is valid of a stored file; every invalid part gets its default. */
export function parseStored(raw: unknown): StoredFile {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const settings = settingsSchema.safeParse(record.settings);
  const bounds = boundsSchema.safeParse(record.consoleBounds);
  return {
    settings: settings.success ? settings.data : DEFAULT_SETTINGS,
    consoleBounds: bounds.success ? bounds.data : null,
  };
}

export class SettingsStore {
  private stored: StoredFile;

  constructor(private readonly file: string) {
    let raw: unknown = null;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // No file yet (first start) or unreadable JSON: start from the defaults.
    }
    this.stored = parseStored(raw);
  }

  get settings(): DesktopSettings {
    return this.stored.settings;
  }

  get consoleBounds(): SavedBounds | null {
    return this.stored.consoleBounds;
  }

  /** Validates (throws with the reason) and saves. */
  saveSettings(input: unknown): DesktopSettings {
    this.stored = { ...this.stored, settings: settingsSchema.parse(input) };
    this.write();
    return this.stored.settings;
  }

  saveConsoleBounds(bounds: SavedBounds): void {
    this.stored = { ...this.stored, consoleBounds: boundsSchema.parse(bounds) };
    this.write();
  }

  private write(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    // Write then rename: a crash mid-write leaves the old file, not half a file.
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.stored, null, 2));
    renameSync(tmp, this.file);
  }
}
