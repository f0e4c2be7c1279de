/**
 * Node's `events` for the PouchDB baseline bundle: just the EventEmitter calls
 * PouchDB makes. Listener lists are created lazily because PouchDB mixes the
 * emitter into objects whose constructor never ran, and a function with
 * enumerable prototype methods (as Node's): PouchDB copies them onto its classes.
 */
const lists = (emitter) => (emitter.__shimListeners ??= new Map());

export default function EventEmitter() {}
EventEmitter.prototype.on = function (type, fn) {
  const map = lists(this);
  map.set(type, [...(map.get(type) ?? []), fn]);
  return this;
};
EventEmitter.prototype.addListener = function (type, fn) {
  return this.on(type, fn);
};
EventEmitter.prototype.once = function (type, fn) {
  const wrapper = (...args) => {
    this.removeListener(type, wrapper);
    fn.apply(this, args);
  };
  wrapper.listener = fn;
  return this.on(type, wrapper);
};
EventEmitter.prototype.removeListener = function (type, fn) {
  const map = lists(this);
  const list = (map.get(type) ?? []).filter((l) => l !== fn && l.listener !== fn);
  if (list.length > 0) map.set(type, list);
  else map.delete(type);
  return this;
};
EventEmitter.prototype.off = function (type, fn) {
  return this.removeListener(type, fn);
};
EventEmitter.prototype.removeAllListeners = function (type) {
  if (type === undefined) lists(this).clear();
  else lists(this).delete(type);
  return this;
};
EventEmitter.prototype.listeners = function (type) {
  return (lists(this).get(type) ?? []).map((l) => l.listener ?? l);
};
EventEmitter.prototype.listenerCount = function (type) {
  return (lists(this).get(type) ?? []).length;
};
EventEmitter.prototype.setMaxListeners = function () {
  return this;
};
EventEmitter.prototype.emit = function (type, ...args) {
  const list = lists(this).get(type);
  if (!list || list.length === 0) {
    if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
    return false;
  }
  for (const l of [...list]) l.apply(this, args);
  return true;
};
export { EventEmitter };
