import { type Command, type Decider, type DomainEvent } from '../shared/decider';
import { domainError } from '../shared/domain-error';
import { eventsOf, givenWhenThen } from './given-when-then';

// A counter that refuses to go below zero: the smallest decider that has both events and a rule.
type Decrement = Command<'Decrement', { by: number }>;
type Decremented = DomainEvent<'Decremented', { by: number }>;
type Incremented = DomainEvent<'Incremented', { by: number }>;
type CounterEvent = Incremented | Decremented;

const counter: Decider<Decrement, CounterEvent, number> = {
  initialState: () => 0,
  evolve: (state, event) => (event.type === 'Incremented' ? state + event.data.by : state - event.data.by),
  decide: (command, state) =>
    command.data.by > state
      ? domainError('conflict', 'BELOW_ZERO', 'El contador no puede quedar negativo.')
      : [{ type: 'Decremented', data: { by: command.data.by } }],
};

const given = givenWhenThen(counter);
const decrement = (by: number): Decrement => ({
  type: 'Decrement',
  data: { by },
  metadata: { now: '2026-11-22T15:00:00.000Z' },
});

describe('givenWhenThen', () => {
  it('folds the history, compares the events and returns the evolved state', () => {
    const result = given([{ type: 'Incremented', data: { by: 3 } }]).when(decrement(2));
    expect(result.before).toBe(3);
    expect(result.then([{ type: 'Decremented', data: { by: 2 } }])).toBe(1);
  });

  it('returns the rejection when the expected code matches', () => {
    expect(given().when(decrement(1)).then('BELOW_ZERO').category).toBe('conflict');
    expect(given().state).toBe(0);
  });

  it('fails loudly when events were expected and an error came, or the other way round', () => {
    expect(() => given().when(decrement(1)).then([])).toThrow(/BELOW_ZERO/);
    expect(() =>
      given([{ type: 'Incremented', data: { by: 1 } }])
        .when(decrement(1))
        .then('BELOW_ZERO'),
    ).toThrow(/Decremented/);
  });
});

describe('eventsOf', () => {
  const increment: CounterEvent = { type: 'Incremented', data: { by: 2 } };

  it('decides each command against the state the previous ones left', () => {
    expect(eventsOf(counter, [decrement(1), decrement(1)], [increment])).toEqual([
      increment,
      { type: 'Decremented', data: { by: 1 } },
      { type: 'Decremented', data: { by: 1 } },
    ]);
  });

  it('refuses to build a history a rule would have rejected', () => {
    expect(() => eventsOf(counter, [decrement(3)], [increment])).toThrow(/BELOW_ZERO/);
  });
});
