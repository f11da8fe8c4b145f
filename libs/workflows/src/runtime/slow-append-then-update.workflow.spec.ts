import { type AppendEventsInput, exerciseCommandSignal } from '@app/contracts';
import { addDays, STL_2017 } from '@app/domain';
import { temporal } from '@temporalio/proto';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { eventually } from '@test/support/eventually';
import { InMemoryEventStore } from '@test/support/in-memory-event-store';
import { devServerEnvironment, testWorker } from '@test/support/time-skipping';
import { ScenarioDriver } from '../../../../test/scenarios/scenario-driver';

/** Longer than a workflow task may run (10 s), as appends wait while PostgreSQL restarts. */
const SLOW_APPEND_MS = 12_000;

/**
 * Chaos seeds 1 and 2 (issue 15): a local append that ran past 8 s while PostgreSQL restarted made the worker heartbeat
 * its workflow task, and an Update accepted in the completion after that heartbeat left a history SDK 1.24 could not
 * replay: the workflow answered nothing again ("[TMPRL1100] Nondeterminism error"), for ever. The exact interleaving
 * of those two histories did not come back here; what both shared, a task heartbeated while an append waited, is what
 * this checks never happens: every append is an ordinary activity, which waits outside any task (since
 * `appends-outside-the-task`; before it, a local append gave up at 4 s, which seed 9 showed was not enough).
 */
