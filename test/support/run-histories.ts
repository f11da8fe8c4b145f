import { type Client } from '@temporalio/client';

/**
 * History length of every run of a workflow, newest first: each run's start names the run it continued from.
 */
export async function historyLengthsOfEveryRun(client: Client, workflowId: string): Promise<number[]> {
  const lengths: number[] = [];
  let runId: string | undefined;
  for (;;) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    lengths.push(events.length);
    const previous = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    if (!previous) return lengths;
    runId = previous;
  }
}
