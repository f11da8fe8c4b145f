import { DEFAULT_DEADLINE_POLICY, earliest } from '../shared/deadline';
import { fold } from '../shared/decider';
import {
  commandAt,
  commandOn,
  evidenceOf,
  given,
  historyOf,
  jaliscoIniciado,
  jaliscoMesasConcluidas,
  jaliscoPalLanzado,
  noonOf,
  stageDate,
} from '../test-support/exercise-fixtures';
import { givenWhenThen } from '../test-support/given-when-then';
import { exerciseDeadlines, progressPeriods } from './exercise-deadlines';
import { exerciseDecider, exerciseDeciderWith } from './exercise-decider';
import { type ExerciseEvent } from './exercise-events';

const stateOf = (events: readonly ExerciseEvent[]) => fold(exerciseDecider, events);
/** The deadlines of one family (stall, monitoring/evaluation, …): each describe block checks its own. */
const ofKinds = (prefixes: readonly string[]) => (deadline: { kind: string }) =>
  prefixes.some((prefix) => deadline.kind.startsWith(prefix));
const isStall = ofKinds(['stall']);
const isReview = ofKinds(['monitoring', 'evaluation']);
const fire = (deadlineId: string, now: string) => commandAt(now, 'FireDeadline', { deadlineId });
const WHERE = 'paso 1 (Arranque del ejercicio), etapa 1 (Ruta de trabajo del Grupo Promotor)';

