/**
 * `node out/main/server.js [--port 4170] [--host 127.0.0.1] [--data-dir DIR | --memory] [--demo-tickets 3000]`
 * DATABASE_URL=postgres://… uses PostgreSQL instead of the embedded PGlite.
 */
import { parseArgs } from 'node:util';
import { defaultDataDir, findUp } from './paths';
import { startServer } from './start';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4170' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    'data-dir': { type: 'string' },
    memory: { type: 'boolean', default: false },
    'demo-tickets': { type: 'string', default: '3000' },
    'web-root': { type: 'string' },
  },
});

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = values.memory
  ? 'memory://'
  : (values['data-dir'] ?? process.env.SPARK_DATA_DIR ?? defaultDataDir());
const server = await startServer({
  port: Number(values.port),
  host: values.host,
  databaseUrl,
  dataDir,
  demoTickets: Number(values['demo-tickets']),
  webRoot: findUp('out/renderer', values['web-root']) ?? undefined,
});
const where = databaseUrl
  ? 'PostgreSQL (DATABASE_URL)'
  : dataDir === 'memory://'
    ? 'PGlite in memory'
    : `PGlite at ${dataDir}`;
console.log(`Spark Console server on ${server.url} — database: ${where}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
