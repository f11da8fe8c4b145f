import { withRequestIdHeader } from '@app/observability';
import { type WorkflowClientInterceptor } from '@temporalio/client';

/** Every start, Update and Signal the API sends carries the id of the HTTP request it serves (X-Request-Id). */
export const requestIdClientInterceptor: WorkflowClientInterceptor = {
  start: (input, next) => next({ ...input, headers: withRequestIdHeader(input.headers) }),
  startUpdate: (input, next) => next({ ...input, headers: withRequestIdHeader(input.headers) }),
  startUpdateWithStart: (input, next) =>
    next({
      ...input,
      workflowStartHeaders: withRequestIdHeader(input.workflowStartHeaders),
      updateHeaders: withRequestIdHeader(input.updateHeaders),
    }),
  signal: (input, next) => next({ ...input, headers: withRequestIdHeader(input.headers) }),
  signalWithStart: (input, next) => next({ ...input, headers: withRequestIdHeader(input.headers) }),
};
