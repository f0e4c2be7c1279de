/**
 * The board's figures from the metrics worker: opens it on the user's local
 * store, tells it when the store's cursor moves, and asks for a recompute when
 * the data, the filters or the clock change. At most one compute is in flight;
 * changes arriving meanwhile fold into one more. The main thread does O(1)
 * work per change: the worker reads the rows itself.
 */
import * as Comlink from 'comlink';
import { useEffect, useRef, useState } from 'react';
import type { BoardQuery } from '../../../../core/metrics/board';
import type { MetricsWorkerApi, WorkerBoard } from './metrics.worker';

export type BoardState =
  | { status: 'loading'; board: null; error: null }
  | { status: 'ready'; board: WorkerBoard; error: string | null }
  | { status: 'error'; board: WorkerBoard | null; error: string };

export function useBoard(dbName: string, cursor: number, query: BoardQuery): BoardState {
  const [state, setState] = useState<BoardState>({ status: 'loading', board: null, error: null });
  const api = useRef<{ remote: Comlink.Remote<MetricsWorkerApi>; ready: Promise<void> } | null>(null);
  const running = useRef(false);
  const pending = useRef<{ refresh: boolean; query: BoardQuery } | null>(null);

  useEffect(() => {
    const worker = new Worker(new URL('./metrics.worker.ts', import.meta.url), { type: 'module' });
    const remote = Comlink.wrap<MetricsWorkerApi>(worker);
    api.current = { remote, ready: remote.open(dbName) };
    return () => {
      api.current = null;
      remote[Comlink.releaseProxy]();
      worker.terminate();
    };
  }, [dbName]);

  const cursorSeen = useRef(-1);
  const { now, windowDays, squadId } = query;
  useEffect(() => {
    const refresh = cursor !== cursorSeen.current;
    cursorSeen.current = cursor;
    const wanted = {
      refresh: refresh || (pending.current?.refresh ?? false),
      query: { now, windowDays, squadId },
    };
    pending.current = wanted;
    if (running.current) return;
    const run = async () => {
      running.current = true;
      try {
        while (pending.current && api.current) {
          const job = pending.current;
          pending.current = null;
          const { remote, ready } = api.current;
          await ready;
          if (job.refresh) await remote.refresh();
          const board = await remote.compute(job.query);
          setState({ status: 'ready', board, error: null });
        }
      } catch (e) {
        const error = `The wallboard could not compute its figures: ${e instanceof Error ? e.message : String(e)}`;
        setState((s) => ({ status: 'error', board: s.board, error }));
      } finally {
        running.current = false;
      }
    };
    void run();
  }, [cursor, now, windowDays, squadId]);

  return state;
}
