/** A background job: what it is called, how often it runs, and the work. */
export interface Job {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

/**
 * Runs each job at start and then on its interval, never two runs of one job at once in this
 * process (across processes, each job takes its advisory lock: `runExclusive`). A failed run is
 * reported and tried again at the next tick.
 */
export function scheduleJobs(
  jobs: Job[],
  onError: (job: string, error: unknown) => void,
): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = () => {
      if (running) return;
      running = true;
      job
        .run()
        .catch((error) => onError(job.name, error))
        .finally(() => {
          running = false;
        });
    };
    tick();
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
