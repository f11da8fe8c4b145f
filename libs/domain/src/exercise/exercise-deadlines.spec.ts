import { DEFAULT_DEADLINE_POLICY, earliest } from '../shared/deadline';
import { fold } from '../shared/decider';
import {
  commandAt,
  commandOn,
  given,
  historyOf,
  jaliscoIniciado,
  jaliscoPalLanzado,
  noonOf,
  stageDate,
} from '../test-support/exercise-fixtures';
import { givenWhenThen } from '../test-support/given-when-then';
import { exerciseDeadlines } from './exercise-deadlines';
import { exerciseDecider, exerciseDeciderWith } from './exercise-decider';
import { type ExerciseEvent } from './exercise-events';

const stateOf = (events: readonly ExerciseEvent[]) => fold(exerciseDecider, events);
const fire = (deadlineId: string, now: string) => commandAt(now, 'FireDeadline', { deadlineId });
const WHERE = 'paso 1 (Arranque del ejercicio), etapa 1 (Ruta de trabajo del Grupo Promotor)';

describe('Stall deadlines (DOMAIN.md "Escalation": 30 days → garante, 45 → enlace INAI, 60 → coordinador)', () => {
  it('lists the whole chain from the day progress was last recorded, at 09:00 Mexico City (15:00 UTC)', () => {
    expect(exerciseDeadlines(stateOf(jaliscoIniciado), DEFAULT_DEADLINE_POLICY)).toEqual([
      {
        id: 'stall:2026-01-12:reminder',
        kind: 'stall_reminder',
        dueOn: '2026-02-11',
        dueAt: '2026-02-11T15:00:00.000Z',
        audience: ['garante'],
      },
      {
        id: 'stall:2026-01-12:enlace',
        kind: 'stall_escalation_enlace',
        dueOn: '2026-02-26',
        dueAt: '2026-02-26T15:00:00.000Z',
        audience: ['enlace'],
      },
      {
        id: 'stall:2026-01-12:coordinador',
        kind: 'stall_escalation_coordinador',
        dueOn: '2026-03-13',
        dueAt: '2026-03-13T15:00:00.000Z',
        audience: ['coordinador'],
      },
    ]);
  });

  it('refuses to fire a millisecond early, and refuses unknown ids: DEADLINE_NOT_DUE', () => {
    given(jaliscoIniciado).when(fire('stall:2026-01-12:reminder', '2026-02-11T14:59:59.999Z')).then('DEADLINE_NOT_DUE');
    given(jaliscoIniciado).when(fire('stall:2026-01-11:reminder', '2026-06-01T00:00:00.000Z')).then('DEADLINE_NOT_DUE');
  });

  it('fires the 30-day reminder to the garante exactly once', () => {
    const state = given(jaliscoIniciado)
      .when(fire('stall:2026-01-12:reminder', '2026-02-11T15:00:00.000Z'))
      .then([
        {
          type: 'ReminderDue',
          data: {
            deadlineId: 'stall:2026-01-12:reminder',
            kind: 'stall_reminder',
            audience: ['garante'],
            dueOn: '2026-02-11',
            message: `Sin avances en el ejercicio 1 de Jalisco desde el lunes 12 de enero de 2026: ${WHERE}. Registre el avance o informe la causa del retraso.`,
          },
        },
      ]);
    expect(exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY).map((deadline) => deadline.id)).toEqual([
      'stall:2026-01-12:enlace',
      'stall:2026-01-12:coordinador',
    ]);
    const again = historyOf([fire('stall:2026-01-12:reminder', '2026-02-11T15:00:00.000Z')], jaliscoIniciado);
    given(again).when(fire('stall:2026-01-12:reminder', '2026-02-12T15:00:00.000Z')).then('DEADLINE_NOT_DUE');
  });

  it('raises the 45-day escalation to the enlace and the 60-day one to the coordinador, then nothing more', () => {
    const enlaceAt = '2026-02-26T15:00:00.000Z';
    const afterEnlace = given(jaliscoIniciado)
      .when(fire('stall:2026-01-12:enlace', enlaceAt))
      .then([
        {
          type: 'EscalationRaised',
          data: {
            deadlineId: 'stall:2026-01-12:enlace',
            audience: ['enlace'],
            escalation: {
              id: 'stall:2026-01-12:enlace',
              kind: 'stall_escalation_enlace',
              level: 'enlace',
              raisedAt: enlaceAt,
              reason: `El ejercicio 1 de Jalisco lleva 45 días sin avances (desde el lunes 12 de enero de 2026): ${WHERE}.`,
              status: 'abierta',
            },
          },
        },
      ]);
    const history = historyOf(
      [fire('stall:2026-01-12:reminder', enlaceAt), fire('stall:2026-01-12:enlace', enlaceAt)],
      jaliscoIniciado,
    );
    given(history).when(fire('stall:2026-01-12:coordinador', '2026-03-13T14:59:59.000Z')).then('DEADLINE_NOT_DUE');
    const final = given(history)
      .when(fire('stall:2026-01-12:coordinador', '2026-03-13T15:00:00.000Z'))
      .then([expect.objectContaining({ type: 'EscalationRaised' })]);
    expect(afterEnlace.status === 'open' && afterEnlace.escalations).toHaveLength(1);
    expect(exerciseDeadlines(final, DEFAULT_DEADLINE_POLICY)).toEqual([]);
  });

  it('a stall escalation raised late counts the days without progress to the day it is raised', () => {
    given(jaliscoIniciado)
      .when(fire('stall:2026-01-12:enlace', '2026-04-20T15:00:00.000Z'))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({
            escalation: expect.objectContaining({
              reason: `El ejercicio 1 de Jalisco lleva 98 días sin avances (desde el lunes 12 de enero de 2026): ${WHERE}.`,
            }),
          }),
        }),
      ]);
  });

  it('restarts the chain with new ids when progress is recorded, and resolves the open stall escalations', () => {
    const escalated = historyOf([fire('stall:2026-01-12:enlace', '2026-02-26T15:00:00.000Z')], jaliscoIniciado);
    const lateReport = commandOn('2026-03-02', 'CompleteStage', { stage: 1, completedOn: stageDate(1) });
    const state = given(escalated)
      .when(lateReport)
      .then([
        {
          type: 'StageCompleted',
          data: { stage: 1, completedOn: stageDate(1), evidence: [], recordedAt: noonOf('2026-03-02') },
        },
        {
          type: 'EscalationResolved',
          data: {
            escalationId: 'stall:2026-01-12:enlace',
            at: noonOf('2026-03-02'),
            resolution: 'Resuelto automáticamente: se registró avance en el ejercicio.',
          },
        },
      ]);
    // Counted from the day the (late) report arrived, not from the 4 February it reports.
    expect(earliest(exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY))).toMatchObject({ id: 'stall:2026-03-02:reminder', dueOn: '2026-04-01' });
  });

  it('follows the deployment policy (days and hour)', () => {
    const policy = { ...DEFAULT_DEADLINE_POLICY, stallReminderDays: 10, dueHour: 8 };
    expect(exerciseDeadlines(stateOf(jaliscoIniciado), policy)[0]).toMatchObject({
      dueOn: '2026-01-22',
      dueAt: '2026-01-22T14:00:00.000Z',
    });
    const impatient = givenWhenThen(exerciseDeciderWith(policy));
    impatient(jaliscoIniciado)
      .when(fire('stall:2026-01-12:reminder', '2026-01-22T14:00:00.000Z'))
      .then([expect.objectContaining({ type: 'ReminderDue' })]);
  });

  it('lists nothing before the start, and no stall once the PAL is launched', () => {
    expect(exerciseDeadlines(stateOf([]), DEFAULT_DEADLINE_POLICY)).toEqual([]);
    expect(exerciseDeadlines(stateOf(jaliscoPalLanzado), DEFAULT_DEADLINE_POLICY).some((deadline) => deadline.kind.startsWith('stall'))).toBe(
      false,
    );
  });
});

