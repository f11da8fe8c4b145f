import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { fold } from '../shared/decider';
import { isDomainError } from '../shared/domain-error';
import { type LocalDate } from '../shared/local-date';
import { givenWhenThen } from '../test-support/given-when-then';
import {
  cincoCompromisos,
  commandOn,
  COMMITMENTS_DEFINED_ON,
  completeStages,
  DECLARED_ON,
  evidenceOf,
  type ExerciseCommandOf,
  FACILITADOR_KNOWN_ON,
  given,
  historyOf,
  jaliscoComposicion,
  jaliscoIntegrado,
  jaliscoMesasConcluidas,
  MESAS_CONCLUDED_ON,
  PAL_LAUNCHED_ON,
  recordAnnualAgenda,
  recordGovernanceMechanism,
  signDeclaration,
  startJalisco,
} from '../test-support/exercise-fixtures';
import { type ExerciseCommand } from './exercise-commands';
import { exerciseDecider, exerciseDeciderWith } from './exercise-decider';
import { type ExerciseEvent } from './exercise-events';
import { type StartedExercise } from './exercise-state';
import { exerciseSummary } from './exercise-summary';

/**
 * The acts of a PAL recorded after their day (issue 21): a state registering the exercise it ran. Each is a
 * historical act with its justification, and still obeys the order and the dates of the method.
 */
const RECORDED_ON = '2027-09-01';
const WHY = { justification: '  Ejercicio realizado antes de usar el sistema; se registra con sus actas.  ' };
const KEPT = { justification: 'Ejercicio realizado antes de usar el sistema; se registra con sus actas.' };
const late = <T extends ExerciseCommand['type']>(type: T, data: ExerciseCommandOf<T>['data']) =>
  commandOn(RECORDED_ON, type, data);

const defineLate = (definedOn: LocalDate, historical: { justification: string } | null = WHY) =>
  late('DefineCommitments', { commitments: cincoCompromisos, definedOn, historical });
const concludeMesasLate = late('CompleteStep', { step: 4, completedOn: MESAS_CONCLUDED_ON, evidence: evidenceOf('minutas') });
const launchLate = (launchedOn: LocalDate = PAL_LAUNCHED_ON, historical: { justification: string } | null = WHY) =>
  late('LaunchPal', { launchedOn, evidence: evidenceOf('presentacion-pal'), historical });
const MICROSITIO_URL = 'https://itei.org.mx/gobierno-abierto';
const monitoringLate = (completedOn: LocalDate, historical: { justification: string } | null = WHY) =>
  late('RecordMonitoring', { completedOn, summary: 'Compromisos pertinentes.', micrositioUrl: MICROSITIO_URL, historical });
const evaluationLate = (completedOn: LocalDate, historical: { justification: string } | null = WHY) =>
  late('RecordEvaluation', { completedOn, summary: 'Logro alto.', historical });

const conCompromisosHistoricos = historyOf([defineLate(COMMITMENTS_DEFINED_ON)], jaliscoIntegrado);
const mesasHistoricas = historyOf([concludeMesasLate], conCompromisosHistoricos);
const palHistorico = historyOf([launchLate()], mesasHistoricas);

