/**
 * Stores bootstrap-sized pulled pages in IndexedDB off the UI thread.
 *
 * Structured-cloning a 5,000-change page into IndexedDB is the biggest part of a
 * bootstrap on the UI thread (bench: full bootstrap, 100k tickets: 2.9 s of
 * serialising and 1.3 s of request setup in a 15 s trace). Here the page is
 * parsed again from its JSON bytes, which the UI thread hands over (transferred,
 * not copied), and stored exactly as `storePage` stores it.
 * The UI thread parses the same text for what it shows: two parses on two cores
 * cost less than one clone on the one that draws. A snapshot page's archived run
 * (core/sync/archive-span.ts) is not parsed here at all: it is stored as its bytes.
 *
 * Requests: `{ dbName, bytes, held, … }` (see page-writer.ts), or `{ opening }` to open
 * a database ahead of its first page; answered through worker-answers.ts, a failure with
 * the database's error.
 */
import { splitAtSpan } from '../../../core/sync/archive-span';
import type { PullPage } from './api-client';
import { SparkDb } from './db';
import { keyOf, storedRun, storePage, type PageToStore } from './local-store';
import type { PageWriterOpening, PageWriterRequest } from './page-writer';
import { answerCalls } from './worker-answers';

const databases = new Map<string, SparkDb>();

function database(name: string): SparkDb {
  let db = databases.get(name);
  if (!db) {
    db = new SparkDb(name);
    databases.set(name, db);
  }
  return db;
}

/** The page without its archived run, and the run as bytes; or the whole page when the span does not fit. */
function readPage(
  bytes: ArrayBuffer,
  span: PageWriterRequest['span'],
  deflated: PageWriterRequest['deflated'],
): PageToStore {
  const decoder = new TextDecoder();
  const all = new Uint8Array(bytes);
  const split = span ? splitAtSpan(all, span) : null;
  if (span && split) {
    try {
      const rest = JSON.parse(decoder.decode(split.head) + decoder.decode(split.tail)) as PullPage;
      if (rest.changes.length + span.count === span.total)
        return {
          changes: rest.changes,
          cursor: rest.cursor,
          archivedRun: storedRun(split.archived, deflated),
        };
    } catch {
      // Not the page the UI thread read (it parsed it whole): store it whole.
    }
  }
  return JSON.parse(decoder.decode(all)) as PullPage;
}

async function store({ dbName, bytes, held, span, deflated, contactRun }: PageWriterRequest): Promise<void> {
  const page = { ...readPage(bytes, span, deflated), ...(contactRun ? { contactRun } : {}) };
  const heldKeys = new Set(held);
  await storePage(database(dbName), page, (change) => heldKeys.has(keyOf(change)));
}

async function answer(request: PageWriterRequest | PageWriterOpening): Promise<void> {
  if ('opening' in request) await database(request.opening).open();
  else await store(request);
}

// One page at a time, in the order asked: a page's cursor must never be stored before the page before it.
answerCalls(answer, { inOrder: true });
