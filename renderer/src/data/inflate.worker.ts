/**
 * Inflates pulled pages off the UI thread (inflate-off-thread.ts). The inflated bytes
 * are transferred back. Requests are answered as they finish.
 */
import { inflate } from './inflate';
import type { InflateRequest } from './inflate-off-thread';
import { answerCalls } from './worker-answers';

answerCalls(({ parts, format, size }: InflateRequest) => inflate(parts, format, size), {
  transfer: (bytes) => [bytes.buffer],
});
