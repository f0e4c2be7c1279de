/**
 * Schema migrations, run at start-up on PGlite and PostgreSQL alike.
 *
 * Layout: synced rows live in one `entities` table keyed by (workspace, kind, id)
 * with the row as JSONB and the `sync_id` of its last change. Pull is then one
 * index range scan, whatever the kind. The per-workspace `sync_id` counter lives
 * on the workspace row: taking it (`update … returning`) row-locks the workspace
 * until commit, so changes commit in syncId order and a cursor never skips one.
 */
import type { Db } from './database';

interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'workspaces, users, entities',
    sql: `
      create table workspaces (
        id text primary key,
        name text not null,
        ref_prefix text not null,
        next_ticket_number bigint not null default 10001,
        sync_id bigint not null default 0,
        created_at bigint not null
      );
      create table users (
        id text primary key,
        workspace_id text not null references workspaces(id),
        email text not null unique,
        name text not null,
        role text not null check (role in ('agent', 'supervisor', 'admin')),
        password_hash text not null,
        data jsonb not null
      );
      create table entities (
        workspace_id text not null references workspaces(id),
        kind text not null,
        id text not null,
        sync_id bigint not null,
        deleted boolean not null default false,
        data jsonb not null,
        primary key (workspace_id, kind, id)
      );
      create index entities_by_sync_id on entities (workspace_id, sync_id);
      create index tickets_by_assignee on entities (workspace_id, (data->>'assigneeId')) where kind = 'ticket';
      create unique index tickets_by_ref on entities (workspace_id, (data->>'ref')) where kind = 'ticket';
      create index messages_by_ticket on entities (workspace_id, (data->>'ticketId')) where kind = 'message';
    `,
  },
  {
    id: 2,
    name: 'server settings (shared token secret)',
    sql: `create table settings (key text primary key, value text not null)`,
  },
  {
    id: 3,
    name: 'push bookkeeping: clients and processed mutations (exactly-once)',
    sql: `
      create table sync_clients (
        workspace_id text not null references workspaces(id),
        client_id text not null,
        user_id text not null,
        last_seq bigint not null default 0,
        primary key (workspace_id, client_id)
      );
      create table sync_mutations (
        workspace_id text not null references workspaces(id),
        mid text not null,
        client_id text not null,
        seq bigint not null,
        user_id text not null,
        name text not null,
        result jsonb not null,
        processed_at bigint not null,
        primary key (workspace_id, mid),
        unique (workspace_id, client_id, seq)
      );
    `,
  },
  {
    id: 4,
    name: 'telemetry: ingestion keys (hashed), bundles and attachments',
    sql: `
      create table ingestion_keys (
        id text primary key,
        workspace_id text not null references workspaces(id),
        app_name text not null,
        key_hash text not null unique,
        latest_version text,
        created_at bigint not null,
        created_by text,
        revoked_at bigint
      );
      create table telemetry_bundles (
        workspace_id text not null references workspaces(id),
        id text not null,
        ticket_id text not null,
        body jsonb not null,
        bytes integer not null,
        received_at bigint not null,
        primary key (workspace_id, id)
      );
      create index telemetry_bundles_by_ticket on telemetry_bundles (workspace_id, ticket_id);
      create table telemetry_attachments (
        workspace_id text not null,
        bundle_id text not null,
        idx integer not null,
        name text not null,
        content_type text not null,
        data bytea not null,
        primary key (workspace_id, bundle_id, idx),
        foreign key (workspace_id, bundle_id) references telemetry_bundles (workspace_id, id) on delete cascade
      );
      create index telemetry_by_app on entities (workspace_id, (data->>'appName')) where kind = 'telemetry';
    `,
  },
];

export async function migrate(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    // Several server processes may start together on one PostgreSQL: one migrates, the others
    // wait. The lock comes first: `create table if not exists` is not safe under concurrency
    // (two creators collide on the catalog), so even the bookkeeping table is made under it.
    await tx.query('select pg_advisory_xact_lock(7311)');
    await tx.query(
      `create table if not exists schema_migrations (id integer primary key, name text not null, applied_at bigint not null)`,
    );
    const done = new Set(
      (await tx.query<{ id: number }>('select id from schema_migrations')).map((r) => r.id),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (id, name, applied_at) values ($1, $2, $3)', [
        m.id,
        m.name,
        Date.now(),
      ]);
      applied.push(m.id);
    }
    return applied;
  });
}

/** Migrations hold plain DDL without semicolons inside literals, so a split on `;` is exact. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
