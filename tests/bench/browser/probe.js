/**
 * Installed into every benchmark page before its own scripts (Playwright
 * addInitScript). Plain JavaScript on purpose: functions that tsx compiles get
 * helper calls (`__name`) that do not exist in the page.
 *
 * Times are read in the page (performance.now(), relative to navigation start),
 * never from wall-clock sleeps in Node. "Rendered" means the DOM holds the
 * expected content at the next animation frame: React has committed and the
 * browser is about to paint it.
 */
(() => {
  if (window.__bench) return;
  const marks = {};
  const waiters = new Map();
  let nextId = 1;

  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

  function text(selector) {
    const el = document.querySelector(selector);
    return el ? (el.textContent ?? '') : null;
  }

  /** Whether the first element matching the selector (or any, for `includes`) shows what is expected. */
  function holds(cond) {
    if (cond.includes !== undefined)
      return [...document.querySelectorAll(cond.selector)].some((el) =>
        (el.textContent ?? '').includes(cond.includes),
      );
    const value = text(cond.selector);
    if (value === null) return false;
    if (cond.equals !== undefined) return value.trim() === cond.equals;
    if (cond.matches !== undefined) return new RegExp(cond.matches).test(value);
    if (cond.changedFrom !== undefined) return value !== cond.changedFrom;
    return true;
  }

  function mark(name, cond) {
    if (marks[name] !== undefined || marks[`${name}:pending`] || !holds(cond)) return;
    marks[`${name}:pending`] = true;
    void frame().then((t) => {
      marks[name] = t;
    });
  }

  function check() {
    // A usable queue: a ticket row on screen. Settled: the top bar counts tickets (no longer "Loading…").
    mark('firstRow', { selector: '.queue-row' });
    mark('settled', { selector: '.topbar .counts', matches: '^[\\d,]+ tickets' });
    for (const w of waiters.values()) {
      if (w.done || !holds(w.cond)) continue;
      w.done = true;
      // Committed: the DOM holds it (this observer runs right after React's commit). Done: the next frame.
      const committed = performance.now();
      void frame().then((t) => {
        w.resolve({
          input: w.input,
          committed,
          done: t,
          epochInput: performance.timeOrigin + (w.input ?? NaN),
          epochDone: performance.timeOrigin + t,
        });
      });
    }
  }

  // The first input after arming is where a measurement starts (the key named by the waiter, or any input).
  for (const type of ['keydown', 'input', 'click']) {
    window.addEventListener(
      type,
      (event) => {
        for (const w of waiters.values()) {
          if (w.input !== undefined) continue;
          if (w.key && !(type === 'keydown' && event.key === w.key)) continue;
          w.input = event.timeStamp;
        }
      },
      true,
    );
  }

  const start = () => {
    new MutationObserver(check).observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    check();
  };
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);

  window.__bench = {
    marks,
    /** Arms a waiter for `cond`; returns its id. Call `result(id)` after the action. */
    arm(cond, key) {
      const id = nextId++;
      let resolve;
      const promise = new Promise((r) => (resolve = r));
      waiters.set(id, { cond, key, input: undefined, done: false, resolve, promise });
      return id;
    },
    result(id, timeoutMs = 30000) {
      const w = waiters.get(id);
      if (!w) return Promise.reject(new Error(`no waiter ${id}`));
      check();
      return Promise.race([
        w.promise.finally(() => waiters.delete(id)),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`timed out: ${JSON.stringify(w.cond)}`)), timeoutMs),
        ),
      ]);
    },
    text,

    /**
     * The baseline for the bootstrap figure: the same pull over HTTP (same pages,
     * same server, same transfer and inflating), each ticket written as its own IndexedDB row, one transaction
     * per page. Other kinds are not written at all, which favours the baseline.
     * GZIP_PAGE: the page type the console names (PULL_PAGE_GZIP).
     */
    async rawIdbBootstrap(token, name, limit, GZIP_PAGE) {
      const t0 = performance.now();
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => req.result.createObjectStore('tickets', { keyPath: 'id' });
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      let cursor = 0;
      let tickets = 0;
      for (;;) {
        // Asked for and read as the console does (api-client.ts: PULL_PAGE_GZIP).
        const res = await fetch(`/api/sync/pull?cursor=${cursor}&limit=${limit}`, {
          headers: { authorization: `Bearer ${token}`, accept: `${GZIP_PAGE}, application/json;q=0.9` },
        });
        const page = (res.headers.get('content-type') ?? '').startsWith(GZIP_PAGE)
          ? JSON.parse(await new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).text())
          : await res.json();
        await new Promise((resolve, reject) => {
          const tx = db.transaction('tickets', 'readwrite');
          const store = tx.objectStore('tickets');
          // A done ticket comes slim, its history and resolution apart (core/sync/ticket-detail.ts):
          // each ticket is written whole, as before they were sent apart.
          const details = new Map();
          for (const c of page.changes) if (c.kind === 'ticketDetail') details.set(c.id, c.data);
          for (const c of page.changes)
            if (c.kind === 'ticket') {
              const detail = details.get(c.id);
              if (detail && c.data.detailSyncId === c.syncId) {
                const { detailSyncId: _apart, ...whole } = c.data;
                store.put({ ...whole, history: detail.history, resolution: detail.resolution });
              } else store.put(c.data);
              tickets++;
            }
          tx.oncomplete = () => resolve(undefined);
          tx.onerror = () => reject(tx.error);
        });
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      const ms = performance.now() - t0;
      db.close();
      return { ms, tickets };
    },
  };
})();
