/**
 * Traffic-Cop: before a public reply goes out, has the conversation moved on
 * since the agent started writing? A new customer message, or a colleague's
 * reply or note, may make the reply wrong or redundant, so the console holds it
 * and shows what arrived instead of sending it blindly.
 */
import type { Message } from './model';

/** Messages the agent has not seen, written by anyone but the agent. */
export function unseenActivity(
  messages: readonly Message[],
  seenIds: ReadonlySet<string>,
  me: string,
): Message[] {
  return messages
    .filter((m) => !seenIds.has(m.id) && (m.kind === 'customer' || m.authorId !== me))
    .sort((a, b) => a.createdAt - b.createdAt);
}
