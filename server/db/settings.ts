import { randomBytes } from 'node:crypto';
import type { Db } from './database';

/**
 * The token-signing secret lives in the database so that every server process
 * on one PostgreSQL accepts the others' tokens. The first process creates it.
 */
export async function tokenSecret(db: Db): Promise<string> {
  await db.query(
    `insert into settings (key, value) values ('token_secret', $1) on conflict (key) do nothing`,
    [randomBytes(32).toString('base64url')],
  );
  const rows = await db.query<{ value: string }>(`select value from settings where key = 'token_secret'`);
  const secret = rows[0]?.value;
  if (!secret) throw new Error('token secret missing after insert');
  return secret;
}