describe('commitments of mesas held before they are recorded', () => {
  it('are dated by the mesas, with the justification kept and shown as a historical act', () => {
    const state = given(jaliscoIntegrado)
      .when(defineLate(COMMITMENTS_DEFINED_ON))
      .then([
        expect.objectContaining({
          type: 'CommitmentsDefined',
          data: expect.objectContaining({ definedOn: COMMITMENTS_DEFINED_ON, historical: KEPT }),
        }),
      ]) as StartedExercise;
    expect(state.commitmentsDefinedOn).toBe(COMMITMENTS_DEFINED_ON);
    expect(exerciseSummary(state, DEFAULT_DEADLINE_POLICY)).toMatchObject({
      lastProgressOn: COMMITMENTS_DEFINED_ON,
      historicalActs: [{ act: 'compromisos', on: COMMITMENTS_DEFINED_ON, justification: KEPT.justification }],
    });
  });

  it('let the mesas conclude on their own day, months before the record', () => {
    given(conCompromisosHistoricos)
      .when(concludeMesasLate)
      .then([expect.objectContaining({ type: 'StepCompleted', data: expect.objectContaining({ step: 4, completedOn: MESAS_CONCLUDED_ON }) })]);
  });

  it.each([
    ['PAL_ACT_BACKDATED', defineLate(COMMITMENTS_DEFINED_ON, null)],
    ['HISTORICAL_JUSTIFICATION_REQUIRED', defineLate(COMMITMENTS_DEFINED_ON, { justification: '  ' })],
    ['DATE_BEFORE_PREVIOUS', defineLate('2026-01-01')],
    ['DATE_IN_FUTURE', defineLate('2027-09-02')],
    ['INVALID_DATE', defineLate('2026-02-30')],
  ])('refuses a draft dated otherwise with %s', (code, command) => {
    given(jaliscoIntegrado).when(command).then(code);
  });

  it('says what to do when the justification is missing, naming both dates', () => {
    const error = given(jaliscoIntegrado).when(defineLate(COMMITMENTS_DEFINED_ON, null)).then('PAL_ACT_BACKDATED');
    expect(error.message).toBe(
      'La fecha de definición de los compromisos (viernes 10 de abril de 2026) es anterior a hoy (miércoles 1 de septiembre de 2027). ' +
        'Si el acto ocurrió entonces, regístrelo como acto histórico con su justificación.',
    );
  });
});

describe('a PAL launched before it is recorded', () => {
  it('starts its year on the day of the launch: monitoring and evaluation fall due from it', () => {
    given(mesasHistoricas)
      .when(launchLate())
      .then([
        expect.objectContaining({
          type: 'PalLaunched',
          data: expect.objectContaining({
            launchedOn: PAL_LAUNCHED_ON,
            monitoringDueOn: '2026-11-04',
            evaluationDueOn: '2027-05-04',
            historical: KEPT,
          }),
        }),
        expect.objectContaining({ type: 'StepCompleted', data: expect.objectContaining({ step: 5, completedOn: PAL_LAUNCHED_ON }) }),
      ]);
  });

  it.each([
    ['PAL_ACT_BACKDATED', mesasHistoricas, launchLate(PAL_LAUNCHED_ON, null)],
    ['HISTORICAL_JUSTIFICATION_REQUIRED', mesasHistoricas, launchLate(PAL_LAUNCHED_ON, { justification: '' })],
    ['DATE_BEFORE_PREVIOUS', mesasHistoricas, launchLate('2026-04-14')],
    ['STEP_OUT_OF_ORDER', conCompromisosHistoricos, launchLate()],
  ])('refuses it with %s', (code, history, command) => {
    given(history).when(command).then(code);
  });
});

describe('progress, monitoring and evaluation of a past PAL', () => {
  it('records a progress report of its day as a historical act', () => {
    given(palHistorico)
      .when(late('UpdateCommitmentProgress', { commitmentId: 'C1', completion: 'substantial', reportedOn: '2026-08-01', historical: WHY }))
      .then([expect.objectContaining({ type: 'CommitmentProgressUpdated', data: expect.objectContaining({ reportedOn: '2026-08-01', historical: KEPT }) })]);
  });

  it('refuses a past progress report without justification: PAL_ACT_BACKDATED', () => {
    given(palHistorico)
      .when(late('UpdateCommitmentProgress', { commitmentId: 'C1', completion: 'substantial', reportedOn: '2026-08-01' }))
      .then('PAL_ACT_BACKDATED');
  });

  it('refuses a monitoring dated before its six months, however long ago they passed: MONITORING_NOT_DUE', () => {
    const error = given(palHistorico).when(monitoringLate('2026-10-01')).then('MONITORING_NOT_DUE');
    expect(error.details).toEqual({ dueOn: '2026-11-04' });
  });

  it('refuses an evaluation dated before the PAL’s year ended: EVALUATION_NOT_DUE', () => {
    given(historyOf([monitoringLate('2026-11-10')], palHistorico)).when(evaluationLate('2027-04-30')).then('EVALUATION_NOT_DUE');
  });

  it('refuses a past monitoring without justification: PAL_ACT_BACKDATED', () => {
    given(palHistorico).when(monitoringLate('2026-11-10', null)).then('PAL_ACT_BACKDATED');
  });

  it('closes the exercise with a past evaluation, every historical act listed in order', () => {
    const closed = given(historyOf([monitoringLate('2026-11-10')], palHistorico))
      .when(evaluationLate('2027-05-20'))
      .then([
        expect.objectContaining({ type: 'EvaluationRecorded', data: expect.objectContaining({ completedOn: '2027-05-20', historical: KEPT }) }),
        expect.objectContaining({ type: 'StepCompleted', data: expect.objectContaining({ step: 6, completedOn: '2027-05-20' }) }),
        { type: 'ExerciseClosed', data: { closedOn: '2027-05-20' } },
      ]);
    expect(exerciseSummary(closed, DEFAULT_DEADLINE_POLICY)?.historicalActs?.map(({ act, on }) => [act, on])).toEqual([
      ['compromisos', COMMITMENTS_DEFINED_ON],
      ['lanzamiento', PAL_LAUNCHED_ON],
      ['monitoreo', '2026-11-10'],
      ['evaluacion', '2027-05-20'],
    ]);
  });
});

