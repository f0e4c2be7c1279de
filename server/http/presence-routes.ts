/**
 * POST /api/presence  {ticketId | null, activity} → the others on that ticket.
 * The console beats every few seconds while a ticket is open; the answer is
 * what it shows ("Sam is replying"). Names come from the users table, cached:
 * they change rarely and a beat should not cost a query.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database';
import { PresenceBoard } from '../sync/presence';
import { requireRole } from './auth-routes';
import { parseOr400 } from './validate';

const beat = z.strictObject({
  ticketId: z.string().min(1).max(128).nullable(),
  activity: z.enum(['viewing', 'replying']),
});

export function registerPresenceRoutes(app: FastifyInstance, db: Db, now: () => number): void {
  const board = new PresenceBoard(now);
  const names = new Map<string, string>();
  app.post('/api/presence', async (request) => {
    const claims = requireRole(request);
    const body = parseOr400(beat, request.body, 'presence');
    let name = names.get(claims.sub);
    if (name === undefined) {
      const rows = await db.query<{ name: string }>('select name from users where id = $1', [claims.sub]);
      name = rows[0]?.name ?? claims.sub;
      names.set(claims.sub, name);
    }
    const others = board.beat(claims.ws, { id: claims.sub, name }, body.ticketId, body.activity);
    return {
      others: others.map(({ userId, name: n, activity, since }) => ({ userId, name: n, activity, since })),
    };
  });
}
