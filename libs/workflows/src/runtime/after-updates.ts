import { patched, setHandler, type SignalDefinition } from '@temporalio/workflow';

/**
 * An Update and a Signal delivered in one activation are applied Updates first, whatever order the server sequenced
 * them in. The time-skipping server records an Update's sequencing by the task that accepted it, not by where it
 * delivered it: an Update admitted just before a Signal ran first, and the replay of that history ran it second
 * (a nondeterminism error that stopped the workflow).
 */
const UPDATES_BEFORE_SIGNALS = 'updates-before-signals';

/** Handles a Signal after the Updates delivered with it. */
export function setSignalHandlerAfterUpdates<Args extends unknown[]>(signal: SignalDefinition<Args>, handler: (...args: Args) => unknown): void {
  setHandler(signal, async (...args: Args) => {
    // Every job of an activation starts before any microtask runs, and an Update joins the entity's queue
    // synchronously: one await lets each Update of this activation take its place first.
    if (patched(UPDATES_BEFORE_SIGNALS)) await Promise.resolve();
    await handler(...args);
  });
}
