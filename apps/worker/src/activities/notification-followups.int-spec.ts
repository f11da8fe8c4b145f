import { DEFAULT_DEADLINE_POLICY, exerciseDeadlines } from '@app/domain';
import ICAL from 'ical.js';
import { at, jaliscoEjercicio, jaliscoInstalado } from '../../../../libs/notifications/src/testing/stories';
import { MailOnPostgres } from '@test/support/mail-on-postgres';

const GARANTE = 'garante1.14@ejemplo.org.mx';
const ENLACE = 'laura.mendez@inai.ejemplo.mx';

/** What follows an e-mail already queued or sent: a cancelled session, a resolved escalation (issue 22). */
describe('Follow-up e-mails on PostgreSQL and a real SMTP server on loopback', () => {
  const harness = new MailOnPostgres({ mailFrom: 'avisos@inai.ejemplo.mx' });

  it('a cancelled session reaches everyone convened, with a METHOD:CANCEL .ics of the same UID and a higher SEQUENCE (issue 22, item 5)', async () => {
    const story = jaliscoInstalado();
    await harness.store(story);
    const session = { sessionId: 'ordinaria-2026-11', date: '2026-11-10', kind: 'ordinaria', convokedOn: '2026-10-30', agenda: ['Avance del PAL'] } as const;
    const convened = await harness.append.appendEvents(story.run({ type: 'ConveneSession', data: session }, at('2026-10-30')));
    await harness.deliver.deliverNotifications({ ids: convened.notificationIds });
    const cancelled = await harness.append.appendEvents(
      story.run({ type: 'CancelSession', data: { sessionId: session.sessionId, reason: 'Falta de sede' } }, at('2026-11-03')),
    );

    await harness.deliver.deliverNotifications({ ids: cancelled.notificationIds });

    const cancellations = harness.sink.received.slice(10);
    expect(cancellations).toHaveLength(10);
    const calendarOf = (mail: (typeof harness.sink.received)[number]) => {
      const calendar = new ICAL.Component(ICAL.parse(mail.parsed.attachments[0].content.toString('utf8')));
      return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) };
    };
    const original = calendarOf(harness.sink.received[0]);
    for (const mail of cancellations) {
      expect(mail.parsed.subject).toBe('STL de Jalisco: se canceló la sesión ordinaria del 10 de noviembre de 2026');
      expect(mail.parsed.text).toContain('Motivo: Falta de sede.');
      const { method, event } = calendarOf(mail);
      expect([method, event.uid, event.sequence, event.component.getFirstPropertyValue('status')]).toEqual([
        'CANCEL',
        original.event.uid,
        1,
        'CANCELLED',
      ]);
    }
    expect(new Set(cancellations.map((mail) => mail.envelopeTo[0]))).toEqual(new Set(harness.sink.received.slice(0, 10).map((mail) => mail.envelopeTo[0])));
  });

  it('a session moved to another day reaches everyone convened with a METHOD:REQUEST .ics of the same UID and a higher SEQUENCE; a later cancellation goes higher still', async () => {
    const story = jaliscoInstalado();
    await harness.store(story);
    const session = { sessionId: 'ordinaria-2026-11', date: '2026-11-10', kind: 'ordinaria', convokedOn: '2026-10-30', agenda: ['Avance del PAL'] } as const;
    const convened = await harness.append.appendEvents(story.run({ type: 'ConveneSession', data: session }, at('2026-10-30')));
    await harness.deliver.deliverNotifications({ ids: convened.notificationIds });
    const moved = await harness.append.appendEvents(
      story.run({ type: 'RescheduleSession', data: { sessionId: session.sessionId, date: '2026-11-17', reason: 'La sede no estará disponible' } }, at('2026-11-03')),
    );
    await harness.deliver.deliverNotifications({ ids: moved.notificationIds });
    const cancelled = await harness.append.appendEvents(
      story.run({ type: 'CancelSession', data: { sessionId: session.sessionId, reason: 'Falta de quórum previsto' } }, at('2026-11-05')),
    );
    await harness.deliver.deliverNotifications({ ids: cancelled.notificationIds });

    const calendarOf = (mail: (typeof harness.sink.received)[number]) => {
      const calendar = new ICAL.Component(ICAL.parse(mail.parsed.attachments[0].content.toString('utf8')));
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      return [calendar.getFirstPropertyValue('method'), event.uid, event.sequence, event.startDate.toString(), event.component.getFirstPropertyValue('status')];
    };
    const [original] = harness.sink.received;
    const reschedulings = harness.sink.received.slice(10, 20);
    const cancellations = harness.sink.received.slice(20);
    const uid = calendarOf(original)[1];
    expect(reschedulings).toHaveLength(10);
    expect(new Set(reschedulings.map((mail) => mail.envelopeTo[0]))).toEqual(new Set(harness.sink.received.slice(0, 10).map((mail) => mail.envelopeTo[0])));
    for (const mail of reschedulings) {
      expect(mail.parsed.subject).toBe('STL de Jalisco: la sesión ordinaria del 10 de noviembre de 2026 cambia al 17 de noviembre de 2026');
      expect(mail.parsed.text).toContain('Motivo: La sede no estará disponible.');
      expect(calendarOf(mail)).toEqual(['REQUEST', uid, 1, '2026-11-17', 'CONFIRMED']);
    }
    expect(cancellations).toHaveLength(10);
    for (const mail of cancellations) expect(calendarOf(mail)).toEqual(['CANCEL', uid, 2, '2026-11-17', 'CANCELLED']);
  });

  it('a new date without five business days of notice counted from the change is refused', () => {
    const story = jaliscoInstalado();
    story.run({ type: 'ConveneSession', data: { sessionId: 's1', date: '2026-11-10', kind: 'ordinaria', convokedOn: '2026-10-30', agenda: ['Avance'] } }, at('2026-10-30'));

    expect(() => story.run({ type: 'RescheduleSession', data: { sessionId: 's1', date: '2026-11-06', reason: 'Adelanto' } }, at('2026-11-03'))).toThrow(
      /NOTICE_TOO_SHORT/,
    );
  });

  describe('an escalation resolved (issue 22, item 2)', () => {
    async function escalatedExercise() {
      await harness.store(jaliscoInstalado());
      const exercise = jaliscoEjercicio('2026-01-12');
      await harness.store(exercise);
      exercise.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_reminder');
      exercise.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_escalation_enlace');
      const ids = await harness.store(exercise);
      const [escalation] = (exercise.state as unknown as { escalations: readonly { id: string }[] }).escalations;
      const resolve = () =>
        harness.append.appendEvents(
          exercise.run({ type: 'ResolveEscalation', data: { escalationId: escalation.id, resolution: 'El ITEI registró el avance' } }, at('2026-03-02')),
        );
      return { ids, resolve };
    }

    it('before its e-mail left: the e-mail is withdrawn, never sent, and nobody gets a "resuelto"', async () => {
      const { ids, resolve } = await escalatedExercise();

      const { notificationIds: resolvedIds } = await resolve();
      await harness.deliver.deliverNotifications({ ids: [...ids, ...resolvedIds] });

      expect(resolvedIds).toEqual([]);
      expect((await harness.rowsOf(ids)).map((row) => [row.audience, row.kind, row.status, row.lastError])).toEqual([
        ['enlace', 'escalation_enlace', 'withdrawn', 'No se envió: el escalamiento se resolvió antes.'],
        ['garante', 'stage_stalled', 'sent', null],
      ]);
      expect(harness.sink.received.map((mail) => mail.envelopeTo[0])).toEqual([GARANTE]);
    });

    it('after its e-mail left: those who got it receive a short "resuelto"', async () => {
      const { ids, resolve } = await escalatedExercise();
      await harness.deliver.deliverNotifications({ ids });

      const { notificationIds: resolvedIds } = await resolve();
      await harness.deliver.deliverNotifications({ ids: resolvedIds });

      const [resuelto] = harness.sink.received.slice(2);
      expect(harness.sink.received).toHaveLength(3);
      expect(resuelto.envelopeTo).toEqual([ENLACE]);
      expect(resuelto.parsed.subject).toBe('Resuelto — Jalisco: ejercicio 1 sin avances (2 de marzo de 2026)');
      expect(resuelto.parsed.text).toContain('Resolución: El ITEI registró el avance.');
    });
  });
});
