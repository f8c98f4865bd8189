/**
 * A least-recently-used cache bounded by entries and by a size of each value (bytes for answer
 * bodies). Concurrent requests for a key being built wait for the same build, so a crowd
 * arriving at the opening of the portal builds each answer once.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private readonly building = new Map<string, Promise<V>>();
  private total = 0;

  constructor(
    private readonly limits: { maxEntries: number; maxSize: number },
    private readonly sizeOf: (value: V) => number = () => 1,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Map keeps insertion order: moving the entry to the end marks it as the most recent.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const old = this.entries.get(key);
    if (old) {
      this.total -= old.size;
      this.entries.delete(key);
    }
    const size = this.sizeOf(value);
    // A value larger than the whole cache is answered but not kept.
    if (size > this.limits.maxSize) return;
    this.entries.set(key, { value, size });
    this.total += size;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.total <= this.limits.maxSize) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
    }
  }

  /** Re-measures a value that grew in place (a compressed copy added to an answer). */
  resize(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.set(key, entry.value);
  }

  async getOrBuild(key: string, build: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const pending = this.building.get(key);
    if (pending) return pending;
    const promise = build().then(
      (value) => {
        this.building.delete(key);
        this.set(key, value);
        return value;
      },
      (error: unknown) => {
        this.building.delete(key);
        throw error;
      },
    );
    this.building.set(key, promise);
    return promise;
  }

  get size(): { entries: number; total: number } {
    return { entries: this.entries.size, total: this.total };
  }
}
