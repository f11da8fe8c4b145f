import { type DataSource } from 'typeorm';
import { type Violation } from '../simulation/violation';

export interface MailboxReport {
  /** E-mails the SMTP server received. */
  readonly received: number;
  /** Distinct Message-IDs among them. */
  readonly distinct: number;
  readonly violations: Violation[];
}

/** The outbox row an e-mail was sent for: its Message-ID is `<row id>.<installation id>@<domain>`. */
const rowIdOf = (messageId: string) => messageId.replace(/^</, '').split('.')[0];

interface ReceivedMail {
  readonly messageId?: string;
  readonly headers?: Record<string, string>;
  /** RCPT TO of the SMTP transaction: who the server was asked to deliver it to, whatever the headers say. */
  readonly envelope?: { readonly to?: readonly { readonly address: string }[] };
}

/**
 * Invariant (c), the SMTP side: every outbox row marked sent reached the SMTP server, every e-mail the server holds is
 * one of those rows, and its envelope names that row's recipient and nobody else. An e-mail may arrive twice when the
 * worker died between the server's acceptance and the row's update: the same Message-ID, which a mail client shows
 * once; so arrival is counted by Message-ID.
 */
export async function checkMailbox(dataSource: DataSource, inboxUrl: string): Promise<MailboxReport> {
  const response = await fetch(`${inboxUrl}/api/email`);
  if (!response.ok) throw new Error(`the inbox answered ${response.status}`);
  const mails = (await response.json()) as ReceivedMail[];
  const idOf = (mail: ReceivedMail) => mail.messageId ?? mail.headers?.['message-id'] ?? '';
  const ids = mails.map(idOf);
  const received = new Set(ids.map(rowIdOf));
  const sent = await dataSource.query<{ id: string; stream_id: string; seq: number; recipient_email: string | null }[]>(
    `SELECT id, stream_id, seq, recipient_email FROM notifications WHERE status = 'sent'`,
  );
  const sentIds = new Set(sent.map((row) => row.id));
  const sentRows = new Map(sent.map((row) => [row.id, row]));
  const misaddressed = mails.flatMap((mail) => {
    const row = sentRows.get(rowIdOf(idOf(mail)));
    if (row === undefined) return [];
    const to = (mail.envelope?.to ?? []).map(({ address }) => address.toLowerCase());
    const expected = row.recipient_email?.toLowerCase();
    if (to.length === 1 && to[0] === expected) return [];
    const message = `el correo del aviso ${row.id} iba para ${expected ?? 'nadie'} y el servidor SMTP lo recibió para ${to.join(', ') || 'nadie'}`;
    return [{ invariant: 'c' as const, streamId: row.stream_id, seq: row.seq, message }];
  });
  const violations: Violation[] = [
    ...misaddressed,
    ...sent
      .filter((row) => !received.has(row.id))
      .map((row) => ({ invariant: 'c' as const, streamId: row.stream_id, seq: row.seq, message: `el aviso ${row.id} figura enviado y no llegó al servidor SMTP` })),
    ...[...received]
      .filter((id) => !sentIds.has(id))
      .map((id) => ({ invariant: 'c' as const, streamId: 'smtp', message: `llegó un correo (${id}) que la bandeja de salida no tiene por enviado` })),
  ];
  return { received: ids.length, distinct: new Set(ids).size, violations };
}
