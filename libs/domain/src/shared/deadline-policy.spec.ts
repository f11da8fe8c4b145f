import { DEFAULT_DEADLINE_POLICY, deadlinePolicyFrom, deadlinePolicyFromJson, dueInstant } from './deadline';

describe('deadline policy per deployment (DOMAIN.md: "Defaults (configurable per deployment)")', () => {
  it('keeps the defaults of DOMAIN.md when nothing is overridden', () => {
    expect(deadlinePolicyFrom({})).toEqual({ policy: DEFAULT_DEADLINE_POLICY });
    expect(DEFAULT_DEADLINE_POLICY).toMatchObject({
      stallReminderDays: 30,
      stallEnlaceEscalationDays: 45,
      stallCoordinadorEscalationDays: 60,
      vacancyReminderDays: 15,
      vacancyEscalationDays: 30,
      vacancyRepeatDays: 7,
      cadenceReminderBusinessDays: 10,
    });
  });

  it('overrides single numbers', () => {
    expect(deadlinePolicyFrom({ dueHour: 8, dueMinute: 30, vacancyRepeatDays: 14 })).toEqual({
      policy: { ...DEFAULT_DEADLINE_POLICY, dueHour: 8, dueMinute: 30, vacancyRepeatDays: 14 },
    });
  });

  it.each([
    [{ dueHour: 24 }, 'dueHour: debe ser un entero entre 0 y 23'],
    [{ dueMinute: 1.5 }, 'dueMinute: debe ser un entero entre 0 y 59'],
    [{ stallReminderDays: '30' }, 'stallReminderDays: debe ser un entero entre 0 y 365'],
    [{ recordatorio: 3 }, 'recordatorio: no es un parámetro de la política de plazos'],
  ])('refuses %j', (overrides, problem) => {
    expect(deadlinePolicyFrom(overrides)).toEqual({ problems: [problem] });
  });

  it('refuses an escalation ladder that runs backwards', () => {
    expect(deadlinePolicyFrom({ stallEnlaceEscalationDays: 70 })).toEqual({
      problems: ['El estancamiento debe recordar antes de escalar al enlace, y escalar al enlace antes que a la coordinación'],
    });
    expect(deadlinePolicyFrom({ vacancyReminderDays: 30 })).toEqual({ problems: ['La vacante debe recordarse antes de escalarse'] });
  });

  it('places a deadline at the due time of day in Mexico City', () => {
    expect(dueInstant('2026-11-23', { dueHour: 9, dueMinute: 30 })).toBe('2026-11-23T15:30:00.000Z');
  });

  it('reads the configuration text (DEADLINE_POLICY) the same way for the API and the projection rebuild', () => {
    expect(deadlinePolicyFromJson(undefined)).toEqual({ policy: DEFAULT_DEADLINE_POLICY });
    expect(deadlinePolicyFromJson('')).toEqual({ policy: DEFAULT_DEADLINE_POLICY });
    expect(deadlinePolicyFromJson('{"dueHour":8}')).toEqual({ policy: { ...DEFAULT_DEADLINE_POLICY, dueHour: 8 } });
    expect(deadlinePolicyFromJson('{dueHour: 8}')).toEqual({ problems: ['debe ser un objeto JSON'] });
    expect(deadlinePolicyFromJson('[8]')).toEqual({ problems: ['debe ser un objeto JSON'] });
    expect(deadlinePolicyFromJson('{"dueHour":25}')).toEqual({ problems: [expect.stringContaining('dueHour')] });
  });
});
