import { addDays, businessCalendar, type RegisteredStl, STL_2017, spanishDate } from '@app/domain';
import {
  DEVELOPMENT_MAIL_LINK_SECRET,
  NotificationDelivery,
  NotificationOutbox,
  SmtpMailTransport,
  UndeliverableReports,
  verifyAnswerToken,
} from '@app/notifications';
import { EventStore, ProjectionWriter } from '@app/persistence';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { type Worker } from '@temporalio/worker';
import { FACILITADORA } from '../../../../libs/notifications/src/testing/stories';
import { ScenarioDriver } from '../../../../test/scenarios/scenario-driver';
import { insertStaff } from '@test/support/notification-fixtures';
import { type PostgresForFile, startPostgresForFile } from '@test/support/postgres-for-file';
import { type ReceivedMail, SmtpSink } from '@test/support/smtp-sink';
import { testWorker, timeSkippingEnvironment } from '@test/support/time-skipping';
import { OutboxDispatcher } from '../dispatcher/outbox-dispatcher';
import { reportToStl } from '../dispatcher/report-to-stl';
import { EventStoreActivitiesService } from './event-store.activities';
import { NotificationActivitiesService } from './notification.activities';

const QUIET = { log: () => undefined, warn: () => undefined };
const LINK = /http:\/\/127\.0\.0\.1:3000\/tablero\/convocatoria\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/;

/**
 * Confirmations end to end under the STL workflow, on the time-skipping server with the real append (PostgreSQL),
 * the outbox, its dispatcher and a loopback SMTP server: each convocation carries the recipient's own signed link;
 * three business days before the session a reminder goes to those who have not answered, and to nobody else.
 */
