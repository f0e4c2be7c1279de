import pg from 'pg';
import type { Db, Queryable } from './database';

// Epoch-ms columns are BIGINT; they fit a JS number exactly, so parse them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle pooled connection can die (server restart, admin terminate, network): the pool
  // drops it and opens another on demand. Without a listener, pg would throw it and kill the process.
  pool.on('error', (error) => console.warn(`PostgreSQL: an idle connection failed (${error.message}).`));
  // Fail fast with a clear message if the server is not there.
  await pool.query('select 1');
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await c.query(sql, params);
      return result.rows as T[];
    },
  });
  /**
   * A transaction's connection, its queries sent one after another. Callers may issue
   * several at once (Promise.all over independent reads): one connection runs them in
   * turn anyway, and pg 8 queueing them itself is deprecated (pg 9 refuses them).
   * BEGIN, COMMIT and ROLLBACK take their turn too: when one of several reads fails,
   * the others may still be running as the transaction rolls back.
   */
  const serial = (client: pg.PoolClient): Queryable => {
    let last: Promise<unknown> = Promise.resolve();
    return {
      async query<T>(sql: string, params: unknown[] = []) {
        const result = last.then(() => client.query(sql, params));
        last = result.catch(() => undefined);
        return (await result).rows as T[];
      },
    };
  };
  const listeners: pg.Client[] = [];
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      const tx = serial(client);
      try {
        await tx.query('BEGIN');
        const result = await fn(tx);
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        await tx.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async listen(channel, onPayload) {
      // LISTEN needs a dedicated connection that stays open (not a pooled one).
      const client = new pg.Client({ connectionString: url });
      // A lost LISTEN connection stops pokes (consoles still sync on their 30 s timer and on
      // reconnect); it must not crash the server.
      client.on('error', (error) =>
        console.warn(`PostgreSQL: the LISTEN connection failed (${error.message}).`),
      );
      await client.connect();
      listeners.push(client);
      client.on('notification', (msg) => {
        if (msg.channel === channel) onPayload(msg.payload ?? '');
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        await client.end().catch(() => undefined);
        listeners.splice(listeners.indexOf(client), 1);
      };
    },
    async close() {
      await Promise.all(listeners.map((c) => c.end().catch(() => undefined)));
      await pool.end();
    },
  };
}
