import { AsyncLocalStorage } from 'node:async_hooks';
import { REQUEST_ID_HEADER } from '@app/contracts';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';

/** The request being served (API) or the command whose activity runs (worker), for the log lines it causes. */
export const requestContext = new AsyncLocalStorage<{ readonly requestId: string }>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/** Temporal headers carrying the current request id, when there is one. */
export function withRequestIdHeader(headers: Record<string, Payload>): Record<string, Payload> {
  const requestId = currentRequestId();
  return requestId === undefined ? headers : { ...headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) };
}

export function requestIdFromHeaders(headers: Record<string, Payload>): string | undefined {
  const payload = headers[REQUEST_ID_HEADER];
  return payload === undefined ? undefined : defaultPayloadConverter.fromPayload<string>(payload);
}
