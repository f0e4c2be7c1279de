/**
 * POST /api/contacts/import — a supervisor or admin uploads a telephony
 * export (the CSV text as the body, `content-type: text/csv`); the calls become
 * contact records every client pulls. Answers with counts and the rows that
 * could not be read (by line and why); the good rows are imported either way.
 *
 * Bad input: no/expired token 401; agent 403; not CSV text 415; larger than
 * `IMPORT_BODY_LIMIT` 413 (nothing stored); not a call log at all (missing
 * columns, unclosed quote, empty) 422 with the line and reason.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database';
import { CallLogUnreadable, importCallLog } from '../contacts/import';
import { requireRole } from './auth-routes';
import { HttpError } from './errors';
import { parseOr400 } from './validate';

/** 8 MiB: about 120,000 rows of the sample export's width, a busy month of one queue. */
export const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

const importQuery = z.strictObject({
  /** The export's clock offset from UTC in minutes (UTC+01:00 → 60); default 0. */
  utcOffsetMinutes: z.coerce.number().int().min(-840).max(840).optional(),
});

export function registerContactImportRoutes(app: FastifyInstance, db: Db): void {
  // Encapsulated, so the CSV body parser and its larger limit apply to this route only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post('/api/contacts/import', { bodyLimit: IMPORT_BODY_LIMIT }, async (request) => {
      const claims = requireRole(request, 'supervisor', 'admin');
      const query = parseOr400(importQuery, request.query, 'import options');
      if (typeof request.body !== 'string') {
        throw new HttpError(
          415,
          'unsupported_media_type',
          'Send the call log as CSV text (content-type: text/csv).',
        );
      }
      try {
        return await importCallLog(db, claims.ws, request.body, query);
      } catch (e) {
        if (e instanceof CallLogUnreadable) {
          throw new HttpError(422, 'invalid_call_log', `This file is not a readable call log: ${e.message}`, {
            line: e.line,
          });
        }
        throw e;
      }
    });
  });
}
