import {
  installationId,
  messageIdFor,
  NotificationDelivery,
  DEVELOPMENT_MAIL_LINK_SECRET,
  NotificationOutbox,
  type RetryPolicy,
  senderDomain,
  SmtpMailTransport,
  type UndeliverableReport,
  UndeliverableReports,
} from '@app/notifications';
import { EventStore, NotificationRecord, ProjectionWriter } from '@app/persistence';
import { at, jaliscoInstalado } from '../../../../libs/notifications/src/testing/stories';
import { eventually } from '@test/support/eventually';
import { insertStaff } from '@test/support/notification-fixtures';
import { SmtpSink } from '@test/support/smtp-sink';
import { createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { EventStoreActivitiesService } from '../activities/event-store.activities';
import { OutboxDispatcher } from './outbox-dispatcher';

const MAIL_FROM = 'avisos@inai.ejemplo.mx';
const QUIET = { log: () => undefined, warn: () => undefined };
// Long enough that only a NOTIFY (or a row's own backoff) can explain a prompt delivery.
const NO_SWEEP = 60_000;
const FAST_RETRY: RetryPolicy = { initialMs: 300, maximumMs: 600 };

describe('the outbox dispatcher, on PostgreSQL and a real SMTP server on loopback', () => {
  let database: TestDatabase;
  let append: EventStoreActivitiesService;
  const running: { dispatcher: OutboxDispatcher; transport: SmtpMailTransport; sink: SmtpSink }[] = [];
  const reports: UndeliverableReport[] = [];

  const rows = () => database.dataSource.getRepository(NotificationRecord).find({ order: { audience: 'ASC' } });

  async function startDispatcher(options: { sink?: SmtpSink; smtpUrl?: string; lanes?: number; report?: () => Promise<void> } = {}) {
    const sink = options.sink ?? (await SmtpSink.start());
    const transport = new SmtpMailTransport(options.smtpUrl ?? sink.url, { connectionMs: 2_000, greetingMs: 2_000, socketMs: 5_000 });
    const delivery = new NotificationDelivery(database.dataSource, transport, { mailFrom: MAIL_FROM, retry: FAST_RETRY });
    const record = async (report: UndeliverableReport) => {
      await options.report?.();
      reports.push(report);
    };
    const dispatcher = new OutboxDispatcher(
      delivery,
      new UndeliverableReports(database.dataSource),
      record,
      { databaseUrl: database.url, sweepMs: NO_SWEEP, lanes: options.lanes ?? 2 },
      QUIET,
    );
    await dispatcher.start();
    running.push({ dispatcher, transport, sink });
    return sink;
  }

  /** The facilitador of an installed Jalisco leaves: two e-mails (garante and enlace) join the outbox. */
  async function vacateJalisco(): Promise<number> {
    const story = jaliscoInstalado();
    for (const step of story.appends) await append.appendEvents(step);
    const vacated = story.run({ type: 'VacateFacilitador', data: { vacatedOn: '2026-11-02', reason: 'Renuncia' } }, at('2026-11-02'));
    const { notificationIds } = await append.appendEvents(vacated);
    return notificationIds.length;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const outbox = new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET });
    append = new EventStoreActivitiesService(new EventStore(database.dataSource), new ProjectionWriter(), outbox, database.dataSource);
    await insertStaff(database.dataSource);
  });

  afterEach(async () => {
    for (const { dispatcher, transport, sink } of running.splice(0)) {
      await dispatcher.stop();
      transport.close();
      await sink.stop();
    }
    reports.length = 0;
    await database.dataSource.query(
      'TRUNCATE domain_events, notifications, stls, stl_members, stl_sessions, escalations, exercises, commitments',
    );
  });

  afterAll(() => database?.drop());

  it('delivers a row within 2 s of its commit, woken by the insert alone, and marks it sent', async () => {
    const sink = await startDispatcher();

    const committed = Date.now();
    const queued = await vacateJalisco();
    await sink.waitForMessages(queued, 2_000);

    expect(Date.now() - committed).toBeLessThan(2_000);
    expect(queued).toBe(2);
    await eventually(async () => expect((await rows()).map((row) => row.status)).toEqual(['sent', 'sent']));
  });

  it('two dispatchers at once send each row exactly once', async () => {
    const sink = await SmtpSink.start();
    await startDispatcher({ sink, lanes: 3 });
    await startDispatcher({ sink, lanes: 3 });

    const convened = await conveneJalisco();
    await sink.waitForMessages(convened);
    await eventually(async () => expect((await rows()).every((row) => row.status === 'sent')).toBe(true));

    const sent = await rows();
    expect(sent).toHaveLength(10);
    const installation = await installationId(database.dataSource.manager);
    for (const row of sent) expect(sink.withMessageId(messageIdFor(row.id, installation, senderDomain(MAIL_FROM)))).toHaveLength(1);
    expect(sink.received).toHaveLength(10);
  });

  it('with the SMTP server down each row waits out its own backoff, and goes out once when the server returns', async () => {
    const sink = await SmtpSink.start();
    await sink.stop();
    await startDispatcher({ sink });

    await vacateJalisco();
    await eventually(async () => {
      for (const row of await rows()) {
        expect(row).toMatchObject({ status: 'pending', sentAt: null, lastError: expect.stringMatching(/^No se pudo conectar/) });
        expect(row.attempts).toBeGreaterThanOrEqual(2);
        expect(row.nextAttemptAt.getTime()).toBeGreaterThan(row.lastAttemptAt!.getTime());
      }
    }, 10_000);
    await sink.resume();

    await sink.waitForMessages(2, 5_000);
    await eventually(async () => expect((await rows()).map((row) => [row.status, row.lastError])).toEqual([['sent', null], ['sent', null]]));
    expect(sink.received).toHaveLength(2);
  });

  it('refused credentials make the rows undeliverable at once, and the state is reported once', async () => {
    const sink = await SmtpSink.start({ user: 'avisos', pass: 'correcta' });
    await startDispatcher({ sink, smtpUrl: `smtp://avisos:equivocada@127.0.0.1:${sink.port}` });

    await vacateJalisco();

    await eventually(() => expect(reports).toHaveLength(1));
    expect(reports[0]).toMatchObject({ entidad: '14', undeliverable: 2, reason: expect.stringMatching(/^El servidor SMTP rechazó las credenciales: 535/) });
    for (const row of await rows()) {
      expect(row).toMatchObject({ status: 'undeliverable', attempts: 1, escalation: 'signalled' });
    }
    expect(sink.received).toHaveLength(0);
  });

  it('a report the workflow could not take stays pending and is made again within seconds', async () => {
    const sink = await SmtpSink.start();
    sink.refuseRecipient('garante1.14@ejemplo.org.mx');
    let refusals = 1;
    await startDispatcher({
      sink,
      report: () => (refusals-- > 0 ? Promise.reject(new Error('Temporal no responde')) : Promise.resolve()),
    });

    await vacateJalisco();
    await eventually(async () => expect((await rows()).find((row) => row.status === 'undeliverable')?.escalation).toBe('pending'));
    expect(reports).toEqual([]);

    await eventually(() => expect(reports).toEqual([expect.objectContaining({ entidad: '14', undeliverable: 1 })]));
    expect((await rows()).map((row) => [row.audience, row.status, row.escalation])).toEqual([
      ['enlace', 'sent', null],
      ['garante', 'undeliverable', 'signalled'],
    ]);
  });

  async function conveneJalisco(): Promise<number> {
    const story = jaliscoInstalado();
    for (const step of story.appends) await append.appendEvents(step);
    const convened = story.run(
      { type: 'ConveneSession', data: { sessionId: 's-1', date: '2026-11-10', kind: 'ordinaria', convokedOn: '2026-10-30', agenda: ['Avance del PAL'] } },
      at('2026-10-30'),
    );
    return (await append.appendEvents(convened)).notificationIds.length;
  }
});
