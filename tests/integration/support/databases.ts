/**
 * The databases every storage test runs on: PGlite (always), and a real
 * PostgreSQL when TEST_DATABASE_URL points at one (.ci/run starts Debian's
 * postgresql for this). Each test gets a fresh, empty database.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** Pass to startServer / openDatabase. */
  databaseUrl: string | undefined;
  dataDir: string | undefined;
  drop(): Promise<void>;
}

export interface DatabaseKind {
  name: 'pglite' | 'postgres';
  create(): Promise<TestDatabase>;
}

const adminUrl = process.env.TEST_DATABASE_URL;

if (!adminUrl && process.env.CI) {
  // In CI a missing PostgreSQL must fail loudly, not quietly shrink the test matrix.
  throw new Error('TEST_DATABASE_URL is not set in CI: .ci/run should have started PostgreSQL.');
}
if (!adminUrl) {
  console.warn(
    'TEST_DATABASE_URL not set: the PostgreSQL half of the storage tests is SKIPPED (PGlite still runs).',
  );
}

export const DATABASES: DatabaseKind[] = [
  {
    name: 'pglite',
    create: async () => ({ databaseUrl: undefined, dataDir: 'memory://', drop: async () => undefined }),
  },
  ...(adminUrl
    ? [
        {
          name: 'postgres' as const,
          async create(): Promise<TestDatabase> {
            const name = `spark_test_${randomBytes(6).toString('hex')}`;
            const admin = new pg.Client({ connectionString: adminUrl });
            await admin.connect();
            await admin.query(`create database ${name}`);
            await admin.end();
            const url = new URL(adminUrl);
            url.pathname = `/${name}`;
            return {
              databaseUrl: url.toString(),
              dataDir: undefined,
              async drop() {
                const c = new pg.Client({ connectionString: adminUrl });
                await c.connect();
                await c.query(`drop database if exists ${name} with (force)`);
                await c.end();
              },
            };
          },
        },
      ]
    : []),
];
