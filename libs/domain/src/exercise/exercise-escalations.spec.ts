import { countOpen } from '../shared/escalation';
import { commandAt, commandOn, given, historyOf, jaliscoIniciado, noonOf } from '../test-support/exercise-fixtures';

const ENLACE = 'stall:2026-01-12:enlace';
const COORDINADOR = 'stall:2026-01-12:coordinador';
const escalated = historyOf(
  [
    commandAt('2026-02-26T15:00:00.000Z', 'FireDeadline', { deadlineId: ENLACE }),
    commandAt('2026-03-13T15:00:00.000Z', 'FireDeadline', { deadlineId: COORDINADOR }),
  ],
  jaliscoIniciado,
);
const acknowledge = (escalationId: string, actor?: string) =>
  commandOn('2026-03-14', 'AcknowledgeEscalation', { escalationId }, actor);
const resolve = (escalationId: string, resolution: string, actor?: string) =>
  commandOn('2026-03-16', 'ResolveEscalation', { escalationId, resolution }, actor);

describe('AcknowledgeEscalation (the enlace or coordinador takes it up)', () => {
  it('records who acknowledged it and when; acknowledging again records nothing', () => {
    given(escalated)
      .when(acknowledge(ENLACE, 'maria.montiel@inai.org.mx'))
      .then([
        {
          type: 'EscalationAcknowledged',
          data: { escalationId: ENLACE, by: 'maria.montiel@inai.org.mx', at: noonOf('2026-03-14') },
        },
      ]);
    const acknowledged = historyOf([acknowledge(ENLACE, 'maria.montiel@inai.org.mx')], escalated);
    given(acknowledged).when(acknowledge(ENLACE, 'otra@inai.org.mx')).then([]);
  });

  it.each([
    ['ACTOR_REQUIRED', acknowledge(ENLACE)],
    ['ACTOR_REQUIRED', acknowledge(ENLACE, '  ')],
    ['ESCALATION_NOT_FOUND', acknowledge('stall:2026-01-12:reminder', 'enlace@inai.org.mx')],
  ])('refuses with %s', (code, command) => {
    given(escalated).when(command).then(code);
  });
});

describe('ResolveEscalation', () => {
  it('records the resolution, who gave it and when', () => {
    given(escalated)
      .when(resolve(ENLACE, '  El garante reprogramó la ruta de trabajo. ', 'coordinacion@inai.org.mx'))
      .then([
        {
          type: 'EscalationResolved',
          data: {
            escalationId: ENLACE,
            at: noonOf('2026-03-16'),
            by: 'coordinacion@inai.org.mx',
            resolution: 'El garante reprogramó la ruta de trabajo.',
          },
        },
      ]);
  });

  it.each([
    ['RESOLUTION_REQUIRED', resolve(ENLACE, ' ', 'coordinacion@inai.org.mx')],
    ['ACTOR_REQUIRED', resolve(ENLACE, 'Atendido')],
    ['ESCALATION_NOT_FOUND', resolve('vacancy:2026-01-01:reminder', 'Atendido', 'coordinacion@inai.org.mx')],
  ])('refuses with %s', (code, command) => {
    given(escalated).when(command).then(code);
  });

  it('refuses to touch a resolved escalation: ESCALATION_ALREADY_RESOLVED', () => {
    const resolved = historyOf([resolve(ENLACE, 'Atendido', 'coordinacion@inai.org.mx')], escalated);
    given(resolved)
      .when(resolve(ENLACE, 'Otra vez', 'coordinacion@inai.org.mx'))
      .then('ESCALATION_ALREADY_RESOLVED');
    given(resolved).when(acknowledge(ENLACE, 'coordinacion@inai.org.mx')).then('ESCALATION_ALREADY_RESOLVED');
  });
});

describe('Stall escalations resolve by themselves when the exercise moves (DOMAIN.md "Escalation")', () => {
  it('resolves every open or acknowledged stall escalation, but not one already resolved', () => {
    const partly = historyOf(
      [acknowledge(COORDINADOR, 'coordinacion@inai.org.mx'), resolve(ENLACE, 'Atendido', 'coordinacion@inai.org.mx')],
      escalated,
    );
    const progress = commandOn('2026-03-20', 'CompleteStage', { stage: 1, completedOn: '2026-03-20' });
    const state = given(partly)
      .when(progress)
      .then([
        expect.objectContaining({ type: 'StageCompleted' }),
        {
          type: 'EscalationResolved',
          data: {
            escalationId: COORDINADOR,
            at: noonOf('2026-03-20'),
            resolution: 'Resuelto automáticamente: se registró avance en el ejercicio.',
          },
        },
      ]);
    expect(state.status === 'open' && countOpen(state.escalations)).toBe(0);
  });

  it('leaves them open when nothing moved (a repeated STL status is not progress)', () => {
    const status = commandOn('2026-03-20', 'RecordStlStatus', { facilitador: null });
    const recorded = historyOf([status], escalated);
    given(recorded)
      .when(commandOn('2026-03-21', 'RecordStlStatus', { facilitador: null }))
      .then([]);
    expect(given(escalated).when(status).decision).toHaveLength(1);
    const progress = commandOn('2026-03-20', 'CompleteStage', { stage: 1, completedOn: '2026-03-20' });
    expect(given(escalated).when(progress).decision).toHaveLength(3);
  });
});