describe('answering a convocation, and the reminder to those who have not', () => {
  let postgres: PostgresForFile;
  let sink: SmtpSink;
  let transport: SmtpMailTransport;
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  let driver: ScenarioDriver;
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    [postgres, sink, env] = await Promise.all([startPostgresForFile(), SmtpSink.start(), timeSkippingEnvironment()]);
    const { dataSource } = postgres.database;
    await insertStaff(dataSource);
    transport = new SmtpMailTransport(sink.url);
    const outbox = new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET });
    const append = new EventStoreActivitiesService(new EventStore(dataSource), new ProjectionWriter(), outbox, dataSource);
    const delivery = new NotificationDelivery(dataSource, transport, { mailFrom: 'avisos@inai.ejemplo.mx' });
    const deliver = new NotificationActivitiesService(delivery);
    worker = await testWorker(env, {
      appendEvents: append.appendEvents.bind(append),
      deliverNotifications: deliver.deliverNotifications.bind(deliver),
    });
    running = worker.run();
    driver = new ScenarioDriver(env);
    dispatcher = new OutboxDispatcher(delivery, new UndeliverableReports(dataSource), reportToStl(env.client), {
      databaseUrl: postgres.database.url,
      sweepMs: 1_000,
      lanes: 2,
    }, QUIET);
    await dispatcher.start();
  });

  afterAll(async () => {
    await dispatcher?.stop();
    worker?.shutdown();
    await running;
    await env?.teardown();
    transport?.close();
    await sink?.stop();
    await postgres?.stop();
  });

  const about = (mails: readonly ReceivedMail[], words: string) => mails.filter((mail) => (mail.parsed.subject ?? '').includes(words));

  it('links each convocation to its recipient; reminds only the silent, three business days before, never for a cancelled, moved-away or historical session', async () => {
    const today = await driver.today();
    const jalisco = STL_2017.find((record) => record.entidad === '14')!;
    await driver.seedStl(jalisco, { installedOn: addDays(today, -10) });
    const stl = (await driver.stl('14', 'AppointFacilitador', {
      ...FACILITADORA,
      appointedOn: addDays(today, -10),
      historical: { justification: 'Designada por el STL en su sesión de instalación; el acta se registra aparte.' },
    })) as RegisteredStl;
    const people = [...Object.values(stl.members).map(({ memberId, email }) => ({ id: memberId, email })), { id: FACILITADORA.facilitadorId, email: FACILITADORA.email }];
    const reachable = people.filter((person) => person.email !== undefined);
    const idOf = (address: string) => reachable.find((person) => person.email?.toLowerCase() === address.toLowerCase())!.id;

    const held = addDays(today, 21);
    const cancelled = addDays(today, 22);
    const movedFrom = addDays(today, 23);
    const movedTo = addDays(today, 35);
    const convene = (sessionId: string, date: string) =>
      driver.stl('14', 'ConveneSession', { sessionId, date, kind: 'ordinaria', convokedOn: today, agenda: ['Seguimiento del PAL'] });
    await convene('s1', held);
    const convocations = about(await sink.waitForMessages(reachable.length), 'convocada');
    await convene('s2', cancelled);
    await convene('s3', movedFrom);
    await driver.stl('14', 'ConveneSession', {
      sessionId: 's4', date: addDays(today, 24), kind: 'extraordinaria', convokedOn: addDays(today, -2), agenda: ['Acto anterior'],
      historical: { justification: 'Convocada por oficio antes de usar el sistema' },
    });
    await driver.stl('14', 'CancelSession', { sessionId: 's2', reason: 'Sin sede' });
    await driver.stl('14', 'RescheduleSession', { sessionId: 's3', date: movedTo, reason: 'Sala ocupada' });

    // Every convocation of s1 carries a link that speaks for its own recipient, in both parts, and no "no responda".
    expect(convocations).toHaveLength(reachable.length);
    for (const mail of convocations) {
      const [, token] = LINK.exec(mail.parsed.text ?? '') ?? [];
      expect(verifyAnswerToken(token, DEVELOPMENT_MAIL_LINK_SECRET)).toEqual({ entidad: '14', sessionId: 's1', memberId: idOf(mail.envelopeTo[0]) });
      expect(String(mail.parsed.html)).toContain(`/tablero/convocatoria/${token}"`);
      expect(mail.parsed.text).not.toMatch(/no responda/i);
    }

    const [yes, no, ...silent] = reachable;
    await driver.stl('14', 'AnswerConvocation', { sessionId: 's1', memberId: yes.id, answer: 'asistire' });
    await driver.stl('14', 'AnswerConvocation', { sessionId: 's1', memberId: no.id, answer: 'no_asistire' });

    const remindOn = businessCalendar().addBusinessDays(held, -3);
    const before = sink.received.length;
    await driver.sleepUntil(addDays(remindOn, -1), 18);
    expect(about(sink.received.slice(before), 'confirme su asistencia')).toEqual([]);
    await driver.sleepUntil(remindOn, 18);
    const reminders = await waitForMail(sink, before, 'confirme su asistencia', silent.length);

    expect(reminders.map((mail) => mail.envelopeTo[0]).sort()).toEqual(silent.map((person) => person.email).sort());
    expect(new Set(reminders.map((mail) => mail.parsed.subject))).toEqual(new Set([`STL de Jalisco: confirme su asistencia a la sesión del ${spanishDate(held)}`]));
    for (const mail of reminders) {
      const [, token] = LINK.exec(mail.parsed.text ?? '') ?? [];
      expect(verifyAnswerToken(token, DEVELOPMENT_MAIL_LINK_SECRET)?.memberId).toBe(idOf(mail.envelopeTo[0]));
    }

    // Past the old dates of s2 (cancelled), s3 (moved) and s4 (history): the moved session's reminder comes at its new date only.
    const beforeMoved = sink.received.length;
    const movedRemindOn = businessCalendar().addBusinessDays(movedTo, -3);
    await driver.sleepUntil(addDays(movedRemindOn, -1), 18);
    expect(about(sink.received.slice(beforeMoved), 'confirme su asistencia')).toEqual([]);
    await driver.sleepUntil(movedRemindOn, 18);
    const moved = await waitForMail(sink, beforeMoved, 'confirme su asistencia', reachable.length);
    expect(moved).toHaveLength(reachable.length);
    expect(new Set(moved.map((mail) => mail.parsed.subject))).toEqual(new Set([`STL de Jalisco: confirme su asistencia a la sesión del ${spanishDate(movedTo)}`]));
    const state = (await driver.stlState('14')) as RegisteredStl;
    expect(state.firedDeadlineIds.filter((id) => id.endsWith(':confirmacion')).sort()).toEqual(
      [`sesion:s1:${held}:confirmacion`, `sesion:s3:${movedTo}:confirmacion`].sort(),
    );
  });
});

/**
 * Mail is sent beside the workflow: waits for `count` messages whose subject has `words`, after the first `from`,
 * then a moment more, so that one too many would be seen too.
 */
async function waitForMail(sink: SmtpSink, from: number, words: string, count: number): Promise<ReceivedMail[]> {
  const matching = () => sink.received.slice(from).filter((mail) => (mail.parsed.subject ?? '').includes(words));
  for (let attempt = 0; attempt < 300 && matching().length < count; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return matching();
}
