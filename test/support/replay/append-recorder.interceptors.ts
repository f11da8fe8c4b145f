import {
  type ActivityInput,
  type ConcludeActivationInput,
  type LocalActivityInput,
  type Next,
  proxySinks,
  type Sinks,
  type WorkflowInterceptorsFactory,
  type WorkflowInternalsInterceptor,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

/** What a workflow asked the store to append, seen from inside the workflow (during replay too). */
export interface RecordedAppend {
  readonly streamId: string;
  readonly firstSeq: number;
  readonly events: readonly { readonly type: string; readonly data: unknown }[];
}

/** Search attributes one activation upserted, each value as its JSON text. */
export type RecordedSearchAttributes = Readonly<Record<string, string>>;

export interface AppendRecorderSinks extends Sinks {
  appends: { record(append: RecordedAppend): void };
  searchAttributes: { record(upserted: RecordedSearchAttributes): void };
}

const { appends, searchAttributes } = proxySinks<AppendRecorderSinks>();

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

/** The upserts an activation sends, in order: replay compares their kind with the history, not their values. */
class SearchAttributesRecorder implements WorkflowInternalsInterceptor {
  concludeActivation(input: ConcludeActivationInput, next: Next<WorkflowInternalsInterceptor, 'concludeActivation'>) {
    for (const command of input.commands) {
      const fields = command.upsertWorkflowSearchAttributes?.searchAttributes?.indexedFields;
      if (!fields) continue;
      const decoded = new TextDecoder();
      searchAttributes.record(Object.fromEntries(Object.entries(fields).map(([name, payload]) => [name, decoded.decode(payload.data ?? new Uint8Array())])));
    }
    return next(input);
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [new AppendRecorder()],
  internals: [new SearchAttributesRecorder()],
});
