import { domainRejectionOf, exerciseUpdates, type CommandUpdateDefinition, stlUpdates, TASK_QUEUE } from '@app/contracts';
import { DEFAULT_DEADLINE_POLICY, addDays, exerciseDecider, type ExerciseEvent, fold, localDateAt, STL_2017, stlDecider, type StlEvent, stlSeedCommands } from '@app/domain';
import { DEVELOPMENT_MAIL_LINK_SECRET, NotificationOutbox } from '@app/notifications';
import { EventStore, ProjectionWriter } from '@app/persistence';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { type ScenarioDriver } from '../../../../test/scenarios/scenario-driver';
import { eventually } from '@test/support/eventually';
import { historyLengthsOfEveryRun } from '@test/support/run-histories';
import { type PostgresForFile, startPostgresForFile } from '@test/support/postgres-for-file';
import { type RunningWorkflows, runWorkflows, timeSkippingEnvironment } from '@test/support/time-skipping';
import { EventStoreActivitiesService } from './event-store.activities';

const noDelivery = { deliverNotifications: () => Promise.resolve() };

/**
 * Issue 13's reproductions on the real store: the workflows on the time-skipping server, their appends on PostgreSQL.
 * Each invariant: the workflow's state is the fold of what the store holds for its stream, whatever was retried.
 */
