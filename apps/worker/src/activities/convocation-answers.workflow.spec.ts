import { addDays, businessCalendar, type RegisteredStl, STL_2017, spanishDate } from '@app/domain';
import { FACILITADORA } from '../../../../libs/notifications/src/testing/stories';
import { DEVELOPMENT_MAIL_LINK_SECRET, verifyAnswerToken } from '@app/notifications';
import { type ReceivedMail, type SmtpSink } from '@test/support/smtp-sink';
import { MailWorkflows } from '@test/support/mail-workflows';

const LINK = /http:\/\/127\.0\.0\.1:3000\/tablero\/convocatoria\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/;

/**
 * Confirmations end to end under the STL workflow, on the time-skipping server with the real append (PostgreSQL),
 * the outbox, its dispatcher and a loopback SMTP server: each convocation carries the recipient's own signed link;
 * three business days before the session a reminder goes to those who have not answered, and to nobody else.
 */
describe('answering a convocation, and the reminder to those who have not', () => {
  const stack = new MailWorkflows();

  const about = (mails: readonly ReceivedMail[], words: string) => mails.filter((mail) => (mail.parsed.subject ?? '').includes(words));

  it('links each convocation to its recipient; reminds only the silent, three business days before, never for a cancelled, moved-away or historical session', async () => {
    const today = await stack.driver.today();
    const jalisco = STL_2017.find((record) => record.entidad === '14')!;
    await stack.driver.seedStl(jalisco, { installedOn: addDays(today, -10) });
    const stl = (await stack.driver.stl('14', 'AppointFacilitador', {
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
      stack.driver.stl('14', 'ConveneSession', { sessionId, date, kind: 'ordinaria', convokedOn: today, agenda: ['Seguimiento del PAL'] });
    await convene('s1', held);
    const convocations = about(await stack.sink.waitForMessages(reachable.length), 'convocada');
    await convene('s2', cancelled);
    await convene('s3', movedFrom);
    await stack.driver.stl('14', 'ConveneSession', {
      sessionId: 's4', date: addDays(today, 24), kind: 'extraordinaria', convokedOn: addDays(today, -2), agenda: ['Acto anterior'],
      historical: { justification: 'Convocada por oficio antes de usar el sistema' },
    });
    await stack.driver.stl('14', 'CancelSession', { sessionId: 's2', reason: 'Sin sede' });
    await stack.driver.stl('14', 'RescheduleSession', { sessionId: 's3', date: movedTo, reason: 'Sala ocupada' });

    // Every convocation of s1 carries a link that speaks for its own recipient, in both parts, and no "no responda".
    expect(convocations).toHaveLength(reachable.length);
    for (const mail of convocations) {
      const [, token] = LINK.exec(mail.parsed.text ?? '') ?? [];
      expect(verifyAnswerToken(token, DEVELOPMENT_MAIL_LINK_SECRET)).toEqual({ entidad: '14', sessionId: 's1', memberId: idOf(mail.envelopeTo[0]) });
      expect(String(mail.parsed.html)).toContain(`/tablero/convocatoria/${token}"`);
      expect(mail.parsed.text).not.toMatch(/no responda/i);
    }

    const [yes, no, ...silent] = reachable;
    await stack.driver.stl('14', 'AnswerConvocation', { sessionId: 's1', memberId: yes.id, answer: 'asistire' });
    await stack.driver.stl('14', 'AnswerConvocation', { sessionId: 's1', memberId: no.id, answer: 'no_asistire' });

    const remindOn = businessCalendar().addBusinessDays(held, -3);
    const before = stack.sink.received.length;
    await stack.driver.sleepUntil(addDays(remindOn, -1), 18);
    expect(about(stack.sink.received.slice(before), 'confirme su asistencia')).toEqual([]);
    await stack.driver.sleepUntil(remindOn, 18);
    const reminders = await waitForMail(stack.sink, before, 'confirme su asistencia', silent.length);

    expect(reminders.map((mail) => mail.envelopeTo[0]).sort()).toEqual(silent.map((person) => person.email).sort());
    expect(new Set(reminders.map((mail) => mail.parsed.subject))).toEqual(new Set([`STL de Jalisco: confirme su asistencia a la sesión del ${spanishDate(held)}`]));
    for (const mail of reminders) {
      const [, token] = LINK.exec(mail.parsed.text ?? '') ?? [];
      expect(verifyAnswerToken(token, DEVELOPMENT_MAIL_LINK_SECRET)?.memberId).toBe(idOf(mail.envelopeTo[0]));
    }

    // Past the old dates of s2 (cancelled), s3 (moved) and s4 (history): the moved session's reminder comes at its new date only.
    const beforeMoved = stack.sink.received.length;
    const movedRemindOn = businessCalendar().addBusinessDays(movedTo, -3);
    await stack.driver.sleepUntil(addDays(movedRemindOn, -1), 18);
    expect(about(stack.sink.received.slice(beforeMoved), 'confirme su asistencia')).toEqual([]);
    await stack.driver.sleepUntil(movedRemindOn, 18);
    const moved = await waitForMail(stack.sink, beforeMoved, 'confirme su asistencia', reachable.length);
    expect(moved).toHaveLength(reachable.length);
    expect(new Set(moved.map((mail) => mail.parsed.subject))).toEqual(new Set([`STL de Jalisco: confirme su asistencia a la sesión del ${spanishDate(movedTo)}`]));
    const state = (await stack.driver.stlState('14')) as RegisteredStl;
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
