/**
 * Records the histories that CI replays (test/histories/*.json): run it when the workflows change on purpose, and
 * commit the result. Old histories stay: changes to released workflow code must keep them replaying (`patched()`),
 * and each version adds its own files, named by the label given here. Each file keeps the stream as the real store
 * (PostgreSQL) held it, so the replay test can compare what each command appends today with what was stored.
 *   npx tsx scripts/record-histories.ts <label>     e.g. local-append → full-exercise.exercise.local-append.json
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, type Escalation, STL_2017 } from '@app/domain';
import { DEVELOPMENT_MAIL_LINK_SECRET, NotificationOutbox } from '@app/notifications';
import { EventStore, ProjectionWriter } from '@app/persistence';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { EventStoreActivitiesService } from '../apps/worker/src/activities/event-store.activities';
import { workflowBundlerOptions, workflowsPath } from '../apps/worker/src/workflow-bundle';
import { runFullExercise } from '../test/scenarios/full-exercise';
import { ScenarioDriver } from '../test/scenarios/scenario-driver';
import { runStallScenario, runVacancyScenario } from '../test/scenarios/short-scenarios';
import { eventually } from '../test/support/eventually';
import { startOutboxDispatcher } from '../test/support/mail-workflows';
import { insertStaff } from '../test/support/notification-fixtures';
import { startPostgresForFile } from '../test/support/postgres-for-file';
import { SmtpSink } from '../test/support/smtp-sink';
import { type TestDatabase } from '../test/support/test-database';
import { timeSkippingEnvironment } from '../test/support/time-skipping';
import { PROJECT_ROOT, startTemporalDevServer } from '../tools/stack';

const HISTORIES = join(PROJECT_ROOT, 'test/histories');
const TASK_QUEUE = 'historias';
const label = process.argv[2];

async function main(): Promise<void> {
  const [env, postgres] = await Promise.all([timeSkippingEnvironment(), startPostgresForFile()]);
  const { dataSource } = postgres.database;
  const store = new EventStore(dataSource);
  const append = new EventStoreActivitiesService(store, new ProjectionWriter(), new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET }), dataSource);
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), ...workflowBundlerOptions() });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: { code },
    activities: { appendEvents: append.appendEvents.bind(append), deliverNotifications: () => Promise.resolve() },
  });
  const driver = new ScenarioDriver(env, TASK_QUEUE);
  const recorded: Record<string, { workflowId: string; firstRun?: boolean }> = {
    'full-exercise.exercise': { workflowId: 'exercise/19/1' },
    'full-exercise.stl': { workflowId: 'stl/19' },
    'vacancy.stl': { workflowId: 'stl/05' },
    'stall.exercise': { workflowId: 'exercise/10/1' },
    'continued-as-new.stl': { workflowId: 'stl/26', firstRun: true },
  };
  await worker.runUntil(async () => {
    const scenarios: [string, () => Promise<unknown>][] = [
      ['past continue-as-new', () => runPastContinueAsNew(driver, '26')],
      ['full exercise', () => runFullExercise(driver, '19')],
      ['vacancy', () => runVacancyScenario(driver, '05')],
      ['stall', () => runStallScenario(driver, '10')],
    ];
    for (const [name, scenario] of scenarios) {
      console.log(`scenario: ${name}`);
      await scenario();
    }
  });
  mkdirSync(HISTORIES, { recursive: true });
  for (const [name, { workflowId, firstRun }] of Object.entries(recorded)) await save(driver, store, name, workflowId, firstRun);
  await env.teardown();
  await recordOnDevServer(postgres.database, store, (workerEnv) =>
    Worker.create({
      connection: workerEnv.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle: { code },
      activities: { appendEvents: append.appendEvents.bind(append), deliverNotifications: () => Promise.resolve() },
    }),
  );
  await postgres.stop();
}

/**
 * The CLI's dev server, as `npm start` runs it, in real time: an STL seeded by one worker, that worker gone and
 * another carrying on (it replays the history first, without a cache), then past continue-as-new, then mail refused
 * for good by the SMTP server.
 */
