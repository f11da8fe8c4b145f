import { type DomainError } from '@app/domain';
import { ApplicationFailure } from '@temporalio/common';

/**
 * A command as the API sends it to a workflow: the workflow adds `metadata.now` from its own clock, so the rules
 * judge dates against workflow time, deterministically.
 */
export interface CommandRequest<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly actor?: string;
  /** Set by the sending workflow for commands sent as signals, so a re-sent signal is recognised as the same command. */
  readonly commandId?: string;
}

/** Failure type of every domain rejection; the rejection itself travels as the failure's first detail. */
export const DOMAIN_REJECTION = 'DomainRejection';

export function domainRejectionFailure(rejection: DomainError): ApplicationFailure {
  return ApplicationFailure.create({
    type: DOMAIN_REJECTION,
    message: rejection.message,
    nonRetryable: true,
    details: [rejection],
  });
}

export function domainRejectionOf(failure: unknown): DomainError | undefined {
  let cause: unknown = failure;
  while (cause instanceof Error) {
    if (cause instanceof ApplicationFailure && cause.type === DOMAIN_REJECTION) {
      const [rejection] = cause.details ?? [];
      return rejection as DomainError;
    }
    cause = cause.cause;
  }
  return undefined;
}