describe('runs begun before historical PAL acts (backdatedPalActsAccepted)', () => {
  const older = givenWhenThen(exerciseDeciderWith(DEFAULT_DEADLINE_POLICY, { backdatedPalActsAccepted: true }));

  it('keep accepting a past launch without justification, recording no historical act', () => {
    older(jaliscoMesasConcluidas)
      .when(launchLate(PAL_LAUNCHED_ON, null))
      .then([
        expect.objectContaining({ type: 'PalLaunched', data: expect.not.objectContaining({ historical: expect.anything() }) }),
        expect.objectContaining({ type: 'StepCompleted' }),
      ]);
  });

  it('keep accepting a monitoring dated before its six months once they have passed', () => {
    older(historyOf([launchLate()], jaliscoMesasConcluidas))
      .when(monitoringLate('2026-10-01', null))
      .then([expect.objectContaining({ type: 'MonitoringRecorded' })]);
  });

  it('keep accepting the mesas concluded before the day their commitments were recorded', () => {
    older(historyOf([commandOn(MESAS_CONCLUDED_ON, 'DefineCommitments', { commitments: cincoCompromisos })], jaliscoIntegrado))
      .when(commandOn(MESAS_CONCLUDED_ON, 'CompleteStep', { step: 4, completedOn: COMMITMENTS_DEFINED_ON }))
      .then([expect.objectContaining({ type: 'StepCompleted' })]);
  });
});

describe('a whole exercise recorded in one day, from its Declaración Conjunta to its evaluation', () => {
  /** The STL reports its facilitador with the appointment, months before the report reaches the exercise. */
  const facilitadorAppointed = late('RecordStlStatus', {
    installedOn: '2026-03-02',
    composition: jaliscoComposicion,
    compositionCompleteOn: '2026-03-02',
    facilitador: { nombre: 'Dra. Ana Ruiz Téllez', appointedOn: FACILITADOR_KNOWN_ON },
  });
  const commands: ExerciseCommand[] = [
    startJalisco,
    signDeclaration,
    ...completeStages(1, 10),
    recordGovernanceMechanism,
    recordAnnualAgenda,
  ].map((command) => ({ ...command, metadata: { now: `${RECORDED_ON}T18:00:00.000Z` } }));

  function recordAll(all: readonly ExerciseCommand[]): ExerciseEvent[] {
    return all.reduce<ExerciseEvent[]>((events, command) => {
      const decision = exerciseDecider.decide(command, fold(exerciseDecider, events));
      if (isDomainError(decision)) throw new Error(`${command.type}: ${decision.code} ${decision.message}`);
      return [...events, ...decision];
    }, []);
  }

  it('dates step 3 by the facilitador’s appointment and closes with every step on its own day', () => {
    const events = recordAll([
      ...commands,
      facilitadorAppointed,
      defineLate(COMMITMENTS_DEFINED_ON),
      concludeMesasLate,
      launchLate(),
      monitoringLate('2026-11-10'),
      evaluationLate('2027-05-20'),
    ]);
    const summary = exerciseSummary(fold(exerciseDecider, events), DEFAULT_DEADLINE_POLICY);
    expect(summary?.status).toBe('closed');
    expect(summary?.steps.map((step) => [step.number, step.completedOn])).toEqual([
      [1, DECLARED_ON],
      [2, '2026-02-13'],
      [3, FACILITADOR_KNOWN_ON],
      [4, MESAS_CONCLUDED_ON],
      [5, PAL_LAUNCHED_ON],
      [6, '2027-05-20'],
    ]);
  });
});
