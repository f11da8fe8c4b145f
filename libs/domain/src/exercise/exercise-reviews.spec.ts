import {
  commandAt,
  commandOn,
  completeStage,
  evidenceOf,
  given,
  historyOf,
  jaliscoMesasConcluidas,
  jaliscoPalLanzado,
  MICROSITIO,
  noonOf,
} from '../test-support/exercise-fixtures';

const monitoring = (
  completedOn: string,
  summary = 'Compromisos pertinentes; avance limitado en C3.',
  now = noonOf(completedOn),
) => commandAt(now, 'RecordMonitoring', { completedOn, summary, evidence: evidenceOf('informe-monitoreo'), micrositioUrl: MICROSITIO });
const evaluation = (
  completedOn: string,
  summary = 'Cuatro de cinco compromisos completos.',
  now = noonOf(completedOn),
) => commandAt(now, 'RecordEvaluation', { completedOn, summary, evidence: evidenceOf('informe-evaluacion') });
const monitoringDueFired = historyOf(
  [commandAt('2026-11-04T15:00:00.000Z', 'FireDeadline', { deadlineId: 'monitoring:2026-11-04:due' })],
  jaliscoPalLanzado,
);
const monitored = historyOf([monitoring('2026-11-10')], monitoringDueFired);
const evaluationDueFired = historyOf(
  [commandAt('2027-05-04T15:00:00.000Z', 'FireDeadline', { deadlineId: 'evaluation:2027-05-04:due' })],
  monitored,
);

describe('RecordMonitoring ("a los seis meses de haber iniciado la implementación", seis-pasos-2016.txt, paso 6)', () => {
  it('records the monitoring once MonitoringDue has fired', () => {
    given(monitoringDueFired)
      .when(monitoring('2026-11-10', '  Compromisos pertinentes.  '))
      .then([
        {
          type: 'MonitoringRecorded',
          data: {
            completedOn: '2026-11-10',
            summary: 'Compromisos pertinentes.',
            evidence: evidenceOf('informe-monitoreo'),
            micrositioUrl: MICROSITIO,
          },
        },
      ]);
  });

  it('accepts it from its date even if the timer has not fired yet', () => {
    given(jaliscoPalLanzado)
      .when(monitoring('2026-11-04'))
      .then([expect.objectContaining({ type: 'MonitoringRecorded' })]);
  });

  it('refuses it before it is due: MONITORING_NOT_DUE', () => {
    const error = given(jaliscoPalLanzado).when(monitoring('2026-10-01')).then('MONITORING_NOT_DUE');
    expect(error.details).toEqual({ dueOn: '2026-11-04' });
  });

  it.each([
    ['PAL_NOT_LAUNCHED', jaliscoMesasConcluidas, monitoring('2026-11-10')],
    [
      'MONITORING_ALREADY_RECORDED',
      historyOf([monitoring('2026-11-10')], monitoringDueFired),
      monitoring('2026-11-11'),
    ],
    ['SUMMARY_REQUIRED', monitoringDueFired, monitoring('2026-11-10', ' ')],
    ['DATE_BEFORE_PREVIOUS', monitoringDueFired, monitoring('2026-05-01', 'Resumen', noonOf('2026-11-10'))],
    ['DATE_IN_FUTURE', monitoringDueFired, monitoring('2026-11-11', 'Resumen', noonOf('2026-11-10'))],
  ])('refuses with %s', (code, history, command) => {
    given(history).when(command).then(code);
  });
});

