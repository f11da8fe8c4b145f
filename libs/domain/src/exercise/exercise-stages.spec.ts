import {
  commandAt,
  commandOn,
  completeStage,
  completeStages,
  evidenceOf,
  given,
  historyOf,
  jaliscoConDeclaracion,
  jaliscoIniciado,
  noonOf,
  stageDate,
  STARTED_ON,
  startJalisco,
} from '../test-support/exercise-fixtures';

describe('StartExercise (seis-pasos-2016.txt, paso 1: "con este acto arrancan formalmente los trabajos")', () => {
  it('starts the exercise of an entidad, recording when it was recorded', () => {
    given()
      .when(startJalisco)
      .then([
        {
          type: 'ExerciseStarted',
          data: { entidad: '14', number: 1, startedOn: STARTED_ON, recordedAt: noonOf(STARTED_ON) },
        },
      ]);
  });

  it('refuses a second start: EXERCISE_ALREADY_STARTED', () => {
    expect(given(jaliscoIniciado).when(startJalisco).then('EXERCISE_ALREADY_STARTED').category).toBe('conflict');
  });

  it.each([
    ['INVALID_ENTIDAD', { entidad: '33', number: 1, startedOn: STARTED_ON }],
    ['INVALID_EXERCISE_NUMBER', { entidad: '14', number: 0, startedOn: STARTED_ON }],
    ['INVALID_EXERCISE_NUMBER', { entidad: '14', number: 1.5, startedOn: STARTED_ON }],
    ['INVALID_DATE', { entidad: '14', number: 1, startedOn: '2026-02-30' }],
  ])('refuses malformed input with %s', (code, data) => {
    expect(
      given()
        .when(commandOn(STARTED_ON, 'StartExercise', data))
        .then(code).category,
    ).toBe('invalid');
  });

  it('refuses a start dated after today in Mexico City, even when UTC has already moved on: DATE_IN_FUTURE', () => {
    // 03:00 UTC on the 23rd is still 21:00 on the 22nd in Mexico City.
    const lateEvening = commandAt('2026-11-23T03:00:00.000Z', 'StartExercise', {
      entidad: '14',
      number: 1,
      startedOn: '2026-11-23',
    });
    const error = given().when(lateEvening).then('DATE_IN_FUTURE');
    expect(error.details).toEqual({ field: 'inicio del ejercicio', date: '2026-11-23', today: '2026-11-22' });
  });

  it('answers EXERCISE_NOT_STARTED to anything else before the start', () => {
    given().when(completeStage(1)).then('EXERCISE_NOT_STARTED');
  });
});

describe('CompleteStage in order (guia-instalacion-stl.txt, Anexo 1)', () => {
  it('completes the next stage with its evidence', () => {
    given(jaliscoIniciado)
      .when(completeStage(1))
      .then([
        {
          type: 'StageCompleted',
          data: {
            stage: 1,
            completedOn: stageDate(1),
            evidence: evidenceOf('etapa-1'),
            recordedAt: noonOf(stageDate(1)),
          },
        },
      ]);
  });

  it('accepts stages before the Declaración Conjunta is signed (step 1 only needs its own act)', () => {
    const state = given(jaliscoIniciado)
      .when(completeStage(1))
      .then([expect.objectContaining({ type: 'StageCompleted' })]);
    expect(state.status === 'open' && state.steps[1]).toBeFalsy();
  });

  it('refuses to jump over an open stage without a justification: STAGE_OUT_OF_ORDER lists the pending ones', () => {
    const history = historyOf([completeStage(1)], jaliscoIniciado);
    const error = given(history).when(completeStage(4)).then('STAGE_OUT_OF_ORDER');
    expect(error).toMatchObject({ category: 'conflict', details: { stage: 4, pending: [2, 3] } });
    expect(error.message).toContain('justificación');
  });

  it('refuses a stage already completed: STAGE_ALREADY_COMPLETED', () => {
    const history = historyOf([completeStage(1)], jaliscoIniciado);
    expect(given(history).when(completeStage(1)).then('STAGE_ALREADY_COMPLETED').details).toEqual({ stages: [1] });
  });

  it.each([[0], [11], [2.5]])('refuses stage %s: INVALID_STAGE', (stage) => {
    given(jaliscoIniciado)
      .when(commandOn(stageDate(1), 'CompleteStage', { stage, completedOn: stageDate(1) }))
      .then('INVALID_STAGE');
  });

  it('refuses evidence that is not a link to the micrositio: INVALID_URL', () => {
    const notALink = commandOn(stageDate(1), 'CompleteStage', {
      stage: 1,
      completedOn: stageDate(1),
      evidence: ['acta.pdf'],
    });
    expect(given(jaliscoIniciado).when(notALink).then('INVALID_URL').details).toEqual({ field: 'evidencia' });
    const notAList = { ...notALink, data: { ...notALink.data, evidence: 'https://x.mx/a.pdf' as unknown as string[] } };
    given(jaliscoIniciado).when(notAList).then('INVALID_URL');
  });
});

