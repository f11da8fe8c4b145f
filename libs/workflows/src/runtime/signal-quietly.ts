import { getExternalWorkflowHandle, log, type SignalDefinition } from '@temporalio/workflow';

/**
 * Fire-and-forget between workflows: a missing or closed target is logged, never fatal, because the sender's
 * own events are already stored and must not be undone by the other side's state.
 */
export async function signalQuietly<Args extends unknown[]>(
  workflowId: string,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<void> {
  try {
    await getExternalWorkflowHandle(workflowId).signal(signal, ...args);
  } catch (error) {
    log.warn('Signal not delivered', { target: workflowId, signal: signal.name, error: String(error) });
  }
}
