/**
 * Serialises work per key within this process. Commands on one stream then never race each
 * other here, so the optimistic retry only has to absorb writers in other processes.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  /**
   * Work on a key nobody holds starts at once; otherwise after the work queued before it, however
   * that ended. The promise is the work's own: no hop through a wrapper per command.
   */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    const result = previous ? previous.then(work, work) : started(work);
    const release = () => {
      // Drop the entry once nobody queued behind us, so the map does not grow with every stream.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
    const tail: Promise<unknown> = result.then(release, release);
    this.tails.set(key, tail);
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}

/** Work that throws before it returns a promise fails like work whose promise rejects. */
function started<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error);
  }
}
