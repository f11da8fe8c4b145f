import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  DEVELOPMENT_MAIL_LINK_SECRET,
  NotificationDelivery,
  NotificationOutbox,
  requeueUndeliverable,
  SmtpMailTransport,
  UndeliverableReports,
} from '@app/notifications';
import { EventStore, NotificationRecord, ProjectionWriter } from '@app/persistence';
import { at, jaliscoInstalado } from '../../../../libs/notifications/src/testing/stories';
import { eventually } from '@test/support/eventually';
import { insertStaff } from '@test/support/notification-fixtures';
import { SmtpSink } from '@test/support/smtp-sink';
import { createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { PROJECT_ROOT } from '../../../../tools/stack';
import { EventStoreActivitiesService } from '../activities/event-store.activities';
import { OutboxDispatcher } from './outbox-dispatcher';

const QUIET = { log: () => undefined, warn: () => undefined };
const CREDENTIALS = { user: 'avisos', pass: 'correcta' };

/** `npm run mail:requeue -- …` as the operator types it. */
async function mailRequeue(databaseUrl: string, args: readonly string[]): Promise<string> {
  const tsx = join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, 'apps/worker/src/cli/requeue-undeliverable.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return stdout;
}

/**
 * Invariant: a row refused for good goes out again at most once per operator request, and only once in all —
 * never a second time after it was sent, never a row with no address. On PostgreSQL and a loopback SMTP server.
 */
describe('queuing undeliverable e-mails again once the SMTP settings are fixed', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  const stops: (() => Promise<void>)[] = [];

  const rows = () => database.dataSource.getRepository(NotificationRecord).find({ order: { audience: 'ASC' } });

  async function dispatcherWith(smtpUrl: string): Promise<void> {
    const transport = new SmtpMailTransport(smtpUrl, { connectionMs: 2_000, greetingMs: 2_000, socketMs: 5_000 });
    const delivery = new NotificationDelivery(database.dataSource, transport, { mailFrom: 'avisos@inai.ejemplo.mx' });
    const dispatcher = new OutboxDispatcher(delivery, new UndeliverableReports(database.dataSource), () => Promise.resolve(), {
      databaseUrl: database.url,
      sweepMs: 60_000,
      lanes: 2,
    }, QUIET);
    await dispatcher.start();
    stops.push(async () => {
      await dispatcher.stop();
      transport.close();
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertStaff(database.dataSource);
    sink = await SmtpSink.start(CREDENTIALS);
  });

  afterAll(async () => {
    for (const stop of stops.splice(0)) await stop();
    await sink?.stop();
    await database?.drop();
  });

  it('refused credentials, then fixed: the operator re-queues each row once, by command; the dispatcher sends it; a second request finds nothing', async () => {
    await dispatcherWith(`smtp://avisos:equivocada@127.0.0.1:${sink.port}`);
    const outbox = new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET });
    const append = new EventStoreActivitiesService(new EventStore(database.dataSource), new ProjectionWriter(), outbox, database.dataSource);
    // Jalisco's garante has no address: its row is undeliverable from the start and stays so.
    const story = jaliscoInstalado({ withoutAddress: ['14-garante-1'] });
    for (const step of story.appends) await append.appendEvents(step);
    await append.appendEvents(story.run({ type: 'VacateFacilitador', data: { vacatedOn: '2026-11-02', reason: 'Renuncia' } }, at('2026-11-02')));
    await eventually(async () => expect((await rows()).map((row) => [row.audience, row.status])).toEqual([['enlace', 'undeliverable'], ['garante', 'undeliverable']]));
    expect((await rows())[0].lastError).toMatch(/^El servidor SMTP rechazó las credenciales: 535/);

    // The operator fixes SMTP_URL (the workers restart with it) and re-queues Jalisco's refused mail.
    for (const stop of stops.splice(0)) await stop();
    await dispatcherWith(`smtp://${CREDENTIALS.user}:${CREDENTIALS.pass}@127.0.0.1:${sink.port}`);
    const printed = await mailRequeue(database.url, ['--entidad', '14']);

    expect(printed).toContain('1 correo(s) en cola de nuevo');
    const [delivered] = await sink.waitForMessages(1, 10_000);
    expect(delivered.envelopeTo).toEqual(['laura.mendez@inai.ejemplo.mx']);
    await eventually(async () => expect((await rows()).map((row) => [row.audience, row.status])).toEqual([['enlace', 'sent'], ['garante', 'undeliverable']]));
    const [enlace, garante] = await rows();
    expect(enlace).toMatchObject({ requeuedBy: expect.stringMatching(/^cli:/), attempts: 1 });
    expect(enlace.requeuedAt).toBeInstanceOf(Date);
    expect(garante).toMatchObject({ requeuedAt: null, lastError: 'sin dirección de correo' });

    expect(await requeueUndeliverable(database.dataSource.manager, { by: 'coordinador' })).toEqual([]);
    expect(await mailRequeue(database.url, [])).toContain('Ningún correo no entregado con dirección quedaba por reenviar');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sink.received).toHaveLength(1);
  });

  it('refuses a state or an id it cannot read, in Spanish, and changes nothing', async () => {
    await expect(mailRequeue(database.url, ['--entidad', '99'])).rejects.toMatchObject({ stderr: expect.stringContaining('--entidad espera la clave de dos dígitos') });
    await expect(mailRequeue(database.url, ['--id', 'uno'])).rejects.toMatchObject({ stderr: expect.stringContaining('--id espera el id (UUID)') });
  });
});
