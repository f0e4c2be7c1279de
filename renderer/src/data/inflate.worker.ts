/**
 * Inflates pulled pages off the UI thread (inflate-off-thread.ts). The body comes
 * back with the inflated bytes and the segments copied out of it, all transferred.
 * Requests are answered as they finish.
 */
import { answerBuffers, inflateBody } from './inflate';
import { answerCalls } from './worker-answers';

answerCalls(inflateBody, { transfer: answerBuffers });
