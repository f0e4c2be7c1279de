import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database';
import { verifyPassword } from '../auth/passwords';
import type { Claims, Role } from '../auth/tokens';
import { signToken, verifyToken } from '../auth/tokens';
import { forbidden, HttpError, unauthorized } from './errors';
import { parseOr400 } from './validate';
import { INGEST_KEY_PREFIX } from '../telemetry/ingestion-keys';

const loginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export interface AuthOptions {
  secret: string;
  tokenTtlMs: number;
  now: () => number;
}

declare module 'fastify' {
  interface FastifyRequest {
    claims: Claims | null;
  }
}

/** Reads and checks the bearer token; routes call `requireRole` to demand one. */
export function registerAuth(app: FastifyInstance, db: Db, options: AuthOptions): void {
  app.decorateRequest('claims', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) return;
    // A customer app's ingestion key is not a session: the intake routes check it themselves.
    if (header.startsWith(`Bearer ${INGEST_KEY_PREFIX}`)) return;
    const check = verifyToken(header.slice(7), options.secret, options.now());
    if (check.ok) request.claims = check.claims;
    else if (check.reason === 'expired')
      throw new HttpError(401, 'token_expired', 'Your session has expired. Sign in again.');
    else throw unauthorized('The session token is not valid. Sign in again.');
  });

  app.post('/api/auth/login', async (request) => {
    const { email, password } = parseOr400(loginSchema, request.body, 'login');
    const rows = await db.query<{
      id: string;
      workspace_id: string;
      name: string;
      role: Role;
      password_hash: string;
    }>('select id, workspace_id, name, role, password_hash from users where email = $1', [email]);
    const user = rows[0];
    // Verify even when the user is unknown, so timing does not reveal which emails exist.
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok) throw new HttpError(401, 'bad_credentials', 'Email or password is wrong.');
    const expiresAt = options.now() + options.tokenTtlMs;
    const token = signToken(
      { sub: user.id, ws: user.workspace_id, role: user.role, exp: expiresAt },
      options.secret,
    );
    return {
      token,
      expiresAt,
      user: { id: user.id, name: user.name, email, role: user.role, workspaceId: user.workspace_id },
    };
  });
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function requireRole(request: FastifyRequest, ...roles: Role[]): Claims {
  const claims = request.claims;
  if (!claims) throw unauthorized();
  if (roles.length > 0 && !roles.includes(claims.role)) {
    throw forbidden(`This needs the ${roles.join(' or ')} role; you are signed in as ${claims.role}.`);
  }
  return claims;
}
