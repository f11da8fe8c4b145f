import {
  type ActivityInput,
  type LocalActivityInput,
  type Next,
  proxySinks,
  type Sinks,
  type WorkflowInterceptorsFactory,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

/** What a workflow asked the store to append, seen from inside the workflow (during replay too). */
export interface RecordedAppend {
  readonly streamId: string;
  readonly firstSeq: number;
  readonly events: readonly { readonly type: string; readonly data: unknown }[];
}

export interface AppendRecorderSinks extends Sinks {
  appends: { record(append: RecordedAppend): void };
}

const { appends } = proxySinks<AppendRecorderSinks>();

function recordAppend(activityType: string, args: unknown[]): void {
  if (activityType !== 'appendEvents') return;
  const { streamId, firstSeq, events } = args[0] as RecordedAppend;
  appends.record({ streamId, firstSeq, events: events.map(({ type, data }) => ({ type, data })) });
}

/** Bundled only into the replay test's workflows: reports every append's events through a sink. */
class AppendRecorder implements WorkflowOutboundCallsInterceptor {
  scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>) {
    recordAppend(input.activityType, input.args);
    return next(input);
  }

  scheduleLocalActivity(input: LocalActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>) {
    recordAppend(input.activityType, input.args);
    return next(input);
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({ outbound: [new AppendRecorder()] });
