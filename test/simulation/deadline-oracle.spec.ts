import { DEFAULT_DEADLINE_POLICY, addDays, exerciseDecider, type ExerciseEvent, exerciseDeadlines, fold, instantAt, type LocalDate } from '@app/domain';
import { checkDeadlines, type LoggedEvent } from './deadline-oracle';

const STARTED_ON: LocalDate = '2031-02-03';

/** An exercise's log as the store keeps it: each command's events at the instant it was decided. */
class LogOf {
  readonly events: LoggedEvent[] = [];

  send(type: string, data: unknown, at: string): this {
    const state = fold(exerciseDecider, this.events as never);
    const decided = exerciseDecider.decide({ type, data, metadata: { now: at, actor: 'oráculo' } } as never, state);
    if (!Array.isArray(decided)) throw new Error(`refused: ${JSON.stringify(decided)}`);
    for (const event of decided as ExerciseEvent[]) this.events.push({ seq: this.events.length + 1, type: event.type, data: event.data, occurredAt: at });
    return this;
  }

  /** Fires what the pure domain says is due next, at `at`. */
  fire(at: string): this {
    const [next] = exerciseDeadlines(fold(exerciseDecider, this.events as never), DEFAULT_DEADLINE_POLICY);
    return this.send('FireDeadline', { deadlineId: next.id }, at);
  }
}

const started = () => new LogOf().send('StartExercise', { entidad: '14', number: 1, startedOn: STARTED_ON }, instantAt(STARTED_ON, 12));
const stallReminderAt = instantAt(addDays(STARTED_ON, 30), 9);
const end = (days: number) => Date.parse(instantAt(addDays(STARTED_ON, days), 12));

describe('the deadline oracle', () => {
  it('accepts a reminder fired at its instant', () => {
    const result = checkDeadlines('exercise/14/1', started().fire(stallReminderAt).events, end(40));
    expect(result).toEqual({ firings: 1, violations: [] });
  });

  it('reports a reminder that never fired', () => {
    const { violations } = checkDeadlines('exercise/14/1', started().events, end(40));
    expect(violations).toEqual([expect.objectContaining({ invariant: 'b', message: expect.stringContaining('no se disparó') })]);
  });

  it('reports a reminder fired late, and one fired twice', () => {
    const late = started().fire(instantAt(addDays(STARTED_ON, 31), 9));
    expect(checkDeadlines('exercise/14/1', late.events, end(40)).violations).toEqual([
      expect.objectContaining({ seq: 2, message: expect.stringContaining('vencía el') }),
    ]);
    const twice = started().fire(stallReminderAt);
    twice.events.push({ ...twice.events[1], seq: 3, occurredAt: instantAt(addDays(STARTED_ON, 32), 9) });
    expect(checkDeadlines('exercise/14/1', twice.events, end(40)).violations).toEqual([
      expect.objectContaining({ seq: 3, message: expect.stringContaining('no estaba pendiente') }),
    ]);
  });

  it('excuses lateness only as far as the run says it could not fire, and never an early firing', () => {
    const due = Date.parse(stallReminderAt);
    const twoHoursLate = started().fire(instantAt(addDays(STARTED_ON, 30), 11));
    const downUntilHalfPastTen = (dueMs: number) => Math.max(dueMs, due + 90 * 60_000) + 60 * 60_000;
    expect(checkDeadlines('exercise/14/1', twoHoursLate.events, end(40), DEFAULT_DEADLINE_POLICY, downUntilHalfPastTen).violations).toEqual([]);

    const threeHoursLate = started().fire(instantAt(addDays(STARTED_ON, 30), 12));
    expect(checkDeadlines('exercise/14/1', threeHoursLate.events, end(40), DEFAULT_DEADLINE_POLICY, downUntilHalfPastTen).violations).toEqual([
      expect.objectContaining({ seq: 2, message: expect.stringContaining('vencía el') }),
    ]);

    // The domain refuses to fire early; a log that says so anyway (a workflow clock gone wrong) must not pass.
    const early = started().fire(stallReminderAt);
    early.events[1] = { ...early.events[1], occurredAt: instantAt(addDays(STARTED_ON, 30), 7) };
    expect(checkDeadlines('exercise/14/1', early.events, end(40), DEFAULT_DEADLINE_POLICY, downUntilHalfPastTen).violations).toEqual([
      expect.objectContaining({ seq: 2, message: expect.stringContaining('vencía el') }),
    ]);
  });

  it('does not count an escalation raised by a command as a firing (chaos seed 3: an STL refusing its installation)', () => {
    const incident = started().send('RecordIncident', { incidentId: 'rechazo:stl/14@3:0', reason: 'Falta un titular de sociedad civil.' }, instantAt(addDays(STARTED_ON, 2), 12));
    expect(incident.events.at(-1)).toMatchObject({ type: 'EscalationRaised', data: { deadlineId: 'incidente:rechazo:stl/14@3:0' } });

    expect(checkDeadlines('exercise/14/1', incident.events, end(20))).toEqual({ firings: 0, violations: [] });
  });
});
