import { ExerciseView } from '@app/persistence';
import { createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { ApiProblem, notFound } from '../errors/api-problem';
import { closedExerciseOr } from './closed-exercise';

describe('a command on a closed exercise (issue 16: "answers 404 EXERCISE_NOT_FOUND")', () => {
  let database: TestDatabase;
  const workflowNotFound = notFound('EXERCISE_NOT_FOUND', 'El ejercicio no existe.');

  beforeAll(async () => {
    database = await createTestDatabase();
    const row = (id: string, number: number, status: 'open' | 'closed') => ({
      id,
      entidad: '14',
      number,
      status,
      currentStep: 6,
      currentStage: 10,
      startedOn: '2025-01-06',
      lastProgressOn: '2026-01-06',
      closedOn: status === 'closed' ? '2026-11-30' : null,
      openEscalations: 0,
      summary: {} as never,
      updatedAt: new Date(),
    });
    await database.dataSource.getRepository(ExerciseView).insert([row('exercise/14/1', 1, 'closed'), row('exercise/14/2', 2, 'open')]);
  });
  afterAll(() => database.drop());

  it('answers the rule\'s 409 EXERCISE_CLOSED, read from the read model, instead of the ended workflow\'s 404', async () => {
    const problem = await closedExerciseOr(workflowNotFound, database.dataSource, 'exercise/14/1');

    expect(problem).toBeInstanceOf(ApiProblem);
    expect((problem as ApiProblem).body).toMatchObject({ statusCode: 409, code: 'EXERCISE_CLOSED', message: expect.stringContaining('ya concluyó') });
  });

  it('keeps the 404 for an exercise that does not exist or is still open, and any other failure as it was', async () => {
    expect(await closedExerciseOr(workflowNotFound, database.dataSource, 'exercise/14/9')).toBe(workflowNotFound);
    expect(await closedExerciseOr(workflowNotFound, database.dataSource, 'exercise/14/2')).toBe(workflowNotFound);
    const timeout = new ApiProblem(503, 'WORKFLOW_TIMEOUT', 'El flujo no respondió a tiempo.');
    expect(await closedExerciseOr(timeout, database.dataSource, 'exercise/14/1')).toBe(timeout);
  });
});
