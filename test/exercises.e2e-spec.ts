import { stlUpdates, stlWorkflowId, TASK_QUEUE } from '@app/contracts';
import { addMonths } from '@app/domain';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { cincoCompromisosOf } from '../libs/domain/src/test-support/exercise-fixtures';
import { authenticatedApi } from './support/auth';
import { daysFromToday, todayInMexicoCity } from './support/dates';
import { statesOf } from './support/e2e-states';
import { eventually } from './support/eventually';
import { e2eApi } from './support/http';

/**
 * A whole exercise through HTTP on the running system, as far as the present allows: the PAL's monitoring and
 * evaluation are months away, so those endpoints answer that they are not due yet. The states allocated to this file
 * (test/support/e2e-states.ts) have no seeded STL nor exercise.
 */
const { newStl, registeredStl, raced } = statesOf('exercises', __filename);
const MICROSITIO = `https://micrositio.ejemplo.org.mx/${newStl}`;

// The optional description travels too.
const cincoCompromisos = cincoCompromisosOf([`${newStl}-gobierno-1`, `${newStl}-sociedadcivil-1`]).map((commitment) =>
  commitment.id === 'C5' ? { ...commitment, description: 'Presupuesto ejercido, mes a mes.' } : commitment,
);

describe('exercise commands through HTTP', () => {
  const coordinador = authenticatedApi(e2eApi(), 'coordinador');
  const database = new PgClient({ connectionString: process.env.E2E_DATABASE_URL });
  let connection: Connection;
  let temporal: Client;

  beforeAll(async () => {
    await database.connect();
    connection = await Connection.connect({ address: process.env.E2E_TEMPORAL_ADDRESS! });
    temporal = new Client({ connection });
  });

  afterAll(async () => {
    await database.end();
    await connection?.close();
  });

  const eventTypes = async (streamId: string): Promise<string[]> =>
    (await database.query('SELECT type FROM domain_events WHERE stream_id = $1 ORDER BY seq', [streamId])).rows.map((row) => row.type);
  const stlRow = async (entidad: string) =>
    (await database.query('SELECT entidad, decision_rule FROM stls WHERE entidad = $1', [entidad])).rows;

  describe('POST /api/exercises and the state\'s STL', () => {
    it('registers stl/<entidad> with the requested decision rule before starting the exercise', async () => {
      const created = await coordinador.post('/api/exercises', {
        entidad: newStl,
        startedOn: daysFromToday(-60),
        decisionRule: 'consensus_then_majority_with_civil_society_vote',
      });

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: `${newStl}-1`, workflowId: `exercise/${newStl}/1`, currentStep: 1, currentStage: 1 });
      const stl = await temporal.workflow.getHandle(stlWorkflowId(newStl)).describe();
      expect(stl.status.name).toBe('RUNNING');
      expect(await eventTypes(`stl/${newStl}`)).toContain('StlRegistered');
      expect(await stlRow(newStl)).toEqual([{ entidad: newStl, decision_rule: 'consensus_then_majority_with_civil_society_vote' }]);
      const detail = await coordinador.get(`/api/stls/${newStl}`);
      expect(detail.status).toBe(200);
      // The exercise told its STL it opened: the STL reports back (an empty STL has no facilitador yet).
      await eventually(async () => expect(await eventTypes(`exercise/${newStl}/1`)).toContain('StlStatusRecorded'));
    });

    it('keeps an STL that already runs, with its own rule', async () => {
      await temporal.workflow.executeUpdateWithStart(stlUpdates.RegisterStl, {
        args: [{ data: { entidad: registeredStl, decisionRule: 'consensus_only' }, actor: 'e2e' }],
        startWorkflowOperation: new WithStartWorkflowOperation('stlWorkflow', {
          workflowId: stlWorkflowId(registeredStl),
          taskQueue: TASK_QUEUE,
          args: [{ entidad: registeredStl }],
          workflowIdConflictPolicy: 'FAIL',
        }),
      });

      const created = await coordinador.post('/api/exercises', { entidad: registeredStl, startedOn: daysFromToday(-5) });

      expect(created.status).toBe(201);
      expect(await stlRow(registeredStl)).toEqual([{ entidad: registeredStl, decision_rule: 'consensus_only' }]);
      expect((await eventTypes(`stl/${registeredStl}`)).filter((type) => type === 'StlRegistered')).toHaveLength(1);
    });

    it('creates one STL and one exercise when two requests race for a new state', async () => {
      const body = { entidad: raced, startedOn: daysFromToday(-3) };

      const answers = await Promise.all([coordinador.post('/api/exercises', body), coordinador.post('/api/exercises', body)]);

      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect(answers.find((answer) => answer.status === 409)?.body.code).toBe('EXERCISE_ALREADY_OPEN');
      expect((await eventTypes(`stl/${raced}`)).filter((type) => type === 'StlRegistered')).toHaveLength(1);
      expect(await eventTypes(`exercise/${raced}/1`)).toContain('ExerciseStarted');
      expect(await stlRow(raced)).toEqual([{ entidad: raced, decision_rule: 'consensus_then_majority' }]);
    });
  });

  describe('Colima\'s exercise from the Declaración Conjunta to the PAL under way', () => {
    const path = (suffix: string) => `/api/exercises/${newStl}-1${suffix}`;

    it('completes step 1 with its evidence', async () => {
      const response = await coordinador.post(path('/steps/1/complete'), {
        completedOn: daysFromToday(-58),
        evidence: [`${MICROSITIO}/declaracion-conjunta.pdf`],
      });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ completedSteps: [1], currentStep: 2 });
      expect(response.body.steps[0]).toMatchObject({ number: 1, status: 'concluido', evidence: [`${MICROSITIO}/declaracion-conjunta.pdf`] });
    });

    it('refuses to complete step 2 by hand: it completes with its stages', async () => {
      const response = await coordinador.post(path('/steps/2/complete'), { completedOn: daysFromToday(-57) });

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'STEP_REQUIREMENTS_MISSING', step: 2 });
      expect(response.body.missing).toEqual(['etapa_2', 'etapa_3', 'etapa_4']);
    });

    it('goes through the ten stages, merging two with a justification; step 2 completes by itself', async () => {
      for (const stage of [1, 2, 3, 4, 5, 6, 7]) {
        const response = await coordinador.post(path(`/stages/${stage}/complete`), { completedOn: daysFromToday(-56 + stage) });
        expect({ stage, status: response.status }).toEqual({ stage, status: 200 });
      }
      // guia-instalacion-stl.txt: "elegirán a los titulares y a los suplentes", before the installation of stage 10.
      for (const sector of ['gobierno', 'sociedad_civil', 'garante']) {
        const seat = { sector, organizacion: `Representación de ${sector} (Colima)`, joinedOn: daysFromToday(-46) };
        const titular = await coordinador.post('/api/stls/06/members', { ...seat, memberId: `06-${sector}-1`, role: 'titular', nombre: `Titular de ${sector}` });
        const suplente = await coordinador.post('/api/stls/06/members', {
          ...seat,
          memberId: `06-${sector}-1-suplente`,
          role: 'suplente',
          nombre: `Suplente de ${sector}`,
          titularId: `06-${sector}-1`,
        });
        expect([titular.status, suplente.status]).toEqual([201, 201]);
      }
      const merged = await coordinador.post(path('/stages/8/complete'), {
        completedOn: daysFromToday(-45),
        mergedWith: [9],
        justification: 'Las reglas de funcionamiento y el mecanismo se acordaron en la misma sesión.',
      });
      const installed = await coordinador.post(path('/stages/10/complete'), {
        completedOn: daysFromToday(-44),
        evidence: [`${MICROSITIO}/acta-de-instalacion.pdf`],
      });

      expect(merged.status).toBe(200);
      expect(installed.status).toBe(200);
      expect(installed.body).toMatchObject({ completedStages: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], completedSteps: [1, 2], currentStep: 3 });
    });

    it('records the mecanismo de gobernanza and the annual agenda; step 3 still lacks the facilitador', async () => {
      const mecanismo = await coordinador.post(path('/governance-mechanism'), {
        adoptedOn: daysFromToday(-43),
        documentUrl: `${MICROSITIO}/mecanismo-de-gobernanza.pdf`,
      });
      const agenda = await coordinador.post(path('/annual-agenda'), { adoptedOn: daysFromToday(-42), documentUrl: `${MICROSITIO}/agenda-anual.pdf` });
      const step3 = await coordinador.post(path('/steps/3/complete'), { completedOn: daysFromToday(-41) });

      expect(mecanismo.status).toBe(200);
      expect(mecanismo.body.governanceMechanism).toEqual({ adoptedOn: daysFromToday(-43), documentUrl: `${MICROSITIO}/mecanismo-de-gobernanza.pdf` });
      expect(agenda.status).toBe(200);
      expect(step3.status).toBe(409);
      expect(step3.body).toMatchObject({ code: 'STEP_REQUIREMENTS_MISSING' });
      // The STL installed itself at stage 10 with a titular and a suplente per sector, and reported so; the document
      // is not the STL's own adoption (guia-instalacion-stl.txt, stage 9: "se acordará el mecanismo de gobernanza").
      await eventually(async () => {
        const exercise = await coordinador.get(path(''));
        expect(exercise.body.missingForCurrentStep).toEqual([
          expect.objectContaining({ code: 'mecanismo_del_stl' }),
          expect.objectContaining({ code: 'facilitador' }),
        ]);
      });
      const adopted = await coordinador.put(`/api/stls/${newStl}/governance`, {
        mechanism: { template: 'minimos_guia' },
        adoptedOn: daysFromToday(-43),
        historical: { justification: 'Acordado en la sesión de instalación; el acta se registra aparte.' },
      });
      expect(adopted.status).toBe(200);
      await eventually(async () => {
        const exercise = await coordinador.get(path(''));
        expect(exercise.body.missingForCurrentStep).toEqual([expect.objectContaining({ code: 'facilitador' })]);
        expect(exercise.body.stl).toMatchObject({ mechanismAdoptedOn: daysFromToday(-43) });
      });
    });

    it('keeps the mesas\' draft, which replaces the previous one, and refuses step 4 and the PAL before step 3', async () => {
      const first = await coordinador.put(path('/commitments'), { commitments: cincoCompromisos.slice(0, 2) });
      const draft = await coordinador.put(path('/commitments'), {
        commitments: [...cincoCompromisos.slice(0, 4), { ...cincoCompromisos[4], activities: [] }],
      });
      const step4 = await coordinador.post(path('/steps/4/complete'), { completedOn: todayInMexicoCity() });
      const pal = await coordinador.post(path('/pal'), { launchedOn: todayInMexicoCity() });

      expect(first.status).toBe(200);
      expect(draft.status).toBe(200);
      expect(draft.body.commitments).toMatchObject({ total: 5, byKind: { agenda_nacional: 2, problema_local: 2, follow_the_money: 1 } });
      expect(step4.status).toBe(409);
      expect(step4.body).toMatchObject({ code: 'STEP_OUT_OF_ORDER', pending: [3] });
      expect(pal.status).toBe(409);
      expect(pal.body.code).toBe('STEP_OUT_OF_ORDER');
    });

    it('completes step 3 once the STL appoints its facilitador (PUT /api/stls/:entidad/facilitador, reported to the exercise)', async () => {
      const appointed = await coordinador.put(`/api/stls/${newStl}/facilitador`, {
        nombre: 'Mtra. Rosa Elena Cárdenas',
        procedencia: 'Academia – Universidad de Colima',
        appointedOn: daysFromToday(-40),
        historical: { justification: 'Designada por el STL en sesión; el acta se registra aparte.' },
      });

      expect(appointed.status).toBe(200);
      await eventually(async () => {
        const exercise = await coordinador.get(path(''));
        expect(exercise.body).toMatchObject({ completedSteps: [1, 2, 3], currentStep: 4, stl: { facilitador: { nombre: 'Mtra. Rosa Elena Cárdenas' } } });
      });
    });

    it('refuses step 4 while a commitment lacks activities, then completes it with the whole draft', async () => {
      const incomplete = await coordinador.post(path('/steps/4/complete'), { completedOn: todayInMexicoCity() });
      await coordinador.put(path('/commitments'), { commitments: cincoCompromisos });
      const step4 = await coordinador.post(path('/steps/4/complete'), { completedOn: todayInMexicoCity(), evidence: [`${MICROSITIO}/mesas.pdf`] });

      expect(incomplete.status).toBe(409);
      expect(incomplete.body).toMatchObject({ code: 'STEP_REQUIREMENTS_MISSING', missing: ['compromiso:C5:COMMITMENT_ACTIVITIES_MISSING'] });
      expect(step4.status).toBe(200);
      expect(step4.body).toMatchObject({ completedSteps: [1, 2, 3, 4], currentStep: 5 });
    });

    it('refuses a PAL below the 2015 minimums with 422 PAL_INVALID listing every violation, and stores nothing', async () => {
      const before = await eventTypes(`exercise/${newStl}/1`);

      const response = await coordinador.post(path('/pal'), {
        launchedOn: todayInMexicoCity(),
        commitments: [cincoCompromisos[0], cincoCompromisos[2], cincoCompromisos[3]],
      });

      expect(response.status).toBe(422);
      expect(response.body.code).toBe('PAL_INVALID');
      expect(response.body.message).toMatch(/estructura mínima/);
      expect((response.body.violations as { code: string }[]).map((violation) => violation.code)).toEqual([
        'PAL_TOO_FEW_COMMITMENTS',
        'PAL_TOO_FEW_AGENDA_NACIONAL',
        'PAL_TOO_FEW_FOLLOW_THE_MONEY',
      ]);
      expect(await eventTypes(`exercise/${newStl}/1`)).toEqual(before);
    });

    it('launches the PAL with the mesas\' commitments: step 5 done, monitoring in six months, evaluation in twelve', async () => {
      const today = todayInMexicoCity();

      const response = await coordinador.post(path('/pal'), { launchedOn: today, evidence: [`${MICROSITIO}/plan-de-accion-local.pdf`] });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        completedSteps: [1, 2, 3, 4, 5],
        currentStep: 6,
        palLaunchedOn: today,
        monitoringDueOn: addMonths(today, 6),
        evaluationDueOn: addMonths(today, 12),
        commitments: { total: 5, byCompletion: { not_started: 5 } },
      });
      const rows = await database.query('SELECT commitment_id, launched FROM commitments WHERE exercise_id = $1 ORDER BY commitment_id', [`exercise/${newStl}/1`]);
      expect(rows.rows).toEqual(['C1', 'C2', 'C3', 'C4', 'C5'].map((id) => ({ commitment_id: id, launched: true })));
      expect((await coordinador.post(path('/pal'), { launchedOn: today })).body.code).toBe('PAL_ALREADY_LAUNCHED');
    });

    it('reports a commitment\'s progress on the IRM scale, and names a commitment the PAL does not have', async () => {
      const progress = await coordinador.post(path('/commitments/C1/progress'), {
        completion: 'limited',
        reportedOn: todayInMexicoCity(),
        evidence: [`${MICROSITIO}/avance-c1.pdf`],
      });
      const unknown = await coordinador.post(path('/commitments/C9/progress'), { completion: 'limited', reportedOn: todayInMexicoCity() });

      expect(progress.status).toBe(200);
      expect(progress.body.commitments.byCompletion).toMatchObject({ not_started: 4, limited: 1 });
      expect(progress.body.commitments.items[0]).toMatchObject({ id: 'C1', completion: 'limited', reportedOn: todayInMexicoCity() });
      const row = await database.query("SELECT completion FROM commitments WHERE exercise_id = $1 AND commitment_id = 'C1'", [`exercise/${newStl}/1`]);
      expect(row.rows).toEqual([{ completion: 'limited' }]);
      expect(unknown.status).toBe(409);
      expect(unknown.body).toMatchObject({ code: 'COMMITMENT_NOT_FOUND', commitmentId: 'C9' });
    });

    it('answers that the monitoring and the evaluation are not due yet', async () => {
      const review = { completedOn: todayInMexicoCity(), summary: 'Todavía no corresponde.' };

      const monitoring = await coordinador.post(path('/monitoring'), review);
      const evaluation = await coordinador.post(path('/evaluation'), review);

      expect(monitoring.status).toBe(409);
      expect(monitoring.body).toMatchObject({ code: 'MONITORING_NOT_DUE', dueOn: addMonths(todayInMexicoCity(), 6) });
      expect(evaluation.status).toBe(409);
      expect(evaluation.body).toMatchObject({ code: 'EVALUATION_NOT_DUE', dueOn: addMonths(todayInMexicoCity(), 12) });
    });

    it('lists the exercise as the projection holds it, page by page', async () => {
      const list = await coordinador.get(`/api/exercises?entidad=${newStl}`);
      const firstPage = await coordinador.get('/api/exercises?limit=2');
      const secondPage = await coordinador.get('/api/exercises?limit=2&offset=2');
      const all = await coordinador.get('/api/exercises');

      expect(list.body).toEqual([expect.objectContaining({ id: `${newStl}-1`, currentStep: 6, palLaunchedOn: todayInMexicoCity() })]);
      expect(firstPage.body).toHaveLength(2);
      const ids = (page: { body: { id: string }[] }) => page.body.map((exercise) => exercise.id);
      expect([...ids(firstPage), ...ids(secondPage)]).toEqual(ids(all).slice(0, 4));
      expect(all.body.length).toBeGreaterThanOrEqual(19);
    });
  });

  it('refuses commands to an exercise that does not exist with 404 EXERCISE_NOT_FOUND', async () => {
    const response = await coordinador.post(`/api/exercises/${newStl}-9/steps/1/complete`, { completedOn: todayInMexicoCity() });

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('EXERCISE_NOT_FOUND');
  });
});
