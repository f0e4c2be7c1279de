/**
 * A map that reads as `base` with a few entries set on top, made in O(1)
 * instead of copying `base`. The optimistic view adds an agent's note to one
 * ticket's thread: copying the 100k-entry message map for that took ~10 ms
 * of every change at 100k tickets (and as much again in garbage), before the
 * note could show (bench: optimistic change).
 *
 * It is a Map (snapshots and memos keep treating the workspace's maps as
 * values): reads and iteration see both layers, writes go to the top layer.
 * Entries of `base` cannot be deleted through it; nothing in the overlay does.
 */
export class LayeredMap<K, V> extends Map<K, V> {
  constructor(private readonly base: ReadonlyMap<K, V>) {
    super();
  }

  override get(key: K): V | undefined {
    return super.has(key) ? super.get(key) : this.base.get(key);
  }

  override has(key: K): boolean {
    return super.has(key) || this.base.has(key);
  }

  override get size(): number {
    let size = this.base.size;
    for (const key of super.keys()) if (!this.base.has(key)) size++;
    return size;
  }

  override delete(key: K): boolean {
    if (this.base.has(key)) throw new Error('LayeredMap: an entry of the base map cannot be deleted');
    return super.delete(key);
  }

  override clear(): void {
    throw new Error('LayeredMap: cannot be cleared');
  }

  /** The base's entries (as replaced on top) in their order, then the ones only on top. */
  override *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) yield [key, super.has(key) ? (super.get(key) as V) : value];
    for (const entry of super.entries()) if (!this.base.has(entry[0])) yield entry;
  }

  override *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  override *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
