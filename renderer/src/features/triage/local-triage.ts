/**
 * The triage model in the console, for tickets logged offline: the same
 * resources/triage/model.json the server uses, emitted by the build as a
 * hashed asset and fetched once (the service worker, or Electron's local
 * files, keep it for offline use). Loaded lazily so the console opens without
 * waiting for half a megabyte of word weights.
 */
import { parseTriageModel, type TriageModel } from '../../../../core/triage';
import modelUrl from '../../../../resources/triage/model.json?url';

let loading: Promise<TriageModel | null> | null = null;

/** The model, or null when it cannot be had (never fetched before and no network). */
export function loadLocalTriageModel(): Promise<TriageModel | null> {
  loading ??= fetch(modelUrl)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((json: unknown) => parseTriageModel(json))
    .catch(() => {
      loading = null; // try again next time (e.g. once back online)
      return null;
    });
  return loading;
}
