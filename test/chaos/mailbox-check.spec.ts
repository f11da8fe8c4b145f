import { mailboxViolations, type ReceivedMail, type SentRow, UNRECORDED_ATTEMPT_SLACK_MS } from './mailbox-check';

const RECIPIENT = 'garante@ejemplo.org.mx';
const row: SentRow = { id: 'aviso-1', stream_id: 'stl/09', seq: 12, recipient_email: RECIPIENT };
const messageId = '<aviso-1.instalacion@inai.org.mx>';
const attemptAt = (iso: string): ReceivedMail => ({ messageId, time: iso, envelope: { to: [{ address: RECIPIENT }] } });
/** PostgreSQL stopped at 12:00:00 and back at 12:00:08. */
const postgresRestart = { fromMs: Date.parse('2026-12-04T12:00:00Z'), toMs: Date.parse('2026-12-04T12:00:08Z') };

describe('invariant (c) in a chaos run: an e-mail that reached the SMTP server twice', () => {
  it('is one e-mail when its first attempt was sent as a fault left it unrecorded (PostgreSQL restarted before the row was marked sent)', () => {
    const mails = [attemptAt('2026-12-04T11:59:59Z'), attemptAt('2026-12-04T12:01:30Z')];

    expect(mailboxViolations(mails, [row], [postgresRestart])).toEqual({ received: 2, distinct: 1, cut: 0, violations: [] });
  });

  it('is a violation when its first attempt came while every part of the system was up: the outbox sent a row twice on its own', () => {
    const quietAttempt = new Date(postgresRestart.toMs + UNRECORDED_ATTEMPT_SLACK_MS + 60_000).toISOString();
    const mails = [attemptAt(quietAttempt), attemptAt('2026-12-04T12:05:00Z')];

    expect(mailboxViolations(mails, [row], [postgresRestart]).violations).toEqual([
      {
        invariant: 'c',
        streamId: 'stl/09',
        seq: 12,
        message:
          `el correo ${messageId} llegó 2 veces, y su intento de ${quietAttempt} no cae cerca de ninguna falla que dejara su envío sin ` +
          'registrar (SIGKILL del worker, reinicio de PostgreSQL, caída del servidor SMTP)',
      },
    ]);
  });

  it('needs a fault for every extra copy, not only for one of them', () => {
    const mails = [attemptAt('2026-12-04T12:00:03Z'), attemptAt('2026-12-04T12:20:00Z'), attemptAt('2026-12-04T12:21:00Z')];

    expect(mailboxViolations(mails, [row], [postgresRestart]).violations).toHaveLength(1);
    expect(mailboxViolations(mails, [row], [postgresRestart, { fromMs: Date.parse('2026-12-04T12:20:05Z'), toMs: Date.parse('2026-12-04T12:20:07Z') }]).violations).toEqual([]);
  });
});