describe('Stall deadlines (DOMAIN.md "Escalation": 30 days → garante, 45 → enlace INAI, 60 → coordinador)', () => {
  it('lists the whole chain from the day progress was last recorded, at 09:00 Mexico City (15:00 UTC)', () => {
    expect(exerciseDeadlines(stateOf(jaliscoIniciado), DEFAULT_DEADLINE_POLICY).filter(isStall)).toEqual([
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
    expect(exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY).filter(isStall).map((deadline) => deadline.id)).toEqual([
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
    expect(exerciseDeadlines(final, DEFAULT_DEADLINE_POLICY).filter(isStall)).toEqual([]);
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
    expect(exerciseDeadlines(stateOf(jaliscoPalLanzado), DEFAULT_DEADLINE_POLICY).filter(isReview)).toEqual([
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
    expect(exerciseDeadlines(stateOf(monitored), DEFAULT_DEADLINE_POLICY).filter(isReview).map((deadline) => deadline.kind)).toEqual([
      'evaluation_reminder',
      'evaluation_due',
    ]);
  });
});

/** seis-pasos-2016.txt: "deben seguir seis pasos mínimos a lo largo de un periodo de 12 meses". */
describe('The twelve months of the six steps: a warning in month 11, an escalation at 12', () => {
  const isTerm = ofKinds(['term']);
  const quietSince = (events: readonly ExerciseEvent[]) => stateOf(events);

  it('lists both from the start, at the policy hour', () => {
    expect(exerciseDeadlines(quietSince(jaliscoIniciado), DEFAULT_DEADLINE_POLICY).filter(isTerm)).toEqual([
      { id: 'doce-meses:2026-01-12:aviso', kind: 'term_warning', dueOn: '2026-12-12', dueAt: '2026-12-12T15:00:00.000Z', audience: ['garante', 'enlace'] },
      {
        id: 'doce-meses:2026-01-12:escalamiento',
        kind: 'term_escalation',
        dueOn: '2027-01-12',
        dueAt: '2027-01-12T15:00:00.000Z',
        audience: ['enlace', 'coordinador'],
      },
    ]);
  });

  it('warns in month 11 and escalates to the coordinación at 12, saying where the exercise stands', () => {
    const withStall = historyOf(
      ['reminder', 'enlace', 'coordinador'].map((step) => fire(`stall:2026-01-12:${step}`, '2026-12-12T15:00:00.000Z')),
      jaliscoIniciado,
    );
    given(withStall)
      .when(fire('doce-meses:2026-01-12:aviso', '2026-12-12T15:00:00.000Z'))
      .then([
        {
          type: 'ReminderDue',
          data: {
            deadlineId: 'doce-meses:2026-01-12:aviso',
            kind: 'term_warning',
            audience: ['garante', 'enlace'],
            dueOn: '2026-12-12',
            message:
              'El ejercicio 1 de Jalisco cumple once meses el sábado 12 de diciembre de 2026; los seis pasos deben concluir en doce meses (el martes 12 de enero de 2027). ' +
              `Va en el ${WHERE}.`,
          },
        },
      ]);
    const warned = historyOf([fire('doce-meses:2026-01-12:aviso', '2026-12-12T15:00:00.000Z')], withStall);
    const escalated = given(warned)
      .when(fire('doce-meses:2026-01-12:escalamiento', '2027-01-12T15:00:00.000Z'))
      .then([expect.objectContaining({ type: 'EscalationRaised' })]);
    expect(escalated.status === 'open' && escalated.escalations.at(-1)).toMatchObject({
      kind: 'term_escalation',
      level: 'coordinador',
      reason: `El ejercicio 1 de Jalisco cumplió doce meses (inició el lunes 12 de enero de 2026) sin concluir los seis pasos: ${WHERE}.`,
    });
    expect(exerciseDeadlines(escalated, DEFAULT_DEADLINE_POLICY).filter(isTerm)).toEqual([]);
  });

  it('leaves the PAL’s own year to the monitoring and the evaluation once it is launched ("tendrá una vigencia de un año")', () => {
    expect(exerciseDeadlines(stateOf(jaliscoPalLanzado), DEFAULT_DEADLINE_POLICY).filter(isTerm)).toEqual([]);
  });

  it('a PAL launched after the twelve months resolves their escalation, saying who watches its year now', () => {
    const escalated = historyOf(
      [fire('doce-meses:2026-01-12:aviso', '2026-12-12T15:00:00.000Z'), fire('doce-meses:2026-01-12:escalamiento', '2027-01-12T15:00:00.000Z')],
      jaliscoMesasConcluidas,
    );
    const lateLaunch = commandOn('2027-01-20', 'LaunchPal', { launchedOn: '2027-01-20', evidence: evidenceOf('presentacion-pal') });

    const { decision } = given(escalated).when(lateLaunch);

    expect(decision).toContainEqual({
      type: 'EscalationResolved',
      data: {
        escalationId: 'doce-meses:2026-01-12:escalamiento',
        at: noonOf('2027-01-20'),
        resolution: 'Resuelto automáticamente: se lanzó el PAL; su año lo vigilan ahora el monitoreo a los seis meses y la evaluación a los doce.',
      },
    });
    const launched = stateOf([...escalated, ...(decision as ExerciseEvent[])]);
    expect(launched.status === 'open' && launched.escalations.filter((escalation) => escalation.status !== 'resuelta')).toEqual([]);
    // Runs begun before keep it open, as they ran.
    const older = givenWhenThen(exerciseDeciderWith(DEFAULT_DEADLINE_POLICY, { termOpenAfterLaunch: true }))(escalated).when(lateLaunch);
    expect(older.decision).toContainEqual(expect.objectContaining({ type: 'PalLaunched' }));
    expect(older.decision).not.toContainEqual(expect.objectContaining({ type: 'EscalationResolved' }));
  });

  it('is not watched in runs begun before it', () => {
    const older = { stepsBeforeIssue17: true };
    expect(exerciseDeadlines(stateOf(jaliscoIniciado), DEFAULT_DEADLINE_POLICY, older).filter(isTerm)).toEqual([]);
    givenWhenThen(exerciseDeciderWith(DEFAULT_DEADLINE_POLICY, older))(jaliscoIniciado)
      .when(fire('doce-meses:2026-01-12:aviso', '2026-12-12T15:00:00.000Z'))
      .then('DEADLINE_NOT_DUE');
  });
});

/**
 * seis-pasos-2016.txt, paso 6: "un tablero de seguimiento de las actividades … que será actualizado periódicamente".
 * The period is the STL's mechanism's (below); without one of its own, the STL's bimonthly rhythm.
 */
describe('Commitments without a progress report in a two-month period raise a reminder', () => {
  const isProgress = ofKinds(['progress']);
  const report = (commitmentId: string, reportedOn: string) =>
    commandOn(reportedOn, 'UpdateCommitmentProgress', { commitmentId, completion: 'limited', reportedOn });

  it('reminds the garante and the STL at the end of each period, naming the commitments without a report', () => {
    const reported = historyOf([report('C1', '2026-06-01'), report('C2', '2026-06-15')], jaliscoPalLanzado);
    expect(exerciseDeadlines(stateOf(reported), DEFAULT_DEADLINE_POLICY).filter(isProgress)[0]).toEqual({
      id: 'avance:2026-07-04:recordatorio',
      kind: 'progress_reminder',
      dueOn: '2026-07-04',
      dueAt: '2026-07-04T15:00:00.000Z',
      audience: ['garante', 'integrantes'],
    });
    given(reported)
      .when(fire('avance:2026-07-04:recordatorio', '2026-07-04T15:00:00.000Z'))
      .then([
        {
          type: 'ReminderDue',
          data: {
            deadlineId: 'avance:2026-07-04:recordatorio',
            kind: 'progress_reminder',
            audience: ['garante', 'integrantes'],
            dueOn: '2026-07-04',
            message:
              'Compromisos del PAL de Jalisco sin reporte de avance en el bimestre del lunes 4 de mayo de 2026 al sábado 4 de julio de 2026: C3, C4, C5. ' +
              'Registre su avance y actualice el tablero de seguimiento del micrositio.',
          },
        },
      ]);
  });

  it('raises nothing for a period in which every commitment reported', () => {
    const all = historyOf(
      ['C1', 'C2', 'C3', 'C4', 'C5'].map((id) => report(id, '2026-06-20')),
      jaliscoPalLanzado,
    );
    expect(exerciseDeadlines(stateOf(all), DEFAULT_DEADLINE_POLICY).filter(isProgress).map((deadline) => deadline.id)).not.toContain(
      'avance:2026-07-04:recordatorio',
    );
    expect(exerciseDeadlines(stateOf(all), DEFAULT_DEADLINE_POLICY).filter(isProgress)[0]?.id).toBe('avance:2026-09-04:recordatorio');
  });
});

/**
 * mecanismo-gobernanza-edomex.md, cap. X, 3: "Reportar periódicamente los avances de su proyecto al STL, que dará
 * seguimiento a la implementación del proyecto, al igual que con los compromisos del PAL". The period is each STL's:
 * its mechanism's `progressReportMonths`, which the STL reports to the exercise with the day each version took effect.
 */
describe("The progress period is the one the STL's mechanism sets", () => {
  const isProgress = ofKinds(['progress']);
  const stlReports = (progressReports: readonly { validFrom: string | null; months: number }[]) =>
    commandOn('2026-05-10', 'RecordStlStatus', { stlVersion: 40, facilitador: { nombre: 'Facilitadora' }, progressReports });
  const periodsOf = (events: readonly ExerciseEvent[]) => {
    const state = stateOf(events);
    if (state.status !== 'open' || !state.pal) throw new Error('the PAL is not launched');
    return progressPeriods(state.pal, DEFAULT_DEADLINE_POLICY, state.stl?.progressReports);
  };

  it('a quarterly mechanism checks each quarter of the PAL, and the reminder says «trimestre»', () => {
    const quarterly = historyOf([stlReports([{ validFrom: null, months: 3 }])], jaliscoPalLanzado);
    expect(periodsOf(quarterly).map(({ to }) => to)).toEqual(['2026-08-04', '2026-11-04', '2027-02-04', '2027-05-04']);
    expect(exerciseDeadlines(stateOf(quarterly), DEFAULT_DEADLINE_POLICY).filter(isProgress)[0]?.id).toBe('avance:2026-08-04:recordatorio');
    given(quarterly)
      .when(fire('avance:2026-08-04:recordatorio', '2026-08-04T15:00:00.000Z'))
      .then([
        {
          type: 'ReminderDue',
          data: {
            deadlineId: 'avance:2026-08-04:recordatorio',
            kind: 'progress_reminder',
            audience: ['garante', 'integrantes'],
            dueOn: '2026-08-04',
            message:
              'Compromisos del PAL de Jalisco sin reporte de avance en el trimestre del lunes 4 de mayo de 2026 al martes 4 de agosto de 2026: C1, C2, C3, C4, C5. ' +
              'Registre su avance y actualice el tablero de seguimiento del micrositio.',
          },
        },
      ]);
  });

  it('a change of the mechanism reshapes only the periods that begin after it took effect', () => {
    const changed = historyOf([stlReports([{ validFrom: null, months: 2 }, { validFrom: '2026-08-10', months: 3 }])], jaliscoPalLanzado);
    expect(periodsOf(changed)).toEqual([
      { from: '2026-05-04', to: '2026-07-04', months: 2 },
      { from: '2026-07-04', to: '2026-09-04', months: 2 },
      { from: '2026-09-04', to: '2026-12-04', months: 3 },
      { from: '2026-12-04', to: '2027-03-04', months: 3 },
      { from: '2027-03-04', to: '2027-06-04', months: 3 },
    ]);
  });

  it('an STL that reports no period (runs from before) keeps the bimonthly one', () => {
    const unreported = historyOf([commandOn('2026-05-10', 'RecordStlStatus', { stlVersion: 40, facilitador: { nombre: 'Facilitadora' } })], jaliscoPalLanzado);
    expect(periodsOf(unreported).map(({ months }) => months)).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it.each([0, -1, 1.5, 13])('refuses a report whose period is %p months: the reminders would never end or never come', (months) => {
    given(jaliscoPalLanzado).when(stlReports([{ validFrom: null, months }])).then('INVALID_PROGRESS_PERIOD');
  });
});
