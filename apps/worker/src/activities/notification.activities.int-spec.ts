import { DEFAULT_DEADLINE_POLICY, exerciseDeadlines } from '@app/domain';
import { DEVELOPMENT_MAIL_LINK_SECRET, installationId, messageIdFor, NotificationOutbox, RecipientDirectory, senderDomain } from '@app/notifications';
import { EventStore, NotificationRecord, ProjectionWriter } from '@app/persistence';
import ICAL from 'ical.js';
import { at, FACILITADORA, jaliscoEjercicio, jaliscoInstalado } from '../../../../libs/notifications/src/testing/stories';
import { MailOnPostgres } from '@test/support/mail-on-postgres';
import { EventStoreActivitiesService } from './event-store.activities';

const MAIL_FROM = '"Cocreación desde lo Local" <avisos@inai.ejemplo.mx>';
const VACATE = { vacatedOn: '2026-11-02', reason: 'Renunció por cambio de residencia' };
const REPLY_TO = 'Coordinación de Gobierno Abierto <gobiernoabierto@inai.ejemplo.mx>';
const GARANTE = 'garante1.14@ejemplo.org.mx';
const ENLACE = 'laura.mendez@inai.ejemplo.mx';

describe('Notifications on PostgreSQL and a real SMTP server on loopback', () => {
  const harness = new MailOnPostgres({
    mailFrom: MAIL_FROM,
    replyTo: REPLY_TO,
    // No wait between attempts here: the backoff itself is the dispatcher's test.
    retry: { initialMs: 0, maximumMs: 0 },
  });
  const rows = () => harness.database.dataSource.getRepository(NotificationRecord);
  let installation: string;
  const messageId = (row: NotificationRecord) => messageIdFor(row.id, installation, senderDomain(MAIL_FROM));

  async function vacatedJalisco(options: { withoutAddress?: string[] } = {}) {
    const story = jaliscoInstalado(options);
    await harness.store(story);
    const vacated = story.run({ type: 'VacateFacilitador', data: VACATE }, at('2026-11-02'));
    const { notificationIds: ids } = await harness.append.appendEvents(vacated);
    return { story, vacated, ids };
  }

  beforeAll(async () => {
    installation = await installationId(harness.database.dataSource.manager);
  });

  it('creates the outbox rows in the transaction that stores the events; a retried append answers the same ids', async () => {
    const { vacated, ids } = await vacatedJalisco();

    const created = await harness.rowsOf(ids);
    expect(created.map((row) => [row.kind, row.audience, row.recipientEmail, row.status, row.seq, row.streamId])).toEqual([
      ['facilitador_vacant', 'enlace', ENLACE, 'pending', vacated.firstSeq, 'stl/14'],
      ['facilitador_vacant', 'garante', GARANTE, 'pending', vacated.firstSeq, 'stl/14'],
    ]);
    expect(created[1].idempotencyKey).toBe(`stl/14|FacilitadorVacated@${vacated.firstSeq}|${GARANTE}`);
    expect(created[1].subject).toBe('STL de Jalisco: el puesto de facilitador quedó vacante el 2 de noviembre de 2026');

    const retried = await harness.append.appendEvents(vacated);

    expect([...retried.notificationIds].sort()).toEqual([...ids].sort());
    expect(await rows().count()).toBe(2);
  });

  it('stores neither the events nor their rows when the outbox cannot be written', async () => {
    const failing = new EventStoreActivitiesService(
      new EventStore(harness.database.dataSource),
      new ProjectionWriter(),
      new NotificationOutbox(
        { publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET },
        new RecipientDirectory({ staffFor: () => Promise.reject(new Error('la tabla users no responde')) }),
      ),
      harness.database.dataSource,
    );
    const story = jaliscoInstalado();
    await harness.store(story);
    const vacated = story.run({ type: 'VacateFacilitador', data: VACATE }, at('2026-11-02'));

    await expect(failing.appendEvents(vacated)).rejects.toThrow('la tabla users no responde');

    const events = await new EventStore(harness.database.dataSource).readStream('stl/14');
    expect(events.map((event) => event.type)).not.toContain('FacilitadorVacated');
    expect(await rows().count()).toBe(0);
  });

  it('delivers to the garante and the enlace, in Spanish, with a Message-ID of row and installation, and marks the rows sent', async () => {
    const { ids } = await vacatedJalisco();

    await harness.deliver.deliverNotifications({ ids });

    expect(harness.sink.received.map((mail) => mail.envelopeTo[0]).sort()).toEqual([ENLACE, GARANTE].sort());
    const [garante] = harness.sink.to(GARANTE);
    expect(garante.parsed.subject).toBe('STL de Jalisco: el puesto de facilitador quedó vacante el 2 de noviembre de 2026');
    expect(garante.parsed.from?.text).toBe('"Cocreación desde lo Local" <avisos@inai.ejemplo.mx>');
    expect(garante.parsed.replyTo?.value).toEqual([{ address: 'gobiernoabierto@inai.ejemplo.mx', name: 'Coordinación de Gobierno Abierto' }]);
    // RFC 3834 and Exchange's equivalent: no out-of-office reply comes back to an automatic message.
    expect(garante.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(garante.parsed.headers.get('x-auto-response-suppress')).toBe('All');
    expect(garante.parsed.to).toMatchObject({ value: [{ address: GARANTE, name: 'Titular 1 de organismo garante (Jalisco)' }] });
    expect(garante.parsed.text).toContain('El puesto de facilitador del STL de Jalisco está vacante desde el lunes 2 de noviembre de 2026.');
    expect(garante.parsed.text).toContain('Qué hacer: Proponga al STL un nuevo facilitador');
    expect(garante.parsed.text).toContain('Fecha límite: miércoles 2 de diciembre de 2026');
    expect(garante.parsed.text).toContain('http://127.0.0.1:3000/tablero/entidades/14');
    expect(garante.parsed.html).toContain('<a href="http://127.0.0.1:3000/tablero/entidades/14">');
    expect(harness.sink.to(ENLACE)[0].parsed.text).toContain('Dé seguimiento con el organismo garante');
    for (const row of await harness.rowsOf(ids)) {
      expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(harness.sink.withMessageId(messageId(row))).toHaveLength(1);
    }
  });

  it('a delivery retried after an SMTP failure sends each message exactly once, and no attempt fails', async () => {
    const { ids } = await vacatedJalisco();
    harness.sink.refuseNext(1);

    await expect(harness.deliver.deliverNotifications({ ids })).resolves.toBeUndefined();
    // One temporary failure ends the activity's attempt: the row after it is left, untouched, to the dispatcher.
    const afterFailure = await harness.rowsOf(ids);
    expect(afterFailure.map((row) => [row.status, row.attempts]).sort()).toEqual([['pending', 0], ['pending', 1]]);
    expect(afterFailure.find((row) => row.attempts === 1)).toMatchObject({
      lastError: expect.stringMatching(/^El servidor SMTP rechazó el envío \(451 en DATA\)/),
    });

    await harness.deliver.deliverNotifications({ ids });
    await harness.deliver.deliverNotifications({ ids });

    const delivered = await harness.rowsOf(ids);
    expect(delivered.map((row) => row.status)).toEqual(['sent', 'sent']);
    for (const row of delivered) expect(harness.sink.withMessageId(messageId(row))).toHaveLength(1);
    expect(harness.sink.received).toHaveLength(2);
  });

  it('two attempts at once never send a row twice', async () => {
    const { ids } = await vacatedJalisco();

    await Promise.allSettled([harness.deliver.deliverNotifications({ ids }), harness.deliver.deliverNotifications({ ids })]);
    await harness.deliver.deliverNotifications({ ids });

    expect(harness.sink.received).toHaveLength(2);
    expect((await harness.rowsOf(ids)).map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('with the SMTP server down the activity tries once and returns; the rows stay pending and go out once it is back', async () => {
    const { ids } = await vacatedJalisco();
    await harness.sink.stop();
    try {
      await expect(harness.deliver.deliverNotifications({ ids })).resolves.toBeUndefined();
      const [tried, left] = (await harness.rowsOf(ids)).sort((a, b) => b.attempts - a.attempts);
      expect(tried).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
      expect(tried.lastError).toMatch(/^No se pudo conectar con el servidor SMTP \(\w+\): .*ECONNREFUSED/);
      expect(tried.lastAttemptAt).toBeInstanceOf(Date);
      expect(left).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    } finally {
      await harness.sink.resume();
    }

    await harness.deliver.deliverNotifications({ ids });

    expect((await harness.rowsOf(ids)).map((row) => [row.status, row.lastError])).toEqual([
      ['sent', null],
      ['sent', null],
    ]);
    expect(harness.sink.received).toHaveLength(2);
  });

  it('a member without an address gets a visible undeliverable row, and the others are still sent', async () => {
    const { ids } = await vacatedJalisco({ withoutAddress: ['14-garante-1'] });

    await harness.deliver.deliverNotifications({ ids });

    const [enlace, garante] = await harness.rowsOf(ids);
    expect(garante).toMatchObject({
      audience: 'garante',
      recipientName: 'Titular 1 de organismo garante (Jalisco)',
      recipientEmail: null,
      status: 'undeliverable',
      lastError: 'sin dirección de correo',
      attempts: 0,
    });
    expect(enlace).toMatchObject({ status: 'sent' });
    expect(harness.sink.received.map((mail) => mail.envelopeTo[0])).toEqual([ENLACE]);
  });

  it('a recipient refused for good (550) becomes undeliverable with the reason, and the attempt does not fail', async () => {
    const { ids } = await vacatedJalisco();
    harness.sink.refuseRecipient(GARANTE);

    await harness.deliver.deliverNotifications({ ids });

    const [enlace, garante] = await harness.rowsOf(ids);
    expect(garante).toMatchObject({
      status: 'undeliverable',
      attempts: 1,
      lastError: expect.stringContaining('(550 en RCPT TO)'),
      escalation: 'pending',
    });
    expect(enlace).toMatchObject({ status: 'sent' });
    expect(harness.sink.received.map((mail) => mail.envelopeTo[0])).toEqual([ENLACE]);
  });

  it('a convocation reaches every member and the facilitador, each with a valid .ics of the session', async () => {
    const story = jaliscoInstalado();
    await harness.store(story);
    const convened = story.run(
      {
        type: 'ConveneSession',
        data: {
          sessionId: 'ordinaria-2026-11',
          date: '2026-11-10',
          kind: 'ordinaria',
          convokedOn: '2026-10-30',
          agenda: ['Lista de asistencia', 'Avance del PAL'],
          place: 'Sala del ITEI, Guadalajara',
        },
      },
      at('2026-10-30'),
    );
    const { notificationIds } = await harness.append.appendEvents(convened);

    await harness.deliver.deliverNotifications({ ids: notificationIds });

    expect(harness.sink.received).toHaveLength(10); // 4 + 4 + 1 titulares, and the facilitadora
    expect(harness.sink.to(FACILITADORA.email)).toHaveLength(1);
    for (const mail of harness.sink.received) {
      expect(mail.parsed.subject).toBe('STL de Jalisco: sesión ordinaria convocada para el 10 de noviembre de 2026');
      const [ics] = mail.parsed.attachments;
      expect([ics.contentType, ics.filename]).toEqual(['text/calendar', 'sesion-2026-11-10.ics']);
      const vevent = new ICAL.Component(ICAL.parse(ics.content.toString('utf8'))).getFirstSubcomponent('vevent');
      const event = new ICAL.Event(vevent!);
      expect([event.summary, event.startDate.toString(), event.location]).toEqual([
        'Sesión ordinaria del STL de Jalisco',
        '2026-11-10',
        'Sala del ITEI, Guadalajara',
      ]);
      expect(event.description).toContain('1. Lista de asistencia\n2. Avance del PAL');
    }
  });

  it('an exercise finds its garante in the STL read model and its enlace in the users table', async () => {
    await harness.store(jaliscoInstalado());
    const exercise = jaliscoEjercicio('2026-01-12');
    await harness.store(exercise);
    exercise.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_reminder');
    exercise.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_escalation_enlace');

    const ids = await harness.store(exercise);
    await harness.deliver.deliverNotifications({ ids });

    expect(harness.sink.received.map((mail) => [mail.envelopeTo[0], mail.parsed.subject])).toEqual([
      [GARANTE, 'Jalisco: el ejercicio 1 no registra avances; regístrelos antes del 26 de febrero de 2026'],
      [ENLACE, 'Escalamiento al enlace del INAI — Jalisco: ejercicio 1 sin avances, plazo vencido el 26 de febrero de 2026'],
    ]);
  });
});
