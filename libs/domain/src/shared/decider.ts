import { type DomainError } from './domain-error';
import { type Instant } from './local-date';

/** Who asked and when. `now` is always passed in: the rules never read a clock. */
export interface CommandMetadata {
  readonly now: Instant;
  readonly actor?: string;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** The events a command produces, or the rule that refused it. */
export type Decision<E> = readonly E[] | DomainError;

export interface Decider<C, E, S> {
  decide(command: C, state: S): Decision<E>;
  evolve(state: S, event: E): S;
  initialState(): S;
}

export function fold<E, S>(decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>, events: readonly E[]): S {
  return events.reduce(decider.evolve, decider.initialState());
}
