/**
 * The PouchDB baseline's page (bundled by esbuild at bench time): PouchDB in the
 * browser replicating a database from express-pouchdb into IndexedDB, as an
 * offline-first PouchDB app would do its initial sync.
 */
import PouchDB from 'pouchdb-browser';

window.pouchInitialSync = async (remoteUrl, name, batchSize) => {
  const t0 = performance.now();
  const local = new PouchDB(name);
  // A tuned baseline: bigger batches than the default 100 are markedly faster.
  await local.replicate.from(remoteUrl, { batch_size: batchSize, batches_limit: 5 });
  const ms = performance.now() - t0;
  const info = await local.info();
  await local.close();
  return { ms, docs: info.doc_count };
};
