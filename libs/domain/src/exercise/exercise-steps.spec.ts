import {
  cincoCompromisos,
  commandOn,
  COMMITMENTS_DEFINED_ON,
  completeStage,
  completeStages,
  DECLARED_ON,
  evidenceOf,
  FACILITADOR_KNOWN_ON,
  given,
  historyOf,
  jaliscoConCompromisos,
  jaliscoConDeclaracion,
  jaliscoIniciado,
  jaliscoIntegrado,
  jaliscoStlInstalado,
  noonOf,
  recordAnnualAgenda,
  recordGovernanceMechanism,
  signDeclaration,
  stageDate,
  stlConFacilitador,
} from '../test-support/exercise-fixtures';

const stepCompleted = (step: 1 | 2 | 3 | 4, completedOn: string, recordedOn: string, automatic = true) => ({
  type: 'StepCompleted' as const,
  data: { step, completedOn, evidence: automatic ? [] : evidenceOf('x'), automatic, recordedAt: noonOf(recordedOn) },
});

describe('CompleteStep 1: the Declaración Conjunta is signed (seis-pasos-2016.txt, paso 1)', () => {
  it('completes step 1 explicitly, with the signed declaration as evidence', () => {
    given(jaliscoIniciado)
      .when(signDeclaration)
      .then([
        {
          type: 'StepCompleted',
          data: {
            step: 1,
            completedOn: DECLARED_ON,
            evidence: evidenceOf('declaracion-conjunta'),
            automatic: false,
            recordedAt: noonOf(DECLARED_ON),
          },
        },
      ]);
  });

  it('refuses a declaration dated before the start: DATE_BEFORE_PREVIOUS', () => {
    given(jaliscoIniciado)
      .when(commandOn(DECLARED_ON, 'CompleteStep', { step: 1, completedOn: '2026-01-05' }))
      .then('DATE_BEFORE_PREVIOUS');
  });

  it('refuses to sign twice: STEP_ALREADY_COMPLETED', () => {
    given(jaliscoConDeclaracion).when(signDeclaration).then('STEP_ALREADY_COMPLETED');
  });

  it.each([[0], [7], ['3']])('refuses step %p: INVALID_STEP', (step) => {
    given(jaliscoIniciado)
      .when(commandOn(DECLARED_ON, 'CompleteStep', { step: step as number, completedOn: DECLARED_ON }))
      .then('INVALID_STEP');
  });

  it('checks the date and the evidence before the state', () => {
    given(jaliscoConDeclaracion)
      .when(commandOn(DECLARED_ON, 'CompleteStep', { step: 1, completedOn: '2026-01-21' }))
      .then('DATE_IN_FUTURE');
    given(jaliscoIniciado)
      .when(commandOn(DECLARED_ON, 'CompleteStep', { step: 1, completedOn: DECLARED_ON, evidence: ['ftp://x'] }))
      .then('INVALID_URL');
  });
});

