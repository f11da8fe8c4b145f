import { getExternalWorkflowHandle, log, type SignalDefinition } from '@temporalio/workflow';

/**
 * Fire-and-forget between workflows: a missing or closed target is never fatal, because the sender's own events are
 * already stored and must not be undone by the other side's state. Answers whether the signal was delivered, so
 * the sender can record what reached nobody.
 */
export async function signalQuietly<Args extends unknown[]>(
  workflowId: string,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<boolean> {
  try {
    await getExternalWorkflowHandle(workflowId).signal(signal, ...args);
    return true;
  } catch (error) {
    log.warn('Signal not delivered', { target: workflowId, signal: signal.name, error: String(error) });
    return false;
  }
}
