import { REQUEST_ID_HEADER } from '@app/contracts';
import {
  AsyncLocalStorage,
  defaultPayloadConverter,
  type Next,
  type Payload,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';

/** The request-id header of the Update, Signal or start being handled; its activities carry it on. */
const handled = new AsyncLocalStorage<Payload>();

function within<Input extends { readonly headers: Record<string, Payload> }, Result>(input: Input, next: (input: Input) => Promise<Result>) {
  const requestId = input.headers[REQUEST_ID_HEADER];
  return requestId === undefined ? next(input) : handled.run(requestId, () => next(input));
}

function withRequestId<Input extends { readonly headers: Record<string, Payload> }>(input: Input): Input {
  const requestId = handled.getStore();
  return requestId === undefined ? input : { ...input, headers: { ...input.headers, [REQUEST_ID_HEADER]: requestId } };
}

const inbound: WorkflowInboundCallsInterceptor = {
  execute: (input, next: Next<WorkflowInboundCallsInterceptor, 'execute'>) => within(input, next),
  handleUpdate: (input, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>) => within(input, next),
  handleSignal: (input, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>) => within(input, next),
};

/**
 * Headers are not part of what replay compares, so these interceptors change no decision and no command: they only
 * pass the API's request id from the Update to the activities it schedules, and name it in the workflow's log lines.
 */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [inbound],
  outbound: [
    {
      scheduleActivity: (input, next) => next(withRequestId(input)),
      scheduleLocalActivity: (input, next) => next(withRequestId(input)),
      getLogAttributes: (input, next) => {
        const requestId = handled.getStore();
        return next(requestId === undefined ? input : { ...input, requestId: defaultPayloadConverter.fromPayload(requestId) });
      },
    },
  ],
});
