/**
 * HTTP client for the sync server. Errors arrive as `{ error: { code, message } }`
 * and are raised as ApiError so the UI can show the server's own words.
 */
import {
  ARCHIVE_SPAN_HEADER,
  CONTACT_SPAN_HEADER,
  DEFLATE_RUNS_HEADER,
  parseDeflatedRuns,
  type ByteRange,
  endsRun,
  isArchivedChange,
  isContactChange,
  parseArchiveSpan,
  PULL_PAGE_GZIP,
  splitAtSpan,
  type ArchiveSpan,
  type Change,
  type PushRequest,
  type PushResponse,
} from '../../../core/sync';

export type { Change };
import { serverBaseUrl } from '../platform/desktop';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Session {
  token: string;
  expiresAt: number;
  user: {
    id: string;
    name: string;
    email: string;
    role: 'agent' | 'supervisor' | 'admin';
    workspaceId: string;
  };
}

/**
 * One authenticated call to the server. Answers the response when it is OK; a
 * failure becomes an ApiError with the server's code and sentence, or `offline`
 * when the server cannot be reached.
 */
export async function send(
  path: string,
  init: RequestInit & { token?: string; accept?: string } = {},
): Promise<Response> {
  const base = await serverBaseUrl();
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.accept ? { accept: init.accept } : {}),
      },
    });
  } catch {
    throw new ApiError(0, 'offline', 'The server cannot be reached.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string };
    } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `HTTP ${response.status}`,
    );
  }
  return response;
}

async function request<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  return (await (await send(path, init)).json().catch(() => null)) as T;
}

