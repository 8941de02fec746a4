interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per subject: `perMinute` requests in a burst, refilled evenly over a minute.
 * Memory is bounded: past `maxSubjects` the subject seen longest ago is forgotten (and starts
 * again with a full bucket), which only ever errs on the side of letting a request through.
 */
export class SubjectRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly maxSubjects = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`perMinute must be a positive integer, got ${perMinute}`);
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes one token for `subject`: 0 when the request may go ahead, else whole seconds to wait. */
  take(subject: string): number {
    const now = this.now();
    const previous = this.buckets.get(subject);
    const elapsed = previous ? Math.max(0, now - previous.at) : 0;
    const tokens = previous ? Math.min(this.perMinute, previous.tokens + elapsed * this.refillPerMs) : this.perMinute;
    // Re-inserted so that Map order runs from least to most recently seen.
    this.buckets.delete(subject);
    if (tokens >= 1) {
      this.buckets.set(subject, { tokens: tokens - 1, at: now });
      this.forgetOldest();
      return 0;
    }
    this.buckets.set(subject, { tokens, at: now });
    return Math.max(1, Math.ceil((1 - tokens) / this.refillPerMs / 1000));
  }

  /** Subjects currently remembered. */
  get size(): number {
    return this.buckets.size;
  }

  private forgetOldest(): void {
    while (this.buckets.size > this.maxSubjects) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
  }
}
