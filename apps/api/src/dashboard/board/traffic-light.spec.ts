import { cadenceStatus } from './traffic-light';

/**
 * The two-month mark on Monday 30 November 2026. Ten business days before it, counted on the domain's calendar:
 * 27, 26, 25, 24, 23, 20, 19, 18, 17 and — Monday 16 November being the Día de la Revolución — Friday 13 November.
 */
const DUE_ON = '2026-11-30';
const REMINDER_ON = '2026-11-13';

describe('bimonthly session traffic light', () => {
  it('has no light before the STL is installed', () => {
    expect(cadenceStatus(undefined, '2026-11-01')).toEqual({ light: 'sin_plazo' });
    expect(cadenceStatus({}, '2026-11-01')).toEqual({ light: 'sin_plazo' });
  });

  it('is green until the cadence reminder goes out, amber from then to the mark, red after it', () => {
    const light = (today: string) => cadenceStatus({ nextSessionDueOn: DUE_ON }, today).light;

    expect(light('2026-11-12')).toBe('verde');
    expect(light(REMINDER_ON)).toBe('ambar');
    expect(light(DUE_ON)).toBe('ambar');
    expect(light('2026-12-01')).toBe('rojo');
    expect(cadenceStatus({ nextSessionDueOn: DUE_ON }, '2026-11-20')).toEqual({ light: 'ambar', dueOn: DUE_ON, reminderOn: REMINDER_ON });
  });

  it('stays green while a session convened on or before the mark covers the period, and turns red once the mark passes', () => {
    const covered = { nextSessionDueOn: DUE_ON, nextSession: { sessionId: '2026-11-27-1', date: '2026-11-27', kind: 'ordinaria' as const } };
    const late = { ...covered, nextSession: { ...covered.nextSession, date: '2026-12-03' } };

    expect(cadenceStatus(covered, '2026-11-20').light).toBe('verde');
    expect(cadenceStatus(late, '2026-11-20').light).toBe('ambar');
    expect(cadenceStatus(covered, '2026-12-01').light).toBe('rojo');
  });
});
