/**
 * Inflates pulled pages off the UI thread (inflate-off-thread.ts): `{ id, parts, format, size }`
 * in, `{ id, bytes }` (transferred) or `{ id, error }` out. Requests are answered as they
 * finish; each has its own id.
 */
import { inflate } from './inflate';
import type { InflateReply, InflateRequest } from './inflate-off-thread';

self.onmessage = async (event: MessageEvent<InflateRequest>) => {
  const { id, parts, format, size } = event.data;
  let reply: InflateReply;
  try {
    const bytes = await inflate(parts, format, size);
    reply = { id, bytes };
    self.postMessage(reply, { transfer: [bytes.buffer] });
    return;
  } catch (error) {
    reply = { id, error: (error as Error).message ?? String(error) };
  }
  self.postMessage(reply);
};
