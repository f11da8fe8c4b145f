import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import {
  cincoCompromisos,
  commandOn,
  COMMITMENTS_DEFINED_ON,
  concludeMesas,
  defineCommitments,
  evidenceOf,
  given,
  historyOf,
  jaliscoConCompromisos,
  jaliscoIntegrado,
  jaliscoMesasConcluidas,
  jaliscoPalLanzado,
  launchPal,
  MESAS_CONCLUDED_ON,
  noonOf,
  PAL_LAUNCHED_ON,
} from '../test-support/exercise-fixtures';
import { givenWhenThen } from '../test-support/given-when-then';
import { toCommitment } from './commitment-rules';
import { exerciseDeciderWith } from './exercise-decider';

const commitments = cincoCompromisos.map(toCommitment);

describe('DefineCommitments (seis-pasos-2016.txt, paso 4: mesas participativas)', () => {
  it('records the draft, each commitment not started yet', () => {
    given(jaliscoIntegrado)
      .when(defineCommitments)
      .then([{ type: 'CommitmentsDefined', data: { commitments, recordedAt: noonOf(COMMITMENTS_DEFINED_ON) } }]);
  });

  it('refuses drafts with repeated ids: COMMITMENTS_INVALID with the violations', () => {
    const repeated = commandOn('2026-04-11', 'DefineCommitments', {
      commitments: [cincoCompromisos[0], cincoCompromisos[0]],
    });
    const error = given(jaliscoIntegrado).when(repeated).then('COMMITMENTS_INVALID');
    expect(error.details?.violations).toEqual([
      expect.objectContaining({ code: 'COMMITMENT_ID_DUPLICATED', commitmentId: 'C1' }),
    ]);
  });

  it('refuses new drafts once the PAL is launched: PAL_ALREADY_LAUNCHED', () => {
    given(jaliscoPalLanzado).when(defineCommitments).then('PAL_ALREADY_LAUNCHED');
  });
});

describe('CompleteStep 4 and the steps completed by other acts', () => {
  it('concludes the mesas once commitments are defined', () => {
    given(jaliscoConCompromisos)
      .when(concludeMesas)
      .then([
        {
          type: 'StepCompleted',
          data: {
            step: 4,
            completedOn: MESAS_CONCLUDED_ON,
            evidence: evidenceOf('minutas-mesas'),
            automatic: false,
            recordedAt: noonOf(MESAS_CONCLUDED_ON),
          },
        },
      ]);
  });

  it('answers step 5 with the launch and step 6 with the monitoring, the micrositio and the evaluation', () => {
    const step = (number: number) =>
      commandOn('2026-06-01', 'CompleteStep', { step: number, completedOn: '2026-06-01' });
    expect(given(jaliscoMesasConcluidas).when(step(5)).then('STEP_REQUIREMENTS_MISSING').details?.missing).toEqual([
      'lanzamiento_del_pal',
    ]);
    expect(given(jaliscoPalLanzado).when(step(6)).then('STEP_REQUIREMENTS_MISSING').details?.missing).toEqual([
      'monitoreo',
      'micrositio',
      'evaluacion',
    ]);
  });
});

