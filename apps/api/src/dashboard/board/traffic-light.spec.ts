import { cadenceStatus } from './traffic-light';

/** The two-month mark on Monday 30 November 2026 and the reminder's date the STL's summary gives for it. */
const DUE_ON = '2026-11-30';
const REMINDER_ON = '2026-11-13';

describe('bimonthly session traffic light', () => {
  it('has no light before the STL is installed', () => {
    expect(cadenceStatus(undefined, '2026-11-01')).toEqual({ light: 'sin_plazo' });
    expect(cadenceStatus({}, '2026-11-01')).toEqual({ light: 'sin_plazo' });
  });

  it('is green until the cadence reminder goes out, amber from then to the mark, red after it', () => {
    const light = (today: string) => cadenceStatus({ nextSessionDueOn: DUE_ON, cadenceReminderOn: REMINDER_ON }, today).light;

    expect(light('2026-11-12')).toBe('verde');
    expect(light(REMINDER_ON)).toBe('ambar');
    expect(light(DUE_ON)).toBe('ambar');
    expect(light('2026-12-01')).toBe('rojo');
    expect(cadenceStatus({ nextSessionDueOn: DUE_ON, cadenceReminderOn: REMINDER_ON }, '2026-11-20')).toEqual({ light: 'ambar', dueOn: DUE_ON, reminderOn: REMINDER_ON });
  });

  it('stays green while a session convened on or before the mark covers the period, and turns red once the mark passes', () => {
    const covered = { nextSessionDueOn: DUE_ON, cadenceReminderOn: REMINDER_ON, nextSession: { sessionId: '2026-11-27-1', date: '2026-11-27', kind: 'ordinaria' as const } };
    const late = { ...covered, nextSession: { ...covered.nextSession, date: '2026-12-03' } };

    expect(cadenceStatus(covered, '2026-11-20').light).toBe('verde');
    expect(cadenceStatus(late, '2026-11-20').light).toBe('ambar');
    expect(cadenceStatus(covered, '2026-12-01').light).toBe('rojo');
  });

  it('turns amber on the reminder date under the STL policy, not on a default one', () => {
    const underShortPolicy = { nextSessionDueOn: DUE_ON, cadenceReminderOn: '2026-11-23' };

    expect(cadenceStatus(underShortPolicy, '2026-11-20').light).toBe('verde');
    expect(cadenceStatus(underShortPolicy, '2026-11-23')).toEqual({ light: 'ambar', dueOn: DUE_ON, reminderOn: '2026-11-23' });
  });
});