async function recordOnDevServer(database: TestDatabase, store: EventStore, newWorker: (env: TestWorkflowEnvironment) => Promise<Worker>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'historias-dev-'));
  const server = await startTemporalDevServer({ dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'temporal.log') });
  const env = await TestWorkflowEnvironment.createFromExistingServer({ address: server.address });
  const driver = new ScenarioDriver(env, TASK_QUEUE);
  try {
    const today = await driver.today();
    const seeded = await newWorker(env);
    await seeded.runUntil(() => driver.seedStl(STL_2017.find((record) => record.entidad === '24')!, { installedOn: addDays(today, -30) }));
    await (await newWorker(env)).runUntil(async () => {
      await driver.stl('24', 'SetNonWorkingDays', { dates: [addDays(today, 40)] });
      await runPastContinueAsNew(driver, '27');
      await runThroughSmtpOutage(driver, database, store, '30');
    });
    await save(driver, store, 'worker-restart-dev-server.stl', 'stl/24');
    await save(driver, store, 'continued-as-new-dev-server.stl', 'stl/27', true);
    await save(driver, store, 'smtp-outage-dev-server.stl', 'stl/30');
  } finally {
    await env.teardown();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function save(driver: ScenarioDriver, store: EventStore, name: string, workflowId: string, firstRun = false): Promise<void> {
  const runId = firstRun ? await firstRunId(driver, workflowId) : undefined;
  const history = await driver.client.workflow.getHandle(workflowId, runId).fetchHistory();
  const events = (await store.readStream(workflowId)).map(({ seq, type, data }) => ({ seq, type, data }));
  const file = join(HISTORIES, label ? `${name}.${label}.json` : `${name}.json`);
  writeFileSync(file, `{"workflowId":${JSON.stringify(workflowId)},"events":${JSON.stringify(events)},"history":${historyToJSON(history)}}\n`);
  console.log(`${file}: ${history.events?.length ?? 0} history events, ${events.length} stored events`);
}

/** A hundred and forty changes of the STL's calendar: more history than one run keeps. */
async function runPastContinueAsNew(driver: ScenarioDriver, entidad: string): Promise<void> {
  const today = await driver.today();
  await driver.seedStl(STL_2017.find((record) => record.entidad === entidad)!, { installedOn: addDays(today, -30) });
  for (let count = 1; count <= 140; count += 1) {
    await driver.stl(entidad, 'SetNonWorkingDays', { dates: Array.from({ length: count }, (_, index) => addDays(today, 30 + index)) });
  }
}

/**
 * The real outbox dispatcher beside the STL, sending to an SMTP server on loopback that refuses its credentials: the
 * e-mails of a vacancy (to the state's enlace, the only account with an address) turn undeliverable, the STL is told
 * (`ReportUndeliverableMail`) and raises "correo no entregado"; done once that escalation is in the store.
 */
async function runThroughSmtpOutage(driver: ScenarioDriver, database: TestDatabase, store: EventStore, entidad: string): Promise<void> {
  const enlace = { username: 'enlace-golfo', role: 'enlace', entidades: [entidad], nombre: 'Enlace INAI del Golfo', email: 'enlace.golfo@inai.ejemplo.mx' } as const;
  await insertStaff(database.dataSource, [enlace]);
  const sink = await SmtpSink.start({ user: 'avisos', pass: 'correcta' });
  const dispatcher = await startOutboxDispatcher(database, `smtp://avisos:equivocada@127.0.0.1:${sink.port}`, driver.client);
  try {
    const today = await driver.today();
    await driver.seedStl(STL_2017.find((record) => record.entidad === entidad)!, { installedOn: addDays(today, -30) });
    await driver.stl(entidad, 'VacateFacilitador', { vacatedOn: today, reason: 'Renuncia del facilitador' });
    await eventually(async () => {
      const raised = (await store.readStream(`stl/${entidad}`)).filter((event) => event.type === 'EscalationRaised');
      const kinds = raised.map((event) => (event.data as { escalation: Escalation }).escalation.kind);
      if (!kinds.includes('mail_undeliverable')) throw new Error(`stl/${entidad}: sin escalamiento "correo no entregado" todavía`);
    }, 60_000);
  } finally {
    await dispatcher.stop();
    await sink.stop();
  }
}

async function firstRunId(driver: ScenarioDriver, workflowId: string): Promise<string | undefined> {
  let runId: string | undefined;
  for (;;) {
    const history = await driver.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const previous = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    if (!previous) return runId;
    runId = previous;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
