import { DEVELOPMENT_MAIL_LINK_SECRET, NotificationOutbox } from '@app/notifications';
import { EventStore, ProjectionWriter } from '@app/persistence';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { type PostgresForFile, startPostgresForFile } from '@test/support/postgres-for-file';
import { type RunningWorkflows, runWorkflows, timeSkippingEnvironment } from '@test/support/time-skipping';
import { EventStoreActivitiesService } from '../../../worker/src/activities/event-store.activities';
import { runFullExercise } from '../../../../test/scenarios/full-exercise';
import { loadApiConfig } from '../config/api-config';
import { ApiProblem } from '../errors/api-problem';
import { WorkflowCommands } from '../temporal/workflow-commands';
import { WorkflowInputs } from '../temporal/workflow-inputs';
import { ExercisesService } from './exercises.service';

/**
 * Issue 16, finding 5, through the API's own service: once the evaluation closes an exercise its workflow has ended,
 * Temporal answers a command to it with "not found", and the read model (written by the real append) says why.
 */
describe('a command on an exercise closed by its evaluation', () => {
  let postgres: PostgresForFile;
  let workflows: RunningWorkflows | undefined;
  let exercises: ExercisesService;

  beforeAll(async () => {
    let env: TestWorkflowEnvironment;
    [postgres, env] = await Promise.all([startPostgresForFile(), timeSkippingEnvironment()]);
    const { dataSource } = postgres.database;
    const append = new EventStoreActivitiesService(
      new EventStore(dataSource),
      new ProjectionWriter(),
      new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET }),
      dataSource,
    );
    workflows = await runWorkflows(env, { appendEvents: append.appendEvents.bind(append), deliverNotifications: () => Promise.resolve() });
    const config = loadApiConfig({ APP_MODE: 'development', DATABASE_URL: postgres.database.url });
    exercises = new ExercisesService(new WorkflowCommands(env.client, config), dataSource, new WorkflowInputs(config));
    await runFullExercise(workflows.driver, '19');
  });

  afterAll(async () => {
    await workflows?.stop();
    await postgres?.stop();
  });

  it('answers 409 EXERCISE_CLOSED, not the ended workflow\'s 404', async () => {
    const { status } = await workflows!.env.client.workflow.getHandle('exercise/19/1').describe();
    const today = await workflows!.driver.today();

    const refused = await exercises.completeStage('exercise/19/1', 1, { completedOn: today }, 'coordinador').catch((error: unknown) => error);

    expect(status.name).toBe('COMPLETED');
    expect(refused).toBeInstanceOf(ApiProblem);
    expect((refused as ApiProblem).body).toMatchObject({ statusCode: 409, code: 'EXERCISE_CLOSED' });
  });

  it('keeps 404 EXERCISE_NOT_FOUND for an exercise that never existed', async () => {
    const today = await workflows!.driver.today();

    const refused = await exercises.completeStage('exercise/19/2', 1, { completedOn: today }, 'coordinador').catch((error: unknown) => error);

    expect((refused as ApiProblem).body).toMatchObject({ statusCode: 404, code: 'EXERCISE_NOT_FOUND' });
  });
});
