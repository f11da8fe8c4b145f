import { domainRejectionOf, exerciseUpdates, TASK_QUEUE } from '@app/contracts';
import { type ExerciseState } from '@app/domain';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { type Worker } from '@temporalio/worker';
import { daysFromToday } from '../../../../test/support/dates';
import { InMemoryEventStore } from '../../../../test/support/in-memory-event-store';
import { testWorker, timeSkippingEnvironment } from '../../../../test/support/time-skipping';
import { exerciseWorkflow } from './exercise.workflow';

describe('exerciseWorkflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let store: InMemoryEventStore;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    env = await timeSkippingEnvironment();
    store = new InMemoryEventStore();
    worker = await testWorker(env, { appendEvents: store.appendEvents });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  const startExercise = async (entidad: string) => {
    const handle = await env.client.workflow.start(exerciseWorkflow, {
      workflowId: `exercise/${entidad}/1`,
      taskQueue: TASK_QUEUE,
      args: [{ entidad, number: 1 }],
    });
    await handle.executeUpdate(exerciseUpdates.StartExercise, {
      args: [{ data: { entidad, number: 1, startedOn: daysFromToday(-5) } }],
    });
    return handle;
  };

  it('stores each accepted command as events and answers with the new state', async () => {
    const handle = await startExercise('14');

    const state: ExerciseState = await handle.executeUpdate(exerciseUpdates.CompleteStage, {
      args: [{ data: { stage: 1, completedOn: daysFromToday(-1) } }],
    });

    expect(state.status).toBe('open');
    expect(store.typesOf('exercise/14/1')).toEqual(['ExerciseStarted', 'StageCompleted']);
  });

  it('returns a domain rejection to the caller and stores nothing', async () => {
    const handle = await startExercise('20');
    const before = store.typesOf('exercise/20/1').length;

    const failure = await handle
      .executeUpdate(exerciseUpdates.CompleteStage, { args: [{ data: { stage: 1, completedOn: daysFromToday(30) } }] })
      .catch((error: unknown) => error);

    expect(domainRejectionOf(failure)).toMatchObject({ code: 'DATE_IN_FUTURE', category: 'invalid' });
    expect(store.typesOf('exercise/20/1')).toHaveLength(before);
  });

  it('turns 30 days without progress into one reminder to the garante, by skipping time', async () => {
    await startExercise('29');

    await env.sleep('31 days');

    const reminders = store.stream('exercise/29/1').filter((event) => event.type === 'ReminderDue');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].data).toMatchObject({ kind: 'stall_reminder', audience: ['garante'] });
  });
});
