/**
 * Stores a validated bundle against a ticket, redacted, in the caller's
 * transaction: the bundle body and attachments in their own tables (fetched
 * lazily by consoles), and its metadata as a synced entity of kind `telemetry`,
 * so it reaches every console through the normal pull with the ticket.
 * Everything that can refuse the bundle (attachments, limits) runs before the
 * first write, and the writes share one transaction: a refused bundle leaves nothing.
 */
import { randomUUID } from 'node:crypto';
import {
  buildMeta,
  highestVersion,
  redactBundle,
  TELEMETRY_KIND,
  type RedactionCounts,
  type StoredBundle,
  type TelemetryBundle,
  type TelemetryMeta,
  type TelemetrySource,
} from '../../core/telemetry';
import type { Queryable } from '../db/database';
import { upsertEntities } from '../db/entities';
import { notifyChange } from '../sync/poke';
import { decodeAttachments, type DecodedAttachment } from './attachments';

/** A bundle checked and redacted, ready to write; made before any transaction opens. */
export interface PreparedBundle {
  stored: Omit<StoredBundle, 'ticketId' | 'receivedAt'>;
  attachments: DecodedAttachment[];
}

/** Redacts and decodes; throws HttpError (413/422) for a bad attachment. Counts land in `extra` too. */
export function prepareBundle(
  bundle: TelemetryBundle,
  source: TelemetrySource,
  extra?: RedactionCounts,
): PreparedBundle {
  const { bundle: redacted, redactions } = redactBundle(bundle);
  const attachments = decodeAttachments(bundle, redactions);
  if (extra) for (const k of Object.keys(extra) as (keyof RedactionCounts)[]) redactions[k] += extra[k];
  return {
    stored: {
      ...redacted,
      id: `tb-${randomUUID()}`,
      source,
      attachments: attachments.map((a) => ({
        index: a.index,
        name: a.name,
        contentType: a.contentType,
        bytes: a.data.length,
      })),
      redactions,
    },
    attachments,
  };
}

/** The newest version of an app we know of: the key's configured one, else the highest seen so far. */
async function latestVersionOf(
  tx: Queryable,
  workspaceId: string,
  appName: string,
  configured: string | null,
  incoming: string,
): Promise<string | null> {
  if (configured) return configured;
  const seen = await tx.query<{ v: string }>(
    `select data->>'appVersion' as v from entities
      where workspace_id = $1 and kind = $2 and data->>'appName' = $3
      order by sync_id desc limit 500`,
    [workspaceId, TELEMETRY_KIND, appName],
  );
  return highestVersion([...seen.map((r) => r.v), incoming]);
}

export async function writeBundle(
  tx: Queryable,
  input: {
    workspaceId: string;
    ticketId: string;
    prepared: PreparedBundle;
    latestVersion: string | null;
    now: number;
  },
): Promise<TelemetryMeta> {
  const { workspaceId, ticketId, prepared, now } = input;
  const stored: StoredBundle = { ...prepared.stored, ticketId, receivedAt: now };
  const body = JSON.stringify(stored);
  const bytes = Buffer.byteLength(body) + prepared.attachments.reduce((s, a) => s + a.data.length, 0);
  const latest = await latestVersionOf(
    tx,
    workspaceId,
    stored.app.name,
    input.latestVersion,
    stored.app.version,
  );
  const meta = buildMeta(stored, latest, bytes);
  await tx.query(
    `insert into telemetry_bundles (workspace_id, id, ticket_id, body, bytes, received_at) values ($1, $2, $3, $4, $5, $6)`,
    [workspaceId, stored.id, ticketId, body, bytes, now],
  );
  for (const a of prepared.attachments) {
    await tx.query(
      `insert into telemetry_attachments (workspace_id, bundle_id, idx, name, content_type, data) values ($1, $2, $3, $4, $5, $6)`,
      [workspaceId, stored.id, a.index, a.name, a.contentType, a.data],
    );
  }
  await upsertEntities(tx, workspaceId, [{ kind: TELEMETRY_KIND, id: meta.id, data: { ...meta } }]);
  await notifyChange(tx, workspaceId);
  return meta;
}

export async function readBundle(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<StoredBundle | null> {
  const rows = await db.query<{ body: StoredBundle }>(
    'select body from telemetry_bundles where workspace_id = $1 and id = $2',
    [workspaceId, id],
  );
  return rows[0]?.body ?? null;
}

export async function readAttachment(
  db: Queryable,
  workspaceId: string,
  bundleId: string,
  index: number,
): Promise<{ name: string; contentType: string; data: Buffer } | null> {
  const rows = await db.query<{ name: string; content_type: string; data: Uint8Array }>(
    'select name, content_type, data from telemetry_attachments where workspace_id = $1 and bundle_id = $2 and idx = $3',
    [workspaceId, bundleId, index],
  );
  const row = rows[0];
  return row ? { name: row.name, contentType: row.content_type, data: Buffer.from(row.data) } : null;
}