describe('RecordEvaluation ("al concluir el año de vigencia del PAL", seis-pasos-2016.txt, paso 6)', () => {
  it('records the evaluation, completes step 6 and closes the exercise', () => {
    given(evaluationDueFired)
      .when(evaluation('2027-05-20'))
      .then([
        {
          type: 'EvaluationRecorded',
          data: {
            completedOn: '2027-05-20',
            summary: 'Cuatro de cinco compromisos completos.',
            evidence: evidenceOf('informe-evaluacion'),
          },
        },
        {
          type: 'StepCompleted',
          data: {
            step: 6,
            completedOn: '2027-05-20',
            evidence: evidenceOf('informe-evaluacion'),
            automatic: true,
            recordedAt: noonOf('2027-05-20'),
          },
        },
        { type: 'ExerciseClosed', data: { closedOn: '2027-05-20' } },
      ]);
  });

  it('accepts it at the end of the PAL year without the timer', () => {
    given(monitored)
      .when(evaluation('2027-05-04'))
      .then([
        expect.objectContaining({ type: 'EvaluationRecorded' }),
        expect.objectContaining({ type: 'StepCompleted' }),
        expect.objectContaining({ type: 'ExerciseClosed' }),
      ]);
  });

  it('refuses to close step 6 without the six-month monitoring and the micrositio: STEP_REQUIREMENTS_MISSING', () => {
    // seis-pasos-2016.txt, paso 6: "El organismo garante local deberá habilitar un micrositio … A los seis meses de
    // haber iniciado la implementación … realizará un ejercicio de monitoreo".
    const error = given(jaliscoPalLanzado).when(evaluation('2027-05-04')).then('STEP_REQUIREMENTS_MISSING');
    expect(error.details).toEqual({ step: 6, missing: ['monitoreo', 'micrositio'] });
    const withoutMicrositio = historyOf(
      [commandAt(noonOf('2026-11-10'), 'RecordMonitoring', { completedOn: '2026-11-10', summary: 'Sin micrositio aún.' })],
      monitoringDueFired,
    );
    expect(given(withoutMicrositio).when(evaluation('2027-05-04')).then('STEP_REQUIREMENTS_MISSING').details).toEqual({
      step: 6,
      missing: ['micrositio'],
    });
  });

  it('takes the micrositio from the evaluation itself when the monitoring had none', () => {
    const withoutMicrositio = historyOf(
      [commandAt(noonOf('2026-11-10'), 'RecordMonitoring', { completedOn: '2026-11-10', summary: 'Sin micrositio aún.' })],
      monitoringDueFired,
    );
    const withMicrositio = commandOn('2027-05-04', 'RecordEvaluation', { completedOn: '2027-05-04', summary: 'Logro alto.', micrositioUrl: MICROSITIO });
    given(withoutMicrositio)
      .when(withMicrositio)
      .then([
        { type: 'EvaluationRecorded', data: { completedOn: '2027-05-04', summary: 'Logro alto.', evidence: [], micrositioUrl: MICROSITIO } },
        expect.objectContaining({ type: 'StepCompleted' }),
        expect.objectContaining({ type: 'ExerciseClosed' }),
      ]);
  });

  it('refuses it before the PAL year ends: EVALUATION_NOT_DUE', () => {
    expect(given(monitoringDueFired).when(evaluation('2027-05-03')).then('EVALUATION_NOT_DUE').details).toEqual({
      dueOn: '2027-05-04',
    });
  });

  it('refuses an evaluation dated before the monitoring: DATE_BEFORE_PREVIOUS', () => {
    given(monitored)
      .when(evaluation('2026-11-09', 'Resumen', noonOf('2027-05-05')))
      .then('DATE_BEFORE_PREVIOUS');
  });

  it.each([
    ['PAL_NOT_LAUNCHED', jaliscoMesasConcluidas, evaluation('2027-05-10')],
    ['SUMMARY_REQUIRED', evaluationDueFired, evaluation('2027-05-10', '')],
    [
      'INVALID_URL',
      evaluationDueFired,
      { ...evaluation('2027-05-10'), data: { completedOn: '2027-05-10', summary: 'R', evidence: ['informe.pdf'] } },
    ],
  ])('refuses with %s', (code, history, command) => {
    given(history).when(command).then(code);
  });
});

describe('A closed exercise admits no change', () => {
  const closed = historyOf([evaluation('2027-05-20')], evaluationDueFired);

  it.each([
    ['CompleteStage', completeStage(1)],
    ['RecordMonitoring', monitoring('2027-05-21')],
    ['FireDeadline', commandOn('2027-06-01', 'FireDeadline', { deadlineId: 'evaluation:2027-05-04:due' })],
    ['RecordStlStatus', commandOn('2027-06-01', 'RecordStlStatus', { facilitador: null })],
  ])('refuses %s: EXERCISE_CLOSED', (_, command) => {
    given(closed).when(command).then('EXERCISE_CLOSED');
  });
});
