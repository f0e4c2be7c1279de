/**
 * Stores bootstrap-sized pulled pages in IndexedDB off the UI thread.
 *
 * Structured-cloning a 5,000-change page into IndexedDB is the biggest part of a
 * bootstrap on the UI thread (bench: full bootstrap, 100k tickets: 2.9 s of
 * serialising and 1.3 s of request setup in a 15 s trace). Here the page is
 * parsed again from its JSON bytes, which the UI thread hands over (transferred,
 * not copied), and stored exactly as `storePage` stores it.
 * The UI thread parses the same text for what it shows: two parses on two cores
 * cost less than one clone on the one that draws.
 *
 * Messages: `{ id, dbName, bytes, held }` in (see page-writer.ts), `{ id }` or
 * `{ id, error }` out.
 */
import type { PullPage } from './api-client';
import { SparkDb } from './db';
import { keyOf, storePage } from './local-store';
import type { PageWriterReply, PageWriterRequest } from './page-writer';

const databases = new Map<string, SparkDb>();

function database(name: string): SparkDb {
  let db = databases.get(name);
  if (!db) {
    db = new SparkDb(name);
    databases.set(name, db);
  }
  return db;
}

async function store({ dbName, bytes, held }: PageWriterRequest): Promise<void> {
  const page = JSON.parse(new TextDecoder().decode(bytes)) as PullPage;
  const heldKeys = new Set(held);
  await storePage(database(dbName), page, (change) => heldKeys.has(keyOf(change)));
}

// One page at a time, in the order asked: a page's cursor must never be stored before the page before it.
let queue: Promise<unknown> = Promise.resolve();

self.onmessage = (event: MessageEvent<PageWriterRequest>) => {
  const request = event.data;
  queue = queue.then(async () => {
    let reply: PageWriterReply;
    try {
      await store(request);
      reply = { id: request.id };
    } catch (error) {
      const e = error as { name?: string; message?: string };
      reply = { id: request.id, error: { name: e.name ?? 'Error', message: e.message ?? String(error) } };
    }
    self.postMessage(reply);
  });
};