describe('LaunchPal (seis-pasos-2016.txt, paso 5: "vigencia de un año"; paso 6: monitoreo a los seis meses)', () => {
  it('launches the PAL with the defined commitments, completes step 5 and sets the monitoring and evaluation dates', () => {
    given(jaliscoMesasConcluidas)
      .when(launchPal)
      .then([
        {
          type: 'PalLaunched',
          data: {
            launchedOn: PAL_LAUNCHED_ON,
            commitments,
            evidence: evidenceOf('presentacion-pal'),
            monitoringDueOn: '2026-11-04',
            evaluationDueOn: '2027-05-04',
            recordedAt: noonOf(PAL_LAUNCHED_ON),
          },
        },
        {
          type: 'StepCompleted',
          data: {
            step: 5,
            completedOn: PAL_LAUNCHED_ON,
            evidence: evidenceOf('presentacion-pal'),
            automatic: true,
            recordedAt: noonOf(PAL_LAUNCHED_ON),
          },
        },
      ]);
  });

  it('uses the commitments of the command when given, and clamps the dates to shorter months', () => {
    const final = cincoCompromisos.map((commitment) => ({
      ...commitment,
      title: `${commitment.title} (versión final)`,
    }));
    const lateLaunch = commandOn('2026-08-31', 'LaunchPal', { launchedOn: '2026-08-31', commitments: final });
    const [launched] = given(jaliscoMesasConcluidas).when(lateLaunch).decision as readonly {
      data: Record<string, unknown>;
    }[];
    expect(launched.data).toMatchObject({
      monitoringDueOn: '2027-02-28',
      evaluationDueOn: '2027-08-31',
      commitments: final.map(toCommitment),
    });
  });

  it('follows the deployment policy for the monitoring and evaluation months', () => {
    const quarterly = givenWhenThen(
      exerciseDeciderWith({ ...DEFAULT_DEADLINE_POLICY, monitoringMonths: 3, evaluationMonths: 9 }),
    );
    const [launched] = quarterly(jaliscoMesasConcluidas).when(launchPal).decision as readonly {
      data: Record<string, unknown>;
    }[];
    expect(launched.data).toMatchObject({ monitoringDueOn: '2026-08-04', evaluationDueOn: '2027-02-04' });
  });

  it('refuses a PAL that breaks the 2015 structure, listing every violation: PAL_INVALID', () => {
    const four = commandOn(PAL_LAUNCHED_ON, 'LaunchPal', {
      launchedOn: PAL_LAUNCHED_ON,
      commitments: [...cincoCompromisos.slice(0, 3), { ...cincoCompromisos[3], indicators: [] }],
    });
    const error = given(jaliscoMesasConcluidas).when(four).then('PAL_INVALID');
    expect(error.category).toBe('invalid');
    expect((error.details?.violations as { code: string }[]).map((violation) => violation.code)).toEqual([
      'COMMITMENT_INDICATORS_MISSING',
      'PAL_TOO_FEW_COMMITMENTS',
      'PAL_TOO_FEW_FOLLOW_THE_MONEY',
    ]);
    expect(error.message).toContain('Follow the Money');
  });

  it('refuses a launch before the mesas concluded (STEP_OUT_OF_ORDER) or dated before them (DATE_BEFORE_PREVIOUS)', () => {
    given(jaliscoConCompromisos).when(launchPal).then('STEP_OUT_OF_ORDER');
    given(jaliscoMesasConcluidas)
      .when(commandOn(PAL_LAUNCHED_ON, 'LaunchPal', { launchedOn: '2026-04-14' }))
      .then('DATE_BEFORE_PREVIOUS');
    given(jaliscoMesasConcluidas)
      .when(commandOn(PAL_LAUNCHED_ON, 'LaunchPal', { launchedOn: '2026-05-05' }))
      .then('DATE_IN_FUTURE');
  });

  it('refuses a second launch: PAL_ALREADY_LAUNCHED', () => {
    given(jaliscoPalLanzado).when(launchPal).then('PAL_ALREADY_LAUNCHED');
  });
});

describe('UpdateCommitmentProgress (OGP IRM scale; seis-pasos-2016.txt, paso 6: tablero de seguimiento)', () => {
  const report = (commitmentId: string, completion: string, reportedOn: string) =>
    commandOn(reportedOn, 'UpdateCommitmentProgress', {
      commitmentId,
      completion: completion as never,
      reportedOn,
      evidence: evidenceOf(`avance-${commitmentId}`),
    });

  it('records the new completion with the previous one', () => {
    const state = given(jaliscoPalLanzado)
      .when(report('C5', 'substantial', '2026-09-01'))
      .then([
        {
          type: 'CommitmentProgressUpdated',
          data: {
            commitmentId: 'C5',
            completion: 'substantial',
            previous: 'not_started',
            reportedOn: '2026-09-01',
            evidence: evidenceOf('avance-C5'),
          },
        },
      ]);
    expect(state.status === 'open' && state.commitments[4]).toMatchObject({
      completion: 'substantial',
      reportedOn: '2026-09-01',
    });
  });

  it('refuses reports before the launch or before the previous report: DATE_BEFORE_PREVIOUS', () => {
    given(jaliscoPalLanzado)
      .when(report('C1', 'limited', '2026-05-01'))
      .then('DATE_BEFORE_PREVIOUS');
    const reported = historyOf([report('C1', 'limited', '2026-07-01')], jaliscoPalLanzado);
    given(reported)
      .when(report('C1', 'substantial', '2026-06-30'))
      .then('DATE_BEFORE_PREVIOUS');
    given(reported)
      .when(report('C1', 'complete', '2026-07-01'))
      .then([expect.objectContaining({ type: 'CommitmentProgressUpdated' })]);
  });

  it.each([
    ['PAL_NOT_LAUNCHED', jaliscoMesasConcluidas, report('C1', 'limited', '2026-05-01')],
    ['INVALID_COMPLETION', jaliscoPalLanzado, report('C1', 'casi listo', '2026-07-01')],
    ['COMMITMENT_NOT_FOUND', jaliscoPalLanzado, report('C99', 'limited', '2026-07-01')],
    [
      'DATE_IN_FUTURE',
      jaliscoPalLanzado,
      { ...report('C1', 'limited', '2026-07-02'), metadata: { now: noonOf('2026-07-01') } },
    ],
    [
      'INVALID_URL',
      jaliscoPalLanzado,
      {
        ...report('C1', 'limited', '2026-07-01'),
        data: { ...report('C1', 'limited', '2026-07-01').data, evidence: ['x'] },
      },
    ],
  ])('refuses with %s', (code, history, command) => {
    given(history).when(command).then(code);
  });
});
