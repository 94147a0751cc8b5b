/**
 * Work for a few lanes side by side, where doing one item may add more (an archive's files). A lane
 * that finds the queue empty waits while others still work, since they may add to it.
 */
export class WorkQueue<T> {
  private readonly items: T[];
  private next = 0;
  private active = 0;
  private waiters: (() => void)[] = [];

  constructor(items: readonly T[]) {
    this.items = [...items];
  }

  /** Everything ever queued. */
  get total(): number {
    return this.items.length;
  }

  push(items: readonly T[]): void {
    this.items.push(...items);
    this.wake();
  }

  /** The next item, or undefined once the queue is empty and no lane can add to it. Call done() after. */
  async take(): Promise<T | undefined> {
    for (;;) {
      if (this.next < this.items.length) {
        this.active++;
        return this.items[this.next++];
      }
      if (this.active === 0) {
        this.wake();
        return undefined;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  done(): void {
    this.active--;
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }
}
