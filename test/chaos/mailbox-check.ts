import { type DataSource } from 'typeorm';
import { type Violation } from '../simulation/violation';
import { type Outage } from './fault-schedule';

export interface MailboxReport {
  /** E-mails the SMTP server holds, cut transmissions included. */
  readonly received: number;
  /** Distinct Message-IDs among them. */
  readonly distinct: number;
  /** Transmissions cut in the middle of DATA that MailDev restored from its directory on a restart. */
  readonly cut: number;
  readonly violations: Violation[];
}

/** The outbox row an e-mail was sent for: its Message-ID is `<row id>.<installation id>@<domain>`. */
const rowIdOf = (messageId: string) => messageId.replace(/^</, '').split('.')[0];

export interface ReceivedMail {
  readonly messageId?: string;
  /** When the message was built for sending (its Date header, as MailDev reports it): one attempt's instant. */
  readonly time?: string;
  readonly headers?: Record<string, string>;
  /** RCPT TO of the SMTP transaction: who the server was asked to deliver it to, whatever the headers say. */
  readonly envelope?: { readonly to?: readonly { readonly address: string }[] };
}

export interface SentRow {
  readonly id: string;
  readonly stream_id: string;
  readonly seq: number;
  readonly recipient_email: string | null;
}

/**
 * How far before a fault, or after it ended, an attempt may have been built and still be one the fault left unrecorded:
 * building and sending a message takes milliseconds, a loaded machine stretches it to seconds.
 */
export const UNRECORDED_ATTEMPT_SLACK_MS = 30_000;

/**
 * Invariant (c), the SMTP side: every outbox row marked sent reached the SMTP server, every e-mail the server holds is
 * one of those rows, and its envelope names that row's recipient and nobody else. An e-mail may arrive twice when a
 * fault came between the server's acceptance and the row's update (the worker killed, PostgreSQL restarted, the SMTP
 * server stopped before its answer got out): the same Message-ID, which a mail client shows once. Only then: a copy
 * whose attempt was built nowhere near such a fault (`unrecordedRisks`) means the outbox sent a row twice on its own.
 *
 * MailDev writes DATA to a file as it comes and, when restarted, restores every file in its directory, also one whose
 * transmission was cut (the worker killed, or MailDev stopped, mid-message) and never acknowledged: a fragment of
 * headers without the Message-ID every e-mail of ours carries (chaos seed 2). Those are counted apart; the row they
 * began stays unsent and goes out whole later, which the first rule checks.
 */
export function mailboxViolations(mails: readonly ReceivedMail[], sent: readonly SentRow[], unrecordedRisks: readonly Outage[]): MailboxReport {
  const idOf = (mail: ReceivedMail) => mail.messageId ?? mail.headers?.['message-id'];
  const whole = mails.filter((mail) => idOf(mail) !== undefined);
  const ids = whole.map((mail) => idOf(mail)!);
  const received = new Set(ids.map(rowIdOf));
  const sentRows = new Map(sent.map((row) => [row.id, row]));
  const nearAFault = (builtMs: number) =>
    unrecordedRisks.some(({ fromMs, toMs }) => builtMs >= fromMs - UNRECORDED_ATTEMPT_SLACK_MS && builtMs <= toMs + UNRECORDED_ATTEMPT_SLACK_MS);
  const copiesById = new Map<string, ReceivedMail[]>();
  for (const mail of whole) copiesById.set(idOf(mail)!, [...(copiesById.get(idOf(mail)!) ?? []), mail]);
  // Each copy but the last was an attempt the outbox did not record as sent.
  const resentOnItsOwn = [...copiesById].flatMap(([messageId, copies]) => {
    const unrecorded = copies.map((mail) => Date.parse(mail.time ?? '')).sort((a, b) => a - b).slice(0, -1);
    const unexplained = unrecorded.find((builtMs) => !nearAFault(builtMs));
    if (unexplained === undefined) return [];
    const row = sentRows.get(rowIdOf(messageId));
    const when = Number.isNaN(unexplained) ? 'hora desconocida' : new Date(unexplained).toISOString();
    const message =
      `el correo ${messageId} llegó ${copies.length} veces, y su intento de ${when} no cae cerca de ninguna falla que dejara ` +
      'su envío sin registrar (SIGKILL del worker, reinicio de PostgreSQL, caída del servidor SMTP)';
    return [{ invariant: 'c' as const, streamId: row?.stream_id ?? 'smtp', seq: row?.seq, message }];
  });
  const misaddressed = whole.flatMap((mail) => {
    const row = sentRows.get(rowIdOf(idOf(mail)!));
    if (row === undefined) return [];
    const to = (mail.envelope?.to ?? []).map(({ address }) => address.toLowerCase());
    const expected = row.recipient_email?.toLowerCase();
    if (to.length === 1 && to[0] === expected) return [];
    const message = `el correo del aviso ${row.id} iba para ${expected ?? 'nadie'} y el servidor SMTP lo recibió para ${to.join(', ') || 'nadie'}`;
    return [{ invariant: 'c' as const, streamId: row.stream_id, seq: row.seq, message }];
  });
  const violations: Violation[] = [
    ...misaddressed,
    ...resentOnItsOwn,
    ...sent
      .filter((row) => !received.has(row.id))
      .map((row) => ({ invariant: 'c' as const, streamId: row.stream_id, seq: row.seq, message: `el aviso ${row.id} figura enviado y no llegó al servidor SMTP` })),
    ...[...received]
      .filter((id) => !sentRows.has(id))
      .map((id) => ({ invariant: 'c' as const, streamId: 'smtp', message: `llegó un correo (${id}) que la bandeja de salida no tiene por enviado` })),
  ];
  return { received: mails.length, distinct: new Set(ids).size, cut: mails.length - whole.length, violations };
}

/** Invariant (c) on a running system: what the inbox holds against the outbox rows marked sent. */
export async function checkMailbox(dataSource: DataSource, inboxUrl: string, unrecordedRisks: readonly Outage[]): Promise<MailboxReport> {
  const response = await fetch(`${inboxUrl}/api/email`);
  if (!response.ok) throw new Error(`the inbox answered ${response.status}`);
  const mails = (await response.json()) as ReceivedMail[];
  const sent = await dataSource.query<SentRow[]>(`SELECT id, stream_id, seq, recipient_email FROM notifications WHERE status = 'sent'`);
  return mailboxViolations(mails, sent, unrecordedRisks);
}