export const login = (email: string, password: string) =>
  request<Session>('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });

export interface PullPage {
  changes: Change[];
  cursor: number;
  hasMore: boolean;
  /** The server's data is not what this client synced from: re-bootstrap (keep the outbox). */
  reset: boolean;
  lastSeq?: number;
  /**
   * The page's JSON as the UTF-8 bytes it was read from (set by `pull`): a big page is
   * stored from them in a worker (page-writer.ts), which takes them over (transferred).
   */
  bytes?: ArrayBuffer;
  /**
   * Where the page's archived changes, its last `count`, are in `bytes` (core/sync/archive-span.ts);
   * with `contacts`, its last `count` are the page's `changes` and those contacts.
   */
  archiveSpan?: ArchiveSpan;
  /**
   * The page's contact records, which end it, left unparsed (CONTACT_SPAN_HEADER): not in
   * `changes`, since nothing on the UI thread keeps them. They are stored as these bytes.
   */
  contacts?: ArchiveSpan & { run: Uint8Array };
  /**
   * The compressed segments of the run's other changes and of its contact records, copied
   * from the response (DEFLATE_RUNS_HEADER): stored as they came, not as their JSON.
   */
  deflated?: { archived?: Uint8Array; contacts?: Uint8Array };
}

/** How many changes a page holds, its unparsed contact records too. */
export const pageSize = (page: PullPage): number => page.changes.length + (page.contacts?.count ?? 0);

/** What a pull asks for: a big page as its gzip bytes when the server has it so (PULL_PAGE_GZIP), else JSON. */
export const PULL_ACCEPT = `${PULL_PAGE_GZIP}, application/json;q=0.9`;

export async function pull(
  token: string,
  cursor: number,
  limit = 5000,
  clientId?: string,
): Promise<PullPage> {
  const response = await send(
    `/api/sync/pull?cursor=${cursor}&limit=${limit}${clientId ? `&clientId=${encodeURIComponent(clientId)}` : ''}`,
    { token, accept: PULL_ACCEPT },
  );
  return readPage(response);
}

/**
 * A pull page from its response, inflated here if it came as gzip bytes. A body
 * that breaks off or cannot be read is an error, never an empty page: the round
 * fails and is retried, and nothing is stored from it.
 */
export async function readPage(response: Response): Promise<PullPage> {
  const gzipped = (response.headers.get('content-type') ?? '').startsWith(PULL_PAGE_GZIP);
  const runsHeader = gzipped ? response.headers.get(DEFLATE_RUNS_HEADER) : null;
  let bytes: ArrayBuffer;
  let compressed: Uint8Array | null = null;
  try {
    // Read as bytes and decoded in one go: `Response.text()` on the inflated stream took
    // 2.5× as long as TextDecoder on the same bytes (bench: full bootstrap). The compressed
    // bytes are kept too when the run's segments are to be stored as they came.
    if (gzipped && response.body) {
      const [toInflate, toKeep] = runsHeader ? response.body.tee() : [response.body, null];
      const [inflated, kept] = await Promise.all([
        new Response(toInflate.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(),
        toKeep ? new Response(toKeep).arrayBuffer() : null,
      ]);
      bytes = inflated;
      compressed = kept ? new Uint8Array(kept) : null;
    } else bytes = await response.arrayBuffer();
  } catch (error) {
    throw new ApiError(0, 'offline', `A page from the server broke off: ${(error as Error).message}`);
  }
  const header = (name: string) =>
    gzipped ? parseArchiveSpan(response.headers.get(name), bytes.byteLength) : null;
  const span = header(ARCHIVE_SPAN_HEADER);
  const contactSpan = span ? header(CONTACT_SPAN_HEADER) : null;
  const runs = compressed ? parseDeflatedRuns(runsHeader, compressed) : null;
  // Copies: a segment must not keep the whole response's buffer alive in the database row.
  const segment = (range: ByteRange | undefined) =>
    range && compressed ? compressed.slice(range.from, range.to) : undefined;
  // The contact records end the archived run: the page is parsed without them.
  const cut =
    span && contactSpan && endsRun(span, contactSpan)
      ? splitAtSpan(new Uint8Array(bytes), contactSpan)
      : null;
  if (cut && contactSpan && span) {
    const decoder = new TextDecoder();
    const page = parsed(() => decoder.decode(cut.head) + decoder.decode(cut.tail), bytes);
    const others = span.count - contactSpan.count; // the archived changes parsed
    const changes = page?.changes ?? [];
    if (
      page !== null &&
      others <= changes.length &&
      changes.slice(changes.length - others).every(isArchivedChange) &&
      !changes.some(isContactChange)
    )
      // A copy: the page's bytes are handed over to the page writer (transferred), and the run
      // must outlive them if the writer stops and the page is stored here (page-writer.ts).
      return {
        ...page,
        archiveSpan: span,
        contacts: { ...contactSpan, run: cut.archived.slice() },
        ...deflatedOf(others > 0 ? segment(runs?.archived) : undefined, segment(runs?.contacts)),
      };
    // Not laid out as the headers say: read the page whole, as below.
  }
  const page = parsed(() => new TextDecoder().decode(bytes), bytes);
  if (page === null) throw new ApiError(502, 'bad_page', 'The server sent a page that is not valid JSON.');
  // A span that does not end the page's changes with archived ones only is ignored: the page is stored whole.
  const { changes } = page;
  if (
    span &&
    span.count <= changes.length &&
    changes.slice(changes.length - span.count).every(isArchivedChange)
  ) {
    page.archiveSpan = span;
    // Without contact records the run is the one segment (a page with some was cut above).
    if (!contactSpan && !runs?.contacts) Object.assign(page, deflatedOf(segment(runs?.archived), undefined));
  }
  return page;
}

/** PullPage.deflated with the segments there are, or nothing. */
const deflatedOf = (
  archived: Uint8Array | undefined,
  contacts: Uint8Array | undefined,
): Pick<PullPage, 'deflated'> =>
  archived || contacts
    ? { deflated: { ...(archived ? { archived } : {}), ...(contacts ? { contacts } : {}) } }
    : {};

/** The page in `text()`, with its bytes; null when it is not valid JSON. */
function parsed(text: () => string, bytes: ArrayBuffer): PullPage | null {
  try {
    return { ...(JSON.parse(text()) as PullPage), bytes };
  } catch {
    return null;
  }
}

/** The agent's own open queue (tickets, customers, messages) plus people: a fresh console is usable at once. */
export const myQueue = (token: string) =>
  request<{ changes: Change[] }>('/api/sync/bootstrap/mine', { token });

/** A ticket's whole thread: closed tickets' messages are not in the pull feed (sync-routes.ts). */
export const fetchThread = (token: string, ticketId: string) =>
  request<{ changes: Change[] }>(`/api/sync/thread/${encodeURIComponent(ticketId)}`, { token });

export interface PresenceOther {
  userId: string;
  name: string;
  activity: 'viewing' | 'replying';
  since: number;
}
export const beatPresence = (token: string, ticketId: string | null, activity: 'viewing' | 'replying') =>
  request<{ others: PresenceOther[] }>('/api/presence', {
    method: 'POST',
    body: JSON.stringify({ ticketId, activity }),
    token,
  });

export const push = (token: string, body: PushRequest) =>
  request<PushResponse>('/api/sync/push', { method: 'POST', body: JSON.stringify(body), token });

/**
 * Listens for pokes (Server-Sent Events read with fetch, so the token travels in
 * a header, not in the URL). Calls onPoke for each poke (and once on connect, to
 * catch up on anything missed while disconnected). Returns when the stream ends.
 */
export async function listenForPokes(token: string, onPoke: () => void, signal: AbortSignal): Promise<void> {
  const base = await serverBaseUrl();
  const response = await fetch(`${base}/api/sync/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal,
  });
  if (!response.ok || !response.body) {
    throw new ApiError(response.status, 'events_failed', `Event stream refused (${response.status}).`);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (/^event: (poke|ready)$/m.test(event)) onPoke();
      end = buffer.indexOf('\n\n');
    }
  }
}
