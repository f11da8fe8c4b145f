import { condition } from '@temporalio/workflow';

/** The baseline of bench:load: a workflow that does nothing, started the same way as the real ones. */
export async function noopWorkflow(): Promise<void> {
  // Nothing to do: its cost is the start itself.
}

/** The baseline of bench:timers: a workflow that only waits for one instant and ends. */
export async function timerWorkflow(dueAtMs: number): Promise<void> {
  await condition(() => false, Math.max(1, dueAtMs - Date.now()));
}
