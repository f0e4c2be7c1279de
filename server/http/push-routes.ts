/**
 * Push and real-time endpoints:
 *  POST /api/sync/push    a batch of mutations → a result per mutation
 *  GET  /api/sync/events  Server-Sent Events: `poke` whenever the workspace changed
 */
import type { FastifyInstance } from 'fastify';
import { checkMutation, pushRequest } from '../../core/sync';
import type { Db } from '../db/database';
import { pushMutations } from '../sync/push';
import type { PokeHub } from '../sync/poke';
import type { OnlineAgents } from '../sync/online-agents';
import { requireRole } from './auth-routes';
import { HttpError } from './errors';
import { parseOr400 } from './validate';

export function registerPushRoutes(
  app: FastifyInstance,
  db: Db,
  pokes: PokeHub,
  now: () => number,
  presence: OnlineAgents,
): void {
  app.post('/api/sync/push', async (request) => {
    const claims = requireRole(request);
    const body = parseOr400(pushRequest, request.body, 'push');
    // A malformed mutation (unknown name, invalid args) refuses the whole push before
    // anything is stored: it is a client bug or version skew, not a state of the data.
    const malformed = body.mutations.flatMap((m) => {
      const problem = checkMutation(m.name, m.args);
      return problem ? [{ mid: m.mid, seq: m.seq, ...problem }] : [];
    });
    if (malformed.length > 0) {
      const first = malformed[0];
      throw new HttpError(
        422,
        'invalid_mutation',
        `${malformed.length} mutation(s) are malformed; nothing was applied. First: seq ${first?.seq}: ${first?.reason}`,
        malformed,
      );
    }
    return pushMutations(db, claims, body, now, { online: () => presence.online(claims.ws) });
  });

  app.get('/api/sync/events', async (request, reply) => {
    const claims = requireRole(request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const offline = presence.connect(claims.ws, claims.sub);
    res.write('retry: 2000\nevent: ready\ndata: {}\n\n');
    const unsubscribe = pokes.subscribe((workspaceId) => {
      if (workspaceId === claims.ws) res.write('event: poke\ndata: {}\n\n');
    });
    // Comments keep proxies and idle timeouts from closing a quiet stream.
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      offline();
    });
  });
}