describe('an Update that arrives while an append is slow (chaos seeds 1, 2 and 9)', () => {
  let env: TestWorkflowEnvironment;
  const store = new InMemoryEventStore();
  /** While PostgreSQL restarts, every append to these streams waits until it is back. */
  let slow: { streams: readonly string[]; until: number } | undefined;
  const appendEvents = async (input: AppendEventsInput) => {
    const waitMs = slow?.streams.includes(input.streamId) ? slow.until - Date.now() : 0;
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    return store.appendEvents(input);
  };

  beforeAll(async () => {
    env = await devServerEnvironment();
  });

  afterAll(() => env?.teardown());

  it('stores a signal’s command and the Update that follows from it, each once, and no workflow task runs long enough to be heartbeated', async () => {
    const queue = 'append-lenta';
    const driver = new ScenarioDriver(env, queue);
    const worker = await testWorker(env, { ...store.activities, appendEvents }, queue);
    const entidad = '04';
    const stream = `exercise/${entidad}/1`;

    await worker.runUntil(async () => {
      const today = await driver.today();
      await driver.seedStl(STL_2017.find((stl) => stl.entidad === entidad)!, { installedOn: addDays(today, -30), install: false });
      await driver.startExercise(entidad, addDays(today, -20));
      await eventually(() => expect(store.typesOf(stream)).toContain('StlStatusRecorded'), 30_000);

      // As in both seeds: the slow append is a signal's (another workflow's command), the Update a person's. The
      // Update follows from the signal's command (stage 2 after stage 1): it waits for it, and is not refused on the
      // state before it, which the read side no longer shows.
      slow = { streams: [stream], until: Date.now() + SLOW_APPEND_MS };
      await driver.exerciseHandle(entidad).signal(exerciseCommandSignal, {
        type: 'CompleteStage',
        data: { stage: 1, completedOn: addDays(today, -15) },
        commandId: 'senal-lenta',
      });
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      await driver.sendToExercise(entidad, 'CompleteStage', { stage: 2, completedOn: addDays(today, -14) });

      expect(store.stream(stream).filter((event) => event.type === 'StageCompleted').map((event) => event.data.stage)).toEqual([1, 2]);
    });

    const history = await driver.exerciseHandle(entidad).fetchHistory();
    const events = history.events ?? [];
    const failedTasks = events.filter((event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
    expect(failedTasks.map((event) => event.workflowTaskFailedEventAttributes?.failure?.message)).toEqual([]);
    // Past 8 s the worker heartbeats the task: the shape both seeds' histories had before they stopped replaying.
    expect(longestTaskMs(events)).toBeLessThan(8_000);
    expect(appendsInsideTheTask(events)).toEqual([]);
    const codePath = process.env.TEST_WORKFLOW_BUNDLE!;
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath } }, history, stream)).resolves.toBeUndefined();
  }, 120_000);

  /**
   * Chaos seed 9: on a worker just restarted, every run replaying and every append waiting for a slot, a Signal's
   * task was still held 8 s with its 4 s local append, and heartbeated; an Update came in the task after the
   * heartbeat. The replay joined both into one activation, applied the Update first and stopped ("[TMPRL1100]
   * Nondeterminism error: Update machine does not handle this event"): `stl/17` answered nothing again. Here the
   * worker has one slot for local work and three exercises' appends are slow ahead of that Signal's.
   */
  it("holds no workflow task while a Signal's append waits behind others, and the Update that follows replays (chaos seed 9)", async () => {
    const queue = 'append-en-espera';
    const driver = new ScenarioDriver(env, queue);
    const worker = await testWorker(env, { ...store.activities, appendEvents }, queue, { maxConcurrentLocalActivityExecutions: 1 });
    const ahead = ['02', '05', '10'];
    const waiting = '14';
    const streamOf = (entidad: string) => `exercise/${entidad}/1`;

    await worker.runUntil(async () => {
      const today = await driver.today();
      for (const entidad of [...ahead, waiting]) {
        await driver.seedStl(STL_2017.find((stl) => stl.entidad === entidad)!, { installedOn: addDays(today, -30), install: false });
        await driver.startExercise(entidad, addDays(today, -20));
        await eventually(() => expect(store.typesOf(streamOf(entidad))).toContain('StlStatusRecorded'), 30_000);
      }
      slow = { streams: ahead.map(streamOf), until: Date.now() + SLOW_APPEND_MS };
      for (const entidad of [...ahead, waiting]) {
        await driver.exerciseHandle(entidad).signal(exerciseCommandSignal, {
          type: 'CompleteStage',
          data: { stage: 1, completedOn: addDays(today, -15) },
          commandId: `etapa-1-${entidad}`,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      await driver.sendToExercise(waiting, 'CompleteStage', { stage: 2, completedOn: addDays(today, -14) });

      expect(store.stream(streamOf(waiting)).filter((event) => event.type === 'StageCompleted').map((event) => event.data.stage)).toEqual([1, 2]);
      for (const entidad of ahead) await eventually(() => expect(store.typesOf(streamOf(entidad))).toContain('StageCompleted'), 30_000);
    });

    const history = await driver.exerciseHandle(waiting).fetchHistory();
    const events = history.events ?? [];
    // Without the fix the waiting Signal's task ran 8 s and was heartbeated: the shape stl/17's history had.
    expect(longestTaskMs(events)).toBeLessThan(8_000);
    expect(appendsInsideTheTask(events)).toEqual([]);
    const codePath = process.env.TEST_WORKFLOW_BUNDLE!;
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath } }, history, streamOf(waiting))).resolves.toBeUndefined();
  }, 180_000);
});

const { EventType } = temporal.api.enums.v1;

/** The appends a workflow task waited for (local activities, recorded as markers). */
const appendsInsideTheTask = (events: temporal.api.history.v1.IHistoryEvent[]) =>
  events.filter((event) => Buffer.from(event.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data ?? []).toString().includes('"appendEvents"'));

/** How long the longest workflow task ran, from its start to its completion. */
function longestTaskMs(events: temporal.api.history.v1.IHistoryEvent[]): number {
  const millis = (event: temporal.api.history.v1.IHistoryEvent) => Number(event.eventTime!.seconds) * 1_000 + Math.floor((event.eventTime!.nanos ?? 0) / 1e6);
  return Math.max(
    ...events
      .filter((event) => event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
      .map((completed) => millis(completed) - millis(events.find((event) => event.eventId?.toString() === completed.workflowTaskCompletedEventAttributes!.startedEventId!.toString())!)),
  );
}