describe('Steps go in order (seis-pasos-2016.txt) and list what they lack', () => {
  it('refuses a step whose predecessors are open: STEP_OUT_OF_ORDER', () => {
    const error = given(jaliscoIniciado)
      .when(commandOn(DECLARED_ON, 'CompleteStep', { step: 4, completedOn: DECLARED_ON }))
      .then('STEP_OUT_OF_ORDER');
    expect(error.details).toEqual({ step: 4, pending: [1, 2, 3] });
  });

  it('answers step 2 with its open stages 2–4: STEP_REQUIREMENTS_MISSING', () => {
    const history = historyOf([completeStage(1)], jaliscoConDeclaracion);
    const error = given(history)
      .when(commandOn(stageDate(1), 'CompleteStep', { step: 2, completedOn: stageDate(1) }))
      .then('STEP_REQUIREMENTS_MISSING');
    expect(error.details).toEqual({ step: 2, missing: ['etapa_2', 'etapa_3', 'etapa_4'] });
  });

  it('answers step 3 with its stages, the mecanismo de gobernanza, the facilitador and the annual agenda', () => {
    const history = historyOf(completeStages(1, 4), jaliscoConDeclaracion);
    const error = given(history)
      .when(commandOn(stageDate(4), 'CompleteStep', { step: 3, completedOn: stageDate(4) }))
      .then('STEP_REQUIREMENTS_MISSING');
    expect(error.details?.missing).toEqual([
      'etapa_5',
      'etapa_6',
      'etapa_7',
      'etapa_8',
      'etapa_9',
      'etapa_10',
      'stl_instalado',
      'titulares_y_suplentes',
      'mecanismo_de_gobernanza',
      'facilitador',
      'agenda_anual',
    ]);
    expect(error.message).toContain('elegir al facilitador del STL');
  });

  it('answers step 4 without commitments defined at the mesas', () => {
    const error = given(jaliscoIntegrado)
      .when(commandOn('2026-04-15', 'CompleteStep', { step: 4, completedOn: '2026-04-15' }))
      .then('STEP_REQUIREMENTS_MISSING');
    expect(error.details?.missing).toEqual(['compromisos']);
  });

  it('answers step 4 when a commitment lacks activities, products or indicators (seis-pasos-2016.txt, paso 4)', () => {
    const draft = commandOn('2026-04-10', 'DefineCommitments', {
      commitments: [
        {
          id: 'C1',
          title: 'Datos abiertos',
          kind: 'agenda_nacional',
          activities: ['Mesa'],
          products: [],
          indicators: [' '],
          responsibles: ['ITEI'],
        },
      ],
    });
    const error = given(historyOf([draft], jaliscoIntegrado))
      .when(commandOn('2026-04-15', 'CompleteStep', { step: 4, completedOn: '2026-04-15' }))
      .then('STEP_REQUIREMENTS_MISSING');
    expect(error.details?.missing).toEqual([
      'compromiso:C1:COMMITMENT_PRODUCTS_MISSING',
      'compromiso:C1:COMMITMENT_INDICATORS_MISSING',
    ]);
    expect(error.message).toBe(
      'Para concluir el paso 4 falta: definir productos del compromiso C1; ' +
        'definir indicadores de desempeño del compromiso C1.',
    );
  });

  it('refuses step 4 dated before the mesas defined the commitments: DATE_BEFORE_PREVIOUS', () => {
    const error = given(jaliscoConCompromisos)
      .when(commandOn('2026-04-15', 'CompleteStep', { step: 4, completedOn: '2026-04-09' }))
      .then('DATE_BEFORE_PREVIOUS');
    expect(error.details).toMatchObject({ previous: COMMITMENTS_DEFINED_ON });
  });

  it('refuses step 4 dated before step 3, even after commitments recorded as of an earlier day: DATE_BEFORE_PREVIOUS', () => {
    const early = commandOn('2026-04-15', 'DefineCommitments', {
      commitments: cincoCompromisos,
      definedOn: '2026-03-01',
      historical: { justification: 'Mesas celebradas antes de usar el sistema.' },
    });
    const error = given(historyOf([early], jaliscoIntegrado))
      .when(commandOn('2026-04-15', 'CompleteStep', { step: 4, completedOn: '2026-03-02' }))
      .then('DATE_BEFORE_PREVIOUS');
    expect(error.details).toMatchObject({ previous: FACILITADOR_KNOWN_ON });
  });
});

