import { NotificationRecord } from '@app/persistence';
import { type DataSource, type EntityManager } from 'typeorm';
import { type MailTransport } from './mail-transport';
import { messageIdFor, senderDomain } from './message-id';
import { describeSmtpFailure } from './smtp-failure';

export interface DeliveryOptions {
  /** `MAIL_FROM`, e.g. `"Cocreación desde lo Local" <avisos@inai.org.mx>`. */
  readonly mailFrom: string;
}

export interface DeliveryReport {
  readonly sent: string[];
  /** Already sent or undeliverable before this attempt: nothing to do. */
  readonly skipped: string[];
  /** Refused for good by the server in this attempt. */
  readonly undeliverable: string[];
  /** Still pending: the reason is on the row, and the caller should try again later. */
  readonly failed: { readonly id: string; readonly reason: string }[];
  readonly missing: string[];
}

type Outcome = { readonly status: 'sent' | 'skipped' | 'undeliverable' | 'missing' } | { readonly status: 'failed'; readonly reason: string };

const BUSY = 'Otro intento de entrega tiene la notificación en curso.';

/**
 * Sends outbox rows over SMTP, each in its own transaction that holds the row's lock while the server is talked
 * to: a row is marked `sent` the moment the server accepts it, a row already `sent` is never sent again, and two
 * attempts can never send the same row at once (the second finds it locked and leaves it for later).
 */
export class NotificationDelivery {
  private readonly domain: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly options: DeliveryOptions,
  ) {
    this.domain = senderDomain(options.mailFrom);
  }

  async deliver(ids: readonly string[]): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: [], skipped: [], undeliverable: [], failed: [], missing: [] };
    for (const id of new Set(ids)) {
      const outcome = await this.dataSource.transaction((manager) => this.deliverOne(manager, id));
      if (outcome.status === 'failed') report.failed.push({ id, reason: outcome.reason });
      else report[outcome.status].push(id);
    }
    return report;
  }

  private async deliverOne(manager: EntityManager, id: string): Promise<Outcome> {
    const rows = manager.getRepository(NotificationRecord);
    const row = await rows
      .createQueryBuilder('n')
      .where('n.id = :id', { id })
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
    if (!row) return (await rows.existsBy({ id })) ? { status: 'failed', reason: BUSY } : { status: 'missing' };
    if (row.status !== 'pending' || row.recipientEmail === null) return { status: 'skipped' };
    try {
      await this.transport.send({
        from: this.options.mailFrom,
        to: { name: row.recipientName, address: row.recipientEmail },
        subject: row.subject,
        text: row.bodyText,
        html: row.bodyHtml,
        messageId: messageIdFor(row.idempotencyKey, this.domain),
        attachments: row.attachments,
      });
    } catch (error) {
      const failure = describeSmtpFailure(error);
      await rows.update(id, {
        status: failure.permanent ? 'undeliverable' : 'pending',
        attempts: row.attempts + 1,
        lastError: failure.reason,
        lastAttemptAt: new Date(),
      });
      return failure.permanent ? { status: 'undeliverable' } : { status: 'failed', reason: failure.reason };
    }
    await rows.update(id, { status: 'sent', attempts: row.attempts + 1, lastError: null, lastAttemptAt: new Date(), sentAt: new Date() });
    return { status: 'sent' };
  }
}
