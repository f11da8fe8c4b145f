import { type stlUpdates, stlWorkflowId } from '@app/contracts';
import {
  addDays,
  DEFAULT_DEADLINE_POLICY,
  type RegisteredStl,
  STL_2017,
  type StlCommand,
  stlSeedCommands,
} from '@app/domain';
import { DEVELOPMENT_MAIL_LINK_SECRET, NotificationDelivery, NotificationOutbox, SmtpMailTransport, UndeliverableReports } from '@app/notifications';
import { EventStore, NotificationRecord, ProjectionWriter } from '@app/persistence';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { FACILITADORA } from '../../../../libs/notifications/src/testing/stories';
import { type ScenarioDriver } from '../../../../test/scenarios/scenario-driver';
import { eventually } from '@test/support/eventually';
import { insertStaff } from '@test/support/notification-fixtures';
import { type PostgresForFile, startPostgresForFile } from '@test/support/postgres-for-file';
import { historyLengthsOfEveryRun } from '@test/support/run-histories';
import { SmtpSink } from '@test/support/smtp-sink';
import { type RunningWorkflows, runWorkflows, timeSkippingEnvironment } from '@test/support/time-skipping';
import { EventStoreActivitiesService } from '../activities/event-store.activities';
import { NotificationActivitiesService } from '../activities/notification.activities';
import { OutboxDispatcher } from './outbox-dispatcher';
import { reportToStl } from './report-to-stl';

const MAIL_FROM = 'avisos@inai.ejemplo.mx';
const QUIET = { log: () => undefined, warn: () => undefined };
// A vacancy escalated every day rather than every week: a long outage in few simulated months.
const DAILY_VACANCY_POLICY = { ...DEFAULT_DEADLINE_POLICY, vacancyRepeatDays: 1 };

