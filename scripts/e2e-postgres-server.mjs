#!/usr/bin/env node
// Starts the built server for the PostgreSQL e2e project on a fresh database
// (dropped and re-created each run, so every run starts from the same demo data).
import { spawn } from 'node:child_process';
import pg from 'pg';

const admin = process.env.TEST_DATABASE_URL;
const port = process.argv[2] ?? '4518';
if (!admin) {
  console.error('TEST_DATABASE_URL is not set');
  process.exit(1);
}
const name = `spark_e2e_${port}`; // one database per port, so parallel checkouts do not share one
const client = new pg.Client({ connectionString: admin });
await client.connect();
await client.query(`drop database if exists ${name} with (force)`);
await client.query(`create database ${name}`);
await client.end();

const url = new URL(admin);
url.pathname = `/${name}`;
const server = spawn(process.execPath, ['out/main/server.js', '--port', port, '--demo-tickets', '400'], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url.toString() },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
