import { stlCommandSignal, stlWorkflowId } from '@app/contracts';
import { type ReportUndeliverable } from '@app/notifications';
import { type Client } from '@temporalio/client';

/**
 * Undeliverable mail is reported to the state's STL, whatever stream queued it: the STL is permanent (an exercise
 * may have closed since), so the escalation always has a running workflow to live in and shows on the state's page.
 */
export function reportToStl(client: Client): ReportUndeliverable {
  return async ({ entidad, reportId, undeliverable, reason }) => {
    await client.workflow.getHandle(stlWorkflowId(entidad)).signal(stlCommandSignal, {
      type: 'ReportUndeliverableMail',
      data: { reportId, undeliverable, reason },
      actor: 'sistema',
    });
  };
}