describe('Step 2 completes by itself when stage 4 completes (DOMAIN.md mapping: stages 2–4 are step 2)', () => {
  it('emits StepCompleted 2 in the same decision, dated like the last requirement', () => {
    const history = historyOf(completeStages(1, 3), jaliscoConDeclaracion);
    given(history)
      .when(completeStage(4))
      .then([
        {
          type: 'StageCompleted',
          data: {
            stage: 4,
            completedOn: stageDate(4),
            evidence: evidenceOf('etapa-4'),
            recordedAt: noonOf(stageDate(4)),
          },
        },
        stepCompleted(2, stageDate(4), stageDate(4)),
      ]);
  });

  it('waits for the Declaración Conjunta, then cascades when it is signed late', () => {
    const history = historyOf(completeStages(1, 4), jaliscoIniciado);
    const lateSigning = commandOn(stageDate(5), 'CompleteStep', { step: 1, completedOn: stageDate(5) });
    given(history)
      .when(lateSigning)
      .then([
        {
          type: 'StepCompleted',
          data: {
            step: 1,
            completedOn: stageDate(5),
            evidence: [],
            automatic: false,
            recordedAt: noonOf(stageDate(5)),
          },
        },
        stepCompleted(2, stageDate(5), stageDate(5)),
      ]);
  });
});

describe('Step 3 completes by itself with its last requirement (seis-pasos-2016.txt, paso 3: MG, facilitador, agenda)', () => {
  it('completes when the facilitador arrives last, dated the day the STL reported them', () => {
    const history = historyOf([recordGovernanceMechanism, recordAnnualAgenda], jaliscoStlInstalado);
    const decision = given(history).when(stlConFacilitador).decision;
    expect(decision).toEqual([
      { type: 'StlStatusRecorded', data: { ...stlConFacilitador.data, recordedAt: noonOf(FACILITADOR_KNOWN_ON) } },
      stepCompleted(3, FACILITADOR_KNOWN_ON, FACILITADOR_KNOWN_ON),
    ]);
  });

  it('completes when stage 10 is the last requirement', () => {
    const history = historyOf(
      [recordGovernanceMechanism, recordAnnualAgenda, stlConFacilitador],
      historyOf(completeStages(1, 9), jaliscoConDeclaracion),
    );
    const installation = commandOn('2026-03-10', 'CompleteStage', { stage: 10, completedOn: '2026-03-10' });
    const decision = given(history).when(installation).decision;
    expect(decision).toContainEqual(stepCompleted(3, '2026-03-10', '2026-03-10'));
  });

  it('completes when the mecanismo de gobernanza is the last requirement, even one adopted long before', () => {
    const history = historyOf([recordAnnualAgenda, stlConFacilitador], jaliscoStlInstalado);
    const oldMechanism = commandOn('2026-03-09', 'RecordGovernanceMechanism', {
      adoptedOn: '2019-06-14',
      documentUrl: 'https://www.itei.org.mx/mg-2019.pdf',
    });
    expect(given(history).when(oldMechanism).decision).toEqual([
      {
        type: 'GovernanceMechanismRecorded',
        data: {
          adoptedOn: '2019-06-14',
          documentUrl: 'https://www.itei.org.mx/mg-2019.pdf',
          recordedAt: noonOf('2026-03-09'),
        },
      },
      stepCompleted(3, FACILITADOR_KNOWN_ON, '2026-03-09'),
    ]);
  });

  it('completes when the annual agenda is the last requirement', () => {
    const history = historyOf([recordGovernanceMechanism, stlConFacilitador], jaliscoStlInstalado);
    expect(given(history).when(recordAnnualAgenda).decision).toContainEqual(
      stepCompleted(3, FACILITADOR_KNOWN_ON, '2026-03-05'),
    );
  });

  it('keeps step 3 completed when the facilitador later leaves', () => {
    const vacant = commandOn('2026-03-20', 'RecordStlStatus', { installedOn: stageDate(10), facilitador: null });
    const state = given(jaliscoIntegrado)
      .when(vacant)
      .then([
        {
          type: 'StlStatusRecorded',
          data: { installedOn: stageDate(10), facilitador: null, recordedAt: noonOf('2026-03-20') },
        },
      ]);
    expect(state.status === 'open' && state.steps[3]?.completedOn).toBe(FACILITADOR_KNOWN_ON);
  });
});
