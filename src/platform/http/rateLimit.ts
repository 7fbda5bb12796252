/**
 * A fixed-window counter per key (e.g. client address) kept in memory: enough to slow down
 * password guessing from one place; the per-account lockout stops guessing spread across many.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one hit; false when the key has used up its window. */
  hit(key: string, at = Date.now()): boolean {
    let window = this.windows.get(key);
    if (!window || at - window.start >= this.windowMs) {
      if (this.windows.size >= this.maxKeys) this.sweep(at);
      window = { start: at, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    return window.count <= this.limit;
  }

  private sweep(at: number): void {
    for (const [key, window] of this.windows) {
      if (at - window.start >= this.windowMs) this.windows.delete(key);
    }
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}
