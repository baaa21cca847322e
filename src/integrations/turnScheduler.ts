/**
 * Starts queued jobs one per event-loop turn (setImmediate), first come first served.
 *
 * Why: Slack wants every request acked within 3 s, and the ack of a request is I/O that only
 * runs between turns. Answer work started straight after an ack runs its CPU-heavy part
 * (search, rerank) before the loop looks at the socket again, so under a burst every new
 * request waits for all the searches queued before it. Spacing the starts lets the loop
 * ack the incoming requests between two searches; the answers queue instead of the acks.
 */
export class TurnScheduler {
  private readonly queue: Array<() => void> = [];
  private scheduled = false;
  private warnedAt = 0;

  constructor(
    private readonly options: {
      /** Backlog size at which onBacklog is called (once per doubling), so an admin sees overload. */
      warnBacklog?: number;
      onBacklog?: (pending: number) => void;
    } = {},
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  /** Runs job in a later turn; resolves or rejects with the job. */
  run<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        try {
          job().then(resolve, reject);
        } catch (error) {
          reject(error);
        }
      });
      this.noteBacklog();
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const start = this.queue.shift();
      start?.();
      this.schedule();
    });
  }

  private noteBacklog(): void {
    const { warnBacklog = 200, onBacklog } = this.options;
    const pending = this.queue.length;
    if (pending < warnBacklog) {
      this.warnedAt = 0;
      return;
    }
    if (pending >= Math.max(warnBacklog, this.warnedAt * 2)) {
      this.warnedAt = pending;
      onBacklog?.(pending);
    }
  }
}