describe('CompleteStage dates (DESIGN.md: reported dates are Mexico City business dates, never in the future)', () => {
  it('refuses a completion after today: DATE_IN_FUTURE', () => {
    const tomorrow = commandOn(stageDate(1), 'CompleteStage', { stage: 1, completedOn: '2026-02-05' });
    given(jaliscoIniciado).when(tomorrow).then('DATE_IN_FUTURE');
  });

  it('refuses a completion before the exercise started: DATE_BEFORE_PREVIOUS', () => {
    const early = commandOn(stageDate(1), 'CompleteStage', { stage: 1, completedOn: '2026-01-02' });
    const error = given(jaliscoIniciado).when(early).then('DATE_BEFORE_PREVIOUS');
    expect(error.details).toMatchObject({ date: '2026-01-02', previous: STARTED_ON });
  });

  it('refuses a completion dated before the previous stage: DATE_BEFORE_PREVIOUS', () => {
    const history = historyOf([completeStage(1)], jaliscoIniciado);
    const backwards = commandOn(stageDate(2), 'CompleteStage', { stage: 2, completedOn: '2026-02-03' });
    expect(given(history).when(backwards).then('DATE_BEFORE_PREVIOUS').details).toMatchObject({
      previous: stageDate(1),
    });
  });

  it('refuses a malformed date: INVALID_DATE', () => {
    given(jaliscoIniciado)
      .when(commandOn(stageDate(1), 'CompleteStage', { stage: 1, completedOn: '4 de febrero' }))
      .then('INVALID_DATE');
  });
});

describe('Skipping and merging stages ("No existe un modelo de instalación único", guia-instalacion-stl.txt, Anexo 1)', () => {
  const justification = 'El respaldo político y la convocatoria se obtuvieron en el ejercicio anterior.';

  it('skips earlier open stages when a justification is recorded, never silently', () => {
    const skipping = commandOn(stageDate(4), 'CompleteStage', { stage: 4, completedOn: stageDate(4), justification });
    given(historyOf([completeStage(1)], jaliscoIniciado))
      .when(skipping)
      .then([
        { type: 'StageSkipped', data: { stage: 2, skippedOn: stageDate(4), justification, skippedBy: 4 } },
        { type: 'StageSkipped', data: { stage: 3, skippedOn: stageDate(4), justification, skippedBy: 4 } },
        {
          type: 'StageCompleted',
          data: { stage: 4, completedOn: stageDate(4), evidence: [], justification, recordedAt: noonOf(stageDate(4)) },
        },
      ]);
  });

  it('merges several stages into one act, each StageCompleted naming the others and the justification', () => {
    const history = historyOf(completeStages(1, 7), jaliscoIniciado);
    const merged = commandOn(stageDate(9), 'CompleteStage', {
      stage: 9,
      mergedWith: [8],
      completedOn: stageDate(9),
      evidence: evidenceOf('reglas-y-mecanismo'),
      justification: '  Las reglas se acordaron y redactaron en la misma sesión.  ',
    });
    const common = {
      completedOn: stageDate(9),
      evidence: evidenceOf('reglas-y-mecanismo'),
      justification: 'Las reglas se acordaron y redactaron en la misma sesión.',
      recordedAt: noonOf(stageDate(9)),
    };
    given(history)
      .when(merged)
      .then([
        { type: 'StageCompleted', data: { stage: 8, ...common, mergedWith: [9] } },
        { type: 'StageCompleted', data: { stage: 9, ...common, mergedWith: [8] } },
      ]);
  });

  it('refuses a merge without a justification: JUSTIFICATION_REQUIRED', () => {
    const merged = commandOn(stageDate(2), 'CompleteStage', {
      stage: 1,
      mergedWith: [2],
      completedOn: stageDate(2),
      justification: '   ',
    });
    expect(given(jaliscoIniciado).when(merged).then('JUSTIFICATION_REQUIRED')).toMatchObject({
      category: 'invalid',
      details: { stages: [1, 2] },
    });
  });

  it.each([
    ['a stage repeated in mergedWith', [3, 3]],
    ['the stage itself in mergedWith', [2]],
    ['a stage that does not exist', [12]],
  ])('refuses %s: INVALID_STAGE', (_, mergedWith) => {
    const merged = commandOn(stageDate(3), 'CompleteStage', {
      stage: 2,
      mergedWith,
      completedOn: stageDate(3),
      justification,
    });
    given(jaliscoIniciado).when(merged).then('INVALID_STAGE');
  });

  it('refuses to merge a stage already completed: STAGE_ALREADY_COMPLETED', () => {
    const history = historyOf([completeStage(1)], jaliscoIniciado);
    const merged = commandOn(stageDate(2), 'CompleteStage', {
      stage: 2,
      mergedWith: [1],
      completedOn: stageDate(2),
      justification,
    });
    given(history).when(merged).then('STAGE_ALREADY_COMPLETED');
  });

  it('refuses to complete a skipped stage afterwards: STAGE_OUT_OF_ORDER', () => {
    const skipping = commandOn(stageDate(4), 'CompleteStage', { stage: 4, completedOn: stageDate(4), justification });
    const history = historyOf([completeStage(1), skipping], jaliscoConDeclaracion);
    const late = commandOn(stageDate(5), 'CompleteStage', { stage: 2, completedOn: stageDate(5) });
    const error = given(history).when(late).then('STAGE_OUT_OF_ORDER');
    expect(error.details).toEqual({ stage: 2, pending: [5, 6, 7, 8, 9, 10] });
    expect(error.message).toContain('omitida');
  });

  it('counts a skipped stage as closed for step 2, which then completes by itself', () => {
    const skipping = commandOn(stageDate(4), 'CompleteStage', { stage: 4, completedOn: stageDate(4), justification });
    const decision = given(historyOf([completeStage(1)], jaliscoConDeclaracion)).when(skipping).decision;
    expect(decision).toContainEqual(
      expect.objectContaining({
        type: 'StepCompleted',
        data: expect.objectContaining({ step: 2, completedOn: stageDate(4) }),
      }),
    );
  });
});
