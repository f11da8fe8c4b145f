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

/**
 * Invariant (c), the SMTP side: every outbox row marked sent reached the SMTP server, and every e-mail the server
 * holds is one of those rows. An e-mail may arrive twice when the worker died between the server's acceptance and
 * the row's update: the same Message-ID, which a mail client shows once; so arrival is counted by Message-ID.
 */
export async function checkMailbox(dataSource: DataSource, inboxUrl: string): Promise<MailboxReport> {
  const response = await fetch(`${inboxUrl}/api/email`);
  if (!response.ok) throw new Error(`the inbox answered ${response.status}`);
  const mails = (await response.json()) as { messageId?: string; headers?: Record<string, string> }[];
  const ids = mails.map((mail) => mail.messageId ?? mail.headers?.['message-id'] ?? '');
  const received = new Set(ids.map(rowIdOf));
  const sent = await dataSource.query<{ id: string; stream_id: string; seq: number }[]>(`SELECT id, stream_id, seq FROM notifications WHERE status = 'sent'`);
  const sentIds = new Set(sent.map((row) => row.id));
  const violations: Violation[] = [
    ...sent
      .filter((row) => !received.has(row.id))
      .map((row) => ({ invariant: 'c' as const, streamId: row.stream_id, seq: row.seq, message: `el aviso ${row.id} figura enviado y no llegó al servidor SMTP` })),
    ...[...received]
      .filter((id) => !sentIds.has(id))
      .map((id) => ({ invariant: 'c' as const, streamId: 'smtp', message: `llegó un correo (${id}) que la bandeja de salida no tiene por enviado` })),
  ];
  return { received: ids.length, distinct: new Set(ids).size, violations };
}
