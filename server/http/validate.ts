import type { z } from 'zod';
import { HttpError } from './errors';

/**
 * Parses a payload with a zod schema. Schemas are strict, so unknown fields are
 * an error rather than silently dropped: a client sending a field the server
 * does not know about is a client the agent should hear about.
 */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  throw new HttpError(
    422,
    'invalid_payload',
    `Invalid ${what}${first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`,
    issues,
  );
}
