import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** Answers at once: the whole of what the baseline of bench:load does with its one command. */
export const noopUpdate = defineUpdate<void>('Noop');

/**
 * The baseline of bench:load: a workflow that does nothing but answer one Update, so that starting it with
 * Update-with-Start costs what Temporal and the worker cost our workflows' starts, and nothing of ours.
 */
export async function noopWorkflow(): Promise<void> {
  let answered = false;
  setHandler(noopUpdate, () => {
    answered = true;
  });
  await condition(() => answered);
}

/** Ends at once: what a bare start (no answer awaited) costs the server, for scale in bench:load. */
export async function emptyWorkflow(): Promise<void> {
  // Nothing to do: its cost is the start itself.
}

/** The baseline of bench:timers: a workflow that only waits for one instant and ends. */
export async function timerWorkflow(dueAtMs: number): Promise<void> {
  await condition(() => false, Math.max(1, dueAtMs - Date.now()));
}