describe('Monitoring and evaluation deadlines (seis-pasos-2016.txt, paso 6; reminders 15 days before)', () => {
  it('lists the reminders and due dates of the PAL year, earliest first', () => {
    expect(exerciseDeadlines(stateOf(jaliscoPalLanzado), DEFAULT_DEADLINE_POLICY)).toEqual([
      {
        id: 'monitoring:2026-11-04:reminder',
        kind: 'monitoring_reminder',
        dueOn: '2026-10-20',
        dueAt: '2026-10-20T15:00:00.000Z',
        audience: ['garante', 'enlace'],
      },
      {
        id: 'monitoring:2026-11-04:due',
        kind: 'monitoring_due',
        dueOn: '2026-11-04',
        dueAt: '2026-11-04T15:00:00.000Z',
        audience: ['garante', 'enlace', 'coordinador'],
      },
      {
        id: 'evaluation:2027-05-04:reminder',
        kind: 'evaluation_reminder',
        dueOn: '2027-04-19',
        dueAt: '2027-04-19T15:00:00.000Z',
        audience: ['garante', 'enlace'],
      },
      {
        id: 'evaluation:2027-05-04:due',
        kind: 'evaluation_due',
        dueOn: '2027-05-04',
        dueAt: '2027-05-04T15:00:00.000Z',
        audience: ['garante', 'integrantes', 'enlace', 'coordinador'],
      },
    ]);
  });

  it('fires the monitoring reminder and the MonitoringDue once each', () => {
    given(jaliscoPalLanzado)
      .when(fire('monitoring:2026-11-04:reminder', '2026-10-20T15:00:00.000Z'))
      .then([
        {
          type: 'ReminderDue',
          data: {
            deadlineId: 'monitoring:2026-11-04:reminder',
            kind: 'monitoring_reminder',
            audience: ['garante', 'enlace'],
            dueOn: '2026-10-20',
            message:
              'El monitoreo de los seis meses del PAL de Jalisco corresponde el miércoles 4 de noviembre de 2026: ' +
              'actualice el micrositio y el tablero de seguimiento.',
          },
        },
      ]);
    const state = given(jaliscoPalLanzado)
      .when(fire('monitoring:2026-11-04:due', '2026-11-04T15:00:00.000Z'))
      .then([
        {
          type: 'MonitoringDue',
          data: {
            deadlineId: 'monitoring:2026-11-04:due',
            dueOn: '2026-11-04',
            audience: ['garante', 'enlace', 'coordinador'],
            message:
              'Hoy corresponde el monitoreo de los seis meses del PAL de Jalisco (lanzado el lunes 4 de mayo de 2026): ' +
              'calidad y relevancia de los compromisos y avance de sus actividades.',
            entidad: '14',
            exerciseNumber: 1,
            palLaunchedOn: '2026-05-04',
          },
        },
      ]);
    expect(exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY).map((deadline) => deadline.id)).not.toContain('monitoring:2026-11-04:due');
  });

  it('fires the evaluation reminder, then EvaluationDue telling the STL to renew its civil-society representation', () => {
    given(jaliscoPalLanzado)
      .when(fire('evaluation:2027-05-04:reminder', '2027-04-19T15:00:00.000Z'))
      .then([
        expect.objectContaining({
          type: 'ReminderDue',
          data: expect.objectContaining({ kind: 'evaluation_reminder' }),
        }),
      ]);
    given(jaliscoPalLanzado)
      .when(fire('evaluation:2027-05-04:due', '2027-05-04T15:00:00.000Z'))
      .then([
        {
          type: 'EvaluationDue',
          data: {
            deadlineId: 'evaluation:2027-05-04:due',
            dueOn: '2027-05-04',
            audience: ['garante', 'integrantes', 'enlace', 'coordinador'],
            message:
              'Concluyó el año del PAL de Jalisco (lanzado el lunes 4 de mayo de 2026): corresponde la evaluación de ' +
              'desempeño y renovar la representación de la sociedad civil en el STL.',
            entidad: '14',
            exerciseNumber: 1,
            palLaunchedOn: '2026-05-04',
            stlRenewal: { stlStreamId: 'stl/14', sector: 'sociedad_civil', palEndedOn: '2027-05-04' },
          },
        },
      ]);
  });

  it('drops the monitoring deadlines once the monitoring is recorded', () => {
    const monitored = historyOf(
      [
        commandOn('2026-11-05', 'RecordMonitoring', {
          completedOn: '2026-11-05',
          summary: 'Compromisos pertinentes; avance limitado.',
        }),
      ],
      jaliscoPalLanzado,
    );
    expect(exerciseDeadlines(stateOf(monitored), DEFAULT_DEADLINE_POLICY).map((deadline) => deadline.kind)).toEqual([
      'evaluation_reminder',
      'evaluation_due',
    ]);
  });
});
