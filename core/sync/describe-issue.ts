import type { z } from 'zod';

/** The first issue only: one clear sentence beats a dump for the agent and the log alike. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid arguments.';
  // String() because a path segment may be a symbol, which join() would throw on.
  const path = issue.path.map((p) => String(p)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
