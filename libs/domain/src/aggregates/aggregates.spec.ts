import { isDomainError } from '../shared/domain-error';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from '../shared/deadline';
import { instantAt } from '../shared/local-date';
import { STL_2017 } from '../stl/stl-seed';
import { AGGREGATES } from './aggregates';

const QUICK_STALL: DeadlinePolicy = { ...DEFAULT_DEADLINE_POLICY, stallReminderDays: 10 };

describe('the aggregates registry: one module per kind', () => {
  it('writes each stream id and parses it back, and no module claims another kind’s id', () => {
    const stl = AGGREGATES.stl.stream.id({ aggregate: 'stl', entidad: '14' });
    const exercise = AGGREGATES.exercise.stream.id({ aggregate: 'exercise', entidad: '14', number: 2 });
    expect([stl, exercise]).toEqual(['stl/14', 'exercise/14/2']);
    expect(AGGREGATES.stl.stream.parse(stl)).toEqual({ aggregate: 'stl', entidad: '14' });
    expect(AGGREGATES.exercise.stream.parse(exercise)).toEqual({ aggregate: 'exercise', entidad: '14', number: 2 });
    expect(AGGREGATES.stl.stream.parse(exercise)).toBeUndefined();
    expect(AGGREGATES.exercise.stream.parse(stl)).toBeUndefined();
  });

  it('decides, folds and dates an exercise under the policy it is given', () => {
    const exercise = AGGREGATES.exercise;
    const decider = exercise.decider(QUICK_STALL);
    const events = decider.decide(
      { type: 'StartExercise', data: { entidad: '14', number: 1, startedOn: '2026-01-12' }, metadata: { now: instantAt('2026-01-12', 12) } },
      decider.initialState(),
    );
    if (isDomainError(events)) throw new Error(events.message);
    const state = exercise.fold(events);

    expect(exercise.entidadOf(exercise.fold([]))).toBeUndefined();
    expect(exercise.entidadOf(state)).toBe('14');
    expect(exercise.deadlines(state, QUICK_STALL).find(({ kind }) => kind === 'stall_reminder')?.dueOn).toBe('2026-01-22');
    expect(exercise.summary(state, QUICK_STALL)?.stallReminderOn).toBe('2026-01-22');
    expect(exercise.summary(state, DEFAULT_DEADLINE_POLICY)?.stallReminderOn).toBe('2026-02-11');
  });

  it('has no STL summary before the STL is registered, and names its state after', () => {
    const stl = AGGREGATES.stl;
    const jalisco = STL_2017.find(({ entidad }) => entidad === '14')!;
    const decider = stl.decider(DEFAULT_DEADLINE_POLICY);
    const registered = decider.decide(
      { type: 'RegisterStl', data: { entidad: '14', decisionRule: jalisco.decisionRule }, metadata: { now: instantAt('2026-01-12', 12) } },
      decider.initialState(),
    );
    if (isDomainError(registered)) throw new Error(registered.message);

    expect(stl.summary(stl.fold([]), DEFAULT_DEADLINE_POLICY)).toBeUndefined();
    expect(stl.entidadOf(stl.fold([]))).toBeUndefined();
    expect(stl.entidadOf(stl.fold(registered))).toBe('14');
    expect(stl.summary(stl.fold(registered), DEFAULT_DEADLINE_POLICY)?.entidad).toBe('14');
  });
});
