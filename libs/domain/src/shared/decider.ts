import { type DeadlinePolicy } from './deadline';
import { type DomainError } from './domain-error';
import { type Instant, localDateAt, type LocalDate } from './local-date';

/** Who asked and when. `now` is always passed in: the rules never read a clock. */
export interface CommandMetadata {
  readonly now: Instant;
  readonly actor?: string;
}

/** What every handler of both aggregates may know besides the command and the state. */
export interface DecisionContext {
  readonly now: Instant;
  /** The civil date of `now` in Mexico City: reported dates may not be after it. */
  readonly today: LocalDate;
  readonly actor?: string;
  /** The deployment's reminder and escalation numbers the stream runs under. */
  readonly policy: DeadlinePolicy;
  /**
   * Runs begun before issue 22 took a backdated `convokedOn` as the notice's start without justification; their
   * recorded histories must replay as they ran. Absent everywhere else.
   */
  readonly backdatedNoticeAccepted?: boolean;
  /** Runs begun before issue 21 took an empty attendance list without `withoutAttendees`. Absent elsewhere. */
  readonly emptyAttendanceAccepted?: boolean;
  /**
   * Runs begun before issue 21 took the PAL's acts dated before today without justification, a monitoring or an
   * evaluation dated before its due day, and the mesas concluded before their commitments' day. Absent elsewhere.
   */
  readonly backdatedPalActsAccepted?: boolean;
  /**
   * Runs begun before each STL kept its own mecanismo de gobernanza (issue 17): no mechanism event at registration,
   * reserved acts without a decision, inactivity proposed by the system and removals decided by a bare yes/no.
   * Their recorded histories must replay as they ran. Absent everywhere else.
   */
  readonly legacyGovernance?: boolean;
  /**
   * Runs begun before issue 17 completed step 3 without the STL's installation and composition, closed step 6
   * without the monitoring and the micrositio, and watched neither the six steps' twelve months nor the progress of
   * commitments; their recorded histories must replay as they ran. Absent everywhere else.
   */
  readonly stepsBeforeIssue17?: boolean;
  /** Runs begun before the launch of the PAL closed the six steps' twelve-month escalation kept it open. */
  readonly termOpenAfterLaunch?: boolean;
}

/** The context of a command decided under `policy`. */
export function decisionContext(metadata: CommandMetadata, policy: DeadlinePolicy): DecisionContext {
  const { now, actor } = metadata;
  return { now, today: localDateAt(now), policy, ...(actor !== undefined && { actor }) };
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
