import type { GlobalPosition } from './event-store.port';

type Listener = (position: GlobalPosition) => void;

/** The in-process "something was appended" signal both embedded adapters emit after a commit. */
export class AppendListeners {
  private readonly listeners = new Set<Listener>();

  add(listener: Listener): () => void {
    // Wrapped so the same function subscribed twice is two subscriptions, each removable once.
    const entry: Listener = (position) => listener(position);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  /**
   * The append is already committed when this runs, so a throwing listener must neither fail it
   * nor starve the listeners after it; its error surfaces as a process warning instead.
   */
  notify(position: GlobalPosition): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(position);
      } catch (error) {
        process.emitWarning(error instanceof Error ? error : new Error(String(error)), 'AppendListenerError');
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
