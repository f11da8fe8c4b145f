import { Client } from 'pg';
import { authenticatedApi } from './support/auth';
import { daysFromToday } from './support/dates';
import { statesOf } from './support/e2e-states';
import { e2eApi } from './support/http';
import { workflowIdsListedBy } from './support/temporal-cli';

const { exercise: entidad } = statesOf('exercise-slice', __filename);

/** Issue 2's vertical slice, through HTTP on the real stack: API → Temporal Update → worker → PostgreSQL. */
describe('an exercise from HTTP to the event log (vertical slice)', () => {
  const api = authenticatedApi(e2eApi(), 'coordinador');
  const database = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  const startedOn = daysFromToday(-20);

  beforeAll(() => database.connect());
  afterAll(() => database.end());

  /** The events people's commands produced; the STL's status reports arrive in between, at their own pace. */
  const eventsOf = async (streamId: string) =>
    (
      await database.query(
        `SELECT type FROM domain_events WHERE stream_id = $1 AND type <> 'StlStatusRecorded' ORDER BY seq`,
        [streamId],
      )
    ).rows.map((row) => row.type as string);

  it('reports every part up and the demo data in', async () => {
    const ready = await api.get('/api/health/ready');

    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', temporal: 'up', database: 'up', seed: 'done', problems: [] });
  });

  it('starts exercise/<entidad>/1 and refuses a second open one for the same state', async () => {
    const created = await api.post('/api/exercises', { entidad, startedOn });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: `${entidad}-1`, workflowId: `exercise/${entidad}/1`, entidad, currentStep: 1, currentStage: 1 });
    expect(await eventsOf(`exercise/${entidad}/1`)).toEqual(['ExerciseStarted']);

    const second = await api.post('/api/exercises', { entidad, startedOn });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('EXERCISE_ALREADY_OPEN');
  });

  it('refuses an unknown entidad with a 400 naming the field', async () => {
    const response = await api.post('/api/exercises', { entidad: '33', startedOn });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'entidad' })]);
  });

  it('completes stage 1 through an Update: event stored, projection moved, new state returned', async () => {
    const response = await api.post(`/api/exercises/${entidad}-1/stages/1/complete`, { completedOn: daysFromToday(-10) });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: `${entidad}-1`, completedStages: [1], currentStage: 2 });
    expect(await eventsOf(`exercise/${entidad}/1`)).toEqual(['ExerciseStarted', 'StageCompleted']);
    const row = await database.query('SELECT current_stage, current_step FROM exercises WHERE id = $1', [`exercise/${entidad}/1`]);
    expect(row.rows).toEqual([{ current_stage: 2, current_step: 1 }]);
  });

  it('refuses a completion date in the future with 422 DATE_IN_FUTURE and stores nothing', async () => {
    const response = await api.post(`/api/exercises/${entidad}-1/stages/2/complete`, { completedOn: daysFromToday(3) });

    expect(response.status).toBe(422);
    expect(response.body.code).toBe('DATE_IN_FUTURE');
    expect(response.body.message).toMatch(/posterior a hoy/);
    expect(await eventsOf(`exercise/${entidad}/1`)).toHaveLength(2);
  });

  it('lists the exercise with its current step and stage', async () => {
    const list = await api.get(`/api/exercises?entidad=${entidad}`);

    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ id: `${entidad}-1`, currentStep: 1, currentStage: 2, status: 'open' })]);
  });

  it('is visible to the temporal CLI by its search attributes', () => {
    expect(workflowIdsListedBy(`Entidad="${entidad}" AND Etapa=2`)).toEqual([`exercise/${entidad}/1`]);
  });
});