describe('integrity of the event-sourced workflows against the store', () => {
  let postgres: PostgresForFile;
  let env: TestWorkflowEnvironment;
  let store: EventStore;
  let append: EventStoreActivitiesService;
  let driver: ScenarioDriver;
  let workflows: RunningWorkflows | undefined;

  beforeAll(async () => {
    [postgres, env] = await Promise.all([startPostgresForFile(), timeSkippingEnvironment()]);
    const { dataSource } = postgres.database;
    store = new EventStore(dataSource);
    const outbox = new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET });
    append = new EventStoreActivitiesService(store, new ProjectionWriter(), outbox, dataSource);
    workflows = await runWorkflows(env, { appendEvents: append.appendEvents.bind(append), ...noDelivery });
    driver = workflows.driver;
  });

  afterAll(async () => {
    await workflows?.stop();
    await postgres?.stop();
  });

  const storedData = async (streamId: string) => (await store.readStream(streamId)).map((event) => [event.seq, event.type, event.data]);
  /** The stream once a second has passed without an append to it. */
  const storedOnceStill = async (streamId: string) => {
    let stored = await storedData(streamId);
    for (let tries = 0; tries < 20; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const now = await storedData(streamId);
      if (now.length === stored.length) return now;
      stored = now;
    }
    throw new Error(`${streamId} kept growing`);
  };

  it('a retried append with other content passes as a duplicate: the workflow takes the stored events, not its new decision', async () => {
    const today = await driver.today();
    await driver.startExercise('14', addDays(today, -20));
    await driver.sleepDays(2);
    // An earlier attempt of the same Update, decided with the clock of a workflow task that then failed (the worker
    // was down for a day): its events and projection are committed, its answer never reached the workflow.
    const earlierNow = new Date((await env.currentTimeMs()) - 86_400_000).toISOString();
    const command = { type: 'CompleteStage', data: { stage: 1, completedOn: addDays(today, -5) }, metadata: { now: earlierNow } } as const;
    const history = (await store.readStream('exercise/14/1')) as unknown as ExerciseEvent[];
    const earlierEvents = exerciseDecider.decide(command, fold(exerciseDecider, history)) as ExerciseEvent[];
    await append.appendEvents({
      aggregate: 'exercise',
      streamId: 'exercise/14/1',
      firstSeq: history.length + 1,
      events: earlierEvents,
      occurredAt: earlierNow,
      state: fold(exerciseDecider, [...history, ...earlierEvents]),
      commandId: 'etapa-1-reintentada',
      policy: DEFAULT_DEADLINE_POLICY,
    });

    const update = exerciseUpdates.CompleteStage as unknown as CommandUpdateDefinition;
    const outcome = await driver
      .exerciseHandle('14')
      .executeUpdate(update, { args: [{ data: command.data }], updateId: 'etapa-1-reintentada' });

    const records = await store.readStream('exercise/14/1');
    const stored = records as unknown as ExerciseEvent[];
    expect(stored.filter((event) => event.type === 'StageCompleted')).toHaveLength(1);
    // The Update answers the events of its earlier attempt, as stored, and the version after them.
    const earlierAttempt = records.slice(history.length, history.length + earlierEvents.length);
    expect(outcome).toEqual({ version: history.length + earlierEvents.length, events: earlierAttempt.map(({ seq, type, data }) => ({ seq, type, data })) });
    const state = await driver.exerciseState('14');
    expect(state).toMatchObject({ progressRecordedOn: localDateAt(earlierNow) });
    expect(state).toEqual(fold(exerciseDecider, stored));
    expect(await driver.exerciseState('14')).toEqual(state);
  });

  it('a command stored just before its answer was lost is recognised when its client retries, after another command took the next positions (chaos seed 2)', async () => {
    const today = await driver.today();
    await driver.seedStl(STL_2017.find((record) => record.entidad === '24')!, { installedOn: addDays(today, -30) });
    const first = { dates: [addDays(today, 40)] };
    const second = { dates: [addDays(today, 40), addDays(today, 41)] };
    // The first command's append committed, then the connection dropped: the workflow never learnt of it.
    const history = (await store.readStream('stl/24')) as unknown as StlEvent[];
    const now = new Date(await env.currentTimeMs()).toISOString();
    const lost = stlDecider.decide({ type: 'SetNonWorkingDays', data: first, metadata: { now } }, fold(stlDecider, history)) as StlEvent[];
    await append.appendEvents({
      aggregate: 'stl',
      streamId: 'stl/24',
      firstSeq: history.length + 1,
      events: lost,
      occurredAt: now,
      state: fold(stlDecider, [...history, ...lost]),
      policy: DEFAULT_DEADLINE_POLICY,
      commandId: 'dias-inhabiles-sin-respuesta',
    });
    await driver.stl('24', 'SetNonWorkingDays', second);

    const update = stlUpdates.SetNonWorkingDays as unknown as CommandUpdateDefinition;
    await driver.stlHandle('24').executeUpdate(update, { args: [{ data: first }], updateId: 'dias-inhabiles-sin-respuesta' });

    const stored = (await store.readStream('stl/24')) as unknown as StlEvent[];
    expect(stored.slice(history.length).map((event) => event.data)).toEqual([first, second]);
    const state = await driver.stlState('24');
    expect(state.status !== 'unregistered' && state.extraNonWorkingDays).toEqual(second.dates);
    expect(state).toEqual(fold(stlDecider, stored));
  });

  it("a retried command whose earlier attempt sits behind another command's events answers those, neither refused nor stored again (chaos seed 1: AddMember answered 409 and stored)", async () => {
    const today = await driver.today();
    await driver.seedStl(STL_2017.find((record) => record.entidad === '25')!, { installedOn: addDays(today, -30), install: false });
    // Two workflow tasks lost in a row (the worker killed twice): the first stored another command's events, the
    // second the AddMember after them, and the workflow learnt of neither.
    const history = (await store.readStream('stl/25')) as unknown as StlEvent[];
    const now = new Date(await env.currentTimeMs()).toISOString();
    const lostAppend = async (commandId: string, type: string, data: unknown) => {
      const before = (await store.readStream('stl/25')) as unknown as StlEvent[];
      const events = stlDecider.decide({ type, data, metadata: { now } } as never, fold(stlDecider, before)) as StlEvent[];
      await append.appendEvents({
        aggregate: 'stl',
        streamId: 'stl/25',
        firstSeq: before.length + 1,
        events,
        occurredAt: now,
        state: fold(stlDecider, [...before, ...events]),
        policy: DEFAULT_DEADLINE_POLICY,
        commandId,
      });
    };
    const member = {
      memberId: '25-sociedad_civil-perdido',
      sector: 'sociedad_civil',
      role: 'titular',
      nombre: 'Titular cuyo alta se perdió',
      organizacion: 'Colectivo ciudadano local',
      joinedOn: addDays(today, -1),
    };
    await lostAppend('dias-inhabiles-perdidos', 'SetNonWorkingDays', { dates: [addDays(today, 40)] });
    await lostAppend('alta-sin-respuesta', 'AddMember', member);
    const storedBefore = await store.readStream('stl/25');

    const update = stlUpdates.AddMember as unknown as CommandUpdateDefinition;
    const outcome = await driver.stlHandle('25').executeUpdate(update, { args: [{ data: member }], updateId: 'alta-sin-respuesta' });

    const records = await store.readStream('stl/25');
    expect(records).toEqual(storedBefore);
    const ownAttempt = records.slice(history.length).filter((event) => event.metadata.commandId === 'alta-sin-respuesta');
    expect(ownAttempt.map((event) => event.type)).toContain('MemberAdded');
    expect(outcome).toEqual({ version: records.length, events: ownAttempt.map(({ seq, type, data }) => ({ seq, type, data })) });
    const state = await driver.stlState('25');
    expect(state).toEqual(fold(stlDecider, records as unknown as StlEvent[]));
    // The answer took a branch behind a patch: the history it left must replay.
    const codePath = process.env.TEST_WORKFLOW_BUNDLE!;
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath } }, await driver.stlHandle('25').fetchHistory(), 'stl/25')).resolves.toBeUndefined();
  });

  it('a new run of a stream that already holds events continues from them instead of resetting the STL', async () => {
    const oaxaca = STL_2017.find((record) => record.entidad === '20')!;
    const today = await driver.today();
    await driver.seedStl(oaxaca, { installedOn: addDays(today, -30) });
    // The vacancy's reminder and escalation may be overdue at seeding (by the hour the suite runs): they fire one
    // after the other, each with its own append, after the last seeding command has answered.
    const storedBefore = await storedOnceStill('stl/20');
    const before = await driver.stlState('20');
    await driver.stlHandle('20').terminate('simulating a run lost while its stream stays');

    await env.client.workflow.start('stlWorkflow', { workflowId: 'stl/20', taskQueue: TASK_QUEUE, args: [{ entidad: '20' }] });
    const [register] = stlSeedCommands(oaxaca, { installedOn: addDays(today, -30), now: new Date(await env.currentTimeMs()).toISOString() });
    const refusal = await driver.stl('20', 'RegisterStl', register.data as never).catch((error: unknown) => error);

    expect(domainRejectionOf(refusal)?.code).toBe('STL_ALREADY_REGISTERED');
    await eventually(async () => expect(await driver.stlState('20')).toEqual(before));
    expect(await storedData('stl/20')).toEqual(storedBefore);
  });

  it('signals between exercise and STL are lossy: stage 10 for an STL without titulares raises an escalation saying why it was not installed', async () => {
    const today = await driver.today();
    const [register] = stlSeedCommands(STL_2017.find((record) => record.entidad === '10')!, {
      installedOn: addDays(today, -30),
      now: new Date(await env.currentTimeMs()).toISOString(),
    });
    await env.client.workflow.start('stlWorkflow', { workflowId: 'stl/10', taskQueue: TASK_QUEUE, args: [{ entidad: '10' }] });
    await driver.stl('10', 'RegisterStl', register.data as never);
    await driver.startExercise('10', addDays(today, -70));
    await driver.exercise('10', 'CompleteStep', { step: 1, completedOn: addDays(today, -65) });
    await driver.exercise('10', 'CompleteStage', {
      stage: 10,
      completedOn: addDays(today, -5),
      justification: 'Las etapas 1 a 9 se celebraron en un solo acto del Grupo Promotor.',
    });

    await eventually(async () => {
      const stl = await driver.stlState('10');
      expect(stl.status).toBe('en_integracion');
      expect(stl.status !== 'unregistered' && stl.escalations).toEqual([
        expect.objectContaining({ level: 'coordinador', kind: 'interplay_incident', status: 'abierta', reason: expect.stringMatching(/^No se realizó la instalación del STL al concluir la etapa 10: .+/) }),
      ]);
    });
    const rows = await postgres.database.dataSource.query(`SELECT level, reason FROM escalations WHERE stream_id = 'stl/10'`);
    expect(rows).toEqual([expect.objectContaining({ level: 'coordinador' })]);
  });

  it('continue-as-new cuts off an Update: commands racing the end of a run are each stored once and carried into the next run', async () => {
    const today = await driver.today();
    await driver.seedStl(STL_2017.find((record) => record.entidad === '26')!, { installedOn: addDays(today, -30) });
    const nonWorkingDays = (count: number) => ({ dates: Array.from({ length: count }, (_, index) => addDays(today, 30 + index)) });
    // Each command changes the STL's calendar, so each is one more event; a hundred of them pass the run's limit.
    for (let count = 1; count <= 100; count += 1) await driver.stl('26', 'SetNonWorkingDays', nonWorkingDays(count));
    const racing = await Promise.allSettled(
      Array.from({ length: 40 }, (_, index) => driver.stl('26', 'SetNonWorkingDays', nonWorkingDays(101 + index))),
    );

    expect(racing.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    const runs = await historyLengthsOfEveryRun(env.client, 'stl/26');
    expect(runs.length).toBeGreaterThan(1);
    const stored = (await store.readStream('stl/26')) as unknown as StlEvent[];
    const state = await driver.stlState('26');
    expect(state).toEqual(fold(stlDecider, stored));
    expect(stored.filter((event) => event.type === 'NonWorkingDaysSet')).toHaveLength(140);
  });
});