/** The real activities and the real dispatcher beside the STL workflow, with months skipped in seconds. */
describe('mail never holds up time (issue 13, item 5)', () => {
  let postgres: PostgresForFile;
  let env: TestWorkflowEnvironment;
  let workflows: RunningWorkflows | undefined;
  let driver: ScenarioDriver;
  let dispatch: { dispatcher: OutboxDispatcher; transport: SmtpMailTransport } | undefined;
  const sinks: SmtpSink[] = [];
  let unusedTransport: SmtpMailTransport;

  const rows = () => postgres.database.dataSource.getRepository(NotificationRecord).find();

  /** The worker's dispatcher, sending to `smtpUrl`; pending rows are retried within a second. */
  async function startDispatcher(sink: SmtpSink, smtpUrl = sink.url): Promise<void> {
    sinks.push(sink);
    const { dataSource } = postgres.database;
    const transport = new SmtpMailTransport(smtpUrl, { connectionMs: 2_000, greetingMs: 2_000, socketMs: 5_000 });
    const delivery = new NotificationDelivery(dataSource, transport, { mailFrom: MAIL_FROM, retry: { initialMs: 200, maximumMs: 800 } });
    const dispatcher = new OutboxDispatcher(
      delivery,
      new UndeliverableReports(dataSource),
      reportToStl(env.client),
      { databaseUrl: postgres.database.url, sweepMs: 1_000, lanes: 2 },
      QUIET,
    );
    await dispatcher.start();
    dispatch = { dispatcher, transport };
  }

  /** Starts `stl/<entidad>` under `policy` and seeds it (installed ten days ago) with a facilitadora who then leaves. */
  async function stlWhoseFacilitadoraLeft(entidad: string, policy = DEFAULT_DEADLINE_POLICY) {
    const today = await driver.today();
    await driver.client.workflow.start('stlWorkflow', {
      workflowId: stlWorkflowId(entidad),
      taskQueue: driver.taskQueue,
      args: [{ entidad, policy }],
    });
    const record = STL_2017.find((candidate) => candidate.entidad === entidad)!;
    const now = new Date(await env.currentTimeMs()).toISOString();
    for (const command of stlSeedCommands(record, { installedOn: addDays(today, -10), now })) {
      await driver.stl(entidad, command.type as keyof typeof stlUpdates, command.data as never);
    }
    const facilitadora: Extract<StlCommand, { type: 'AppointFacilitador' }>['data'] = {
      ...FACILITADORA,
      facilitadorId: `${entidad}-facilitadora`,
      appointedOn: addDays(today, -10),
      historical: { justification: 'Designada por el STL en sesión; el acta se registra aparte.' },
    };
    await driver.stl(entidad, 'AppointFacilitador', facilitadora);
    await driver.stl(entidad, 'VacateFacilitador', { vacatedOn: today, reason: 'Renuncia' });
    return today;
  }

  beforeAll(async () => {
    [postgres, env] = await Promise.all([startPostgresForFile(), timeSkippingEnvironment()]);
    const { dataSource } = postgres.database;
    await insertStaff(dataSource);
    const outbox = new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET });
    const append = new EventStoreActivitiesService(new EventStore(dataSource), new ProjectionWriter(), outbox, dataSource);
    // The histories still call deliverNotifications; it goes nowhere (port 9 is closed): the dispatcher delivers.
    unusedTransport = new SmtpMailTransport('smtp://127.0.0.1:9', { connectionMs: 500, greetingMs: 500, socketMs: 500 });
    const deliver = new NotificationActivitiesService(new NotificationDelivery(dataSource, unusedTransport, { mailFrom: MAIL_FROM }));
    workflows = await runWorkflows(env, {
      appendEvents: append.appendEvents.bind(append),
      deliverNotifications: deliver.deliverNotifications.bind(deliver),
    });
    driver = workflows.driver;
  });

  afterEach(async () => {
    await dispatch?.dispatcher.stop();
    dispatch?.transport.close();
    dispatch = undefined;
    for (const sink of sinks.splice(0)) await sink.stop();
  });

  afterAll(async () => {
    await workflows?.stop();
    unusedTransport?.close();
    await postgres?.stop();
  });

  it('an SMTP server down for months delays the e-mails, never the escalations nor continue-as-new; each arrives once when it returns', async () => {
    const sink = await SmtpSink.start();
    await sink.stop();
    await startDispatcher(sink);

    const vacatedOn = await stlWhoseFacilitadoraLeft('14', DAILY_VACANCY_POLICY);
    // Long enough for the run's history to pass its limit on escalations alone: continue-as-new must not wait for mail.
    await driver.sleepUntil(addDays(vacatedOn, 150), 18);

    const state = (await driver.stlState('14')) as RegisteredStl;
    const escalations = state.escalations.filter((escalation) => escalation.kind === 'vacancy_escalation');
    // Day 30, then every day up to day 150.
    expect(escalations).toHaveLength(121);
    expect((await historyLengthsOfEveryRun(driver.client, 'stl/14')).length).toBeGreaterThan(1);
    const { raw } = await driver.stlHandle('14').describe();
    expect(raw.pendingActivities ?? []).toEqual([]);
    // Roles with nobody in them (the vacant facilitador) have their visible undeliverable row from the start.
    const queued = (await rows()).filter((row) => row.recipientEmail !== null);
    expect(queued.length).toBeGreaterThan(121);
    expect(queued.filter((row) => row.status !== 'pending')).toEqual([]);
    expect(sink.received).toHaveLength(0);

    await sink.resume();

    await sink.waitForMessages(queued.length);
    await eventually(async () => {
      const addressed = (await rows()).filter((row) => row.recipientEmail !== null);
      expect(addressed.filter((row) => row.status !== 'sent')).toEqual([]);
    });
    expect(sink.received).toHaveLength(queued.length);
    expect(new Set(sink.received.map((mail) => mail.parsed.messageId)).size).toBe(queued.length);
  });

  it('refused credentials: the rows turn undeliverable and the coordinación gets one escalation "correo no entregado"', async () => {
    const sink = await SmtpSink.start({ user: 'avisos', pass: 'correcta' });
    await startDispatcher(sink, `smtp://avisos:equivocada@127.0.0.1:${sink.port}`);

    await stlWhoseFacilitadoraLeft('20');

    const mailEscalations = async () =>
      ((await driver.stlState('20')) as RegisteredStl).escalations.filter((escalation) => escalation.kind === 'mail_undeliverable');
    await eventually(async () => expect(await mailEscalations()).toHaveLength(1));
    expect((await mailEscalations())[0]).toMatchObject({
      level: 'coordinador',
      status: 'abierta',
      // How many the first report counts depends on how the appends fall between the dispatcher's rounds.
      reason: expect.stringMatching(
        /^Correo no entregado: (Un correo|\d+ correos) de Oaxaca no se (pudo|pudieron) entregar y no se reintentará\. Motivo: El servidor SMTP rechazó las credenciales: 535/,
      ),
    });
    // The escalation's own e-mail to the coordinación is refused too, and raises nothing more.
    await eventually(async () => {
      const ofOaxaca = (await rows()).filter((row) => row.entidad === '20');
      expect(ofOaxaca.map((row) => row.kind)).toContain('escalation_coordinador');
      expect(ofOaxaca.filter((row) => row.status !== 'undeliverable' || row.escalation !== 'signalled')).toEqual([]);
    });
    expect(await mailEscalations()).toHaveLength(1);
    const [projected] = await postgres.database.dataSource.query(
      "SELECT kind, level, status FROM escalations WHERE stream_id = 'stl/20' AND kind = 'mail_undeliverable'",
    );
    expect(projected).toEqual({ kind: 'mail_undeliverable', level: 'coordinador', status: 'abierta' });
    expect(sink.received).toHaveLength(0);
  });
});
