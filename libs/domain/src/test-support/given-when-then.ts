import { type Decider, type Decision, fold } from '../shared/decider';
import { type DomainError, isDomainError } from '../shared/domain-error';

/**
 * Given/when/then for any decider (Dudycz's style): the history is folded with the decider's own `evolve`, so a
 * test states facts as events and never builds a state by hand.
 *
 *   const given = givenWhenThen(exerciseDecider);
 *   given([started]).when(completeStage(1)).then([stageCompleted(1)]);   // exact events, returns the new state
 *   given([]).when(completeStage(1)).then('EXERCISE_NOT_STARTED');       // error code, returns the DomainError
 *
 * Do not return or await the object `when` gives back: it has a `then` method, so JavaScript would treat it as
 * a promise.
 */
export interface WhenResult<E, S> {
  /** What `decide` answered, for assertions the two `then` forms do not cover. */
  readonly decision: Decision<E>;
  /** The state the command was decided against. */
  readonly before: S;
  /** Expects exactly these events, in order; returns the state after evolving them. */
  then(expected: readonly E[]): S;
  /** Expects a rejection with this code; returns the error for further checks (category, details). */
  then(expectedErrorCode: string): DomainError;
}

export interface GivenResult<C, E, S> {
  readonly state: S;
  when(command: C): WhenResult<E, S>;
}

export function givenWhenThen<C, E, S>(decider: Decider<C, E, S>): (history?: readonly E[]) => GivenResult<C, E, S> {
  return (history = []) => {
    const state = fold(decider, history);
    return { state, when: (command) => whenResult(decider, state, decider.decide(command, state)) };
  };
}

/**
 * The events a sequence of commands produces, each decided against the state the previous ones left: a way to
 * write a realistic history as the commands people sent. Throws on the first rejection, naming it.
 */
export function eventsOf<C, E, S>(decider: Decider<C, E, S>, commands: readonly C[], history: readonly E[] = []): E[] {
  const events = [...history];
  let state = fold(decider, history);
  for (const command of commands) {
    const decision = decider.decide(command, state);
    if (isDomainError(decision)) throw new Error(`La historia no se pudo construir: ${show(decision)}`);
    events.push(...decision);
    state = decision.reduce((current, event) => decider.evolve(current, event), state);
  }
  return events;
}

function whenResult<C, E, S>(decider: Decider<C, E, S>, before: S, decision: Decision<E>): WhenResult<E, S> {
  function then(expected: readonly E[]): S;
  function then(expectedErrorCode: string): DomainError;
  function then(expected: readonly E[] | string): S | DomainError {
    if (typeof expected === 'string') {
      if (!isDomainError(decision))
        throw new Error(`Se esperaba el error ${expected} y hubo eventos: ${show(decision)}`);
      expect(decision.code).toBe(expected);
      return decision;
    }
    if (isDomainError(decision)) throw new Error(`Se esperaban eventos y hubo el error ${show(decision)}`);
    expect(decision).toEqual(expected);
    return decision.reduce((state, event) => decider.evolve(state, event), before);
  }
  return { decision, before, then };
}

function show(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
