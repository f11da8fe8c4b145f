import { NotificationRecord } from '@app/persistence';
import { type DataSource, type EntityManager } from 'typeorm';
import { type MailTransport } from './mail-transport';
import { installationId, messageIdFor, senderDomain } from './message-id';
import { retryDelayMs, type RetryPolicy, DEFAULT_RETRY_POLICY } from './retry-policy';
import { describeSmtpFailure } from './smtp-failure';

export interface DeliveryOptions {
  /** `MAIL_FROM`, e.g. `"Cocreación desde lo Local" <avisos@inai.org.mx>`. */
  readonly mailFrom: string;
  /** `MAIL_REPLY_TO`, when set. */
  readonly replyTo?: string;
  /** How long a row waits after a temporary failure before it is tried again. */
  readonly retry?: RetryPolicy;
}

/** What one attempt at one row came to. */
export type DeliveryOutcome =
  | { readonly id: string; readonly status: 'sent' | 'undeliverable' | 'withdrawn' }
  | { readonly id: string; readonly status: 'failed'; readonly reason: string };

export interface DeliveryReport {
  readonly sent: string[];
  /** Already sent, undeliverable, not due yet or in another attempt's hands: nothing done here. */
  readonly skipped: string[];
  /** Refused for good by the server in this attempt. */
  readonly undeliverable: string[];
  /** Escalations resolved before their e-mail left: not sent. */
  readonly withdrawn: string[];
  /** Still pending: the reason is on the row, and it will be tried again after its backoff. */
  readonly failed: { readonly id: string; readonly reason: string }[];
}

const DUE = "n.status = 'pending' AND n.next_attempt_at <= now()";
const WITHDRAWN = 'No se envió: el escalamiento se resolvió antes.';

/**
 * Sends outbox rows over SMTP, each in its own transaction that holds the row's lock (`FOR UPDATE SKIP LOCKED`)
 * while the server is talked to: a row is marked `sent` in the transaction that sent it, a row already `sent` is
 * never sent again, and two workers can never send the same row at once (the second skips it). A temporary failure
 * leaves the row `pending` with its reason and the instant of its next attempt; a permanent one makes it
 * `undeliverable`, flagged for the coordinación.
 */
export class NotificationDelivery {
  private readonly domain: string;
  private readonly retry: RetryPolicy;
  private installation?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly options: DeliveryOptions,
  ) {
    this.domain = senderDomain(options.mailFrom);
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  /**
   * One attempt at each of these rows that is due; the others are left to the dispatcher. With `untilFailure`, the
   * rows after the first temporary failure are left too: a server that times out is not waited for once per row.
   */
  async deliver(ids: readonly string[], { untilFailure = false } = {}): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: [], skipped: [], undeliverable: [], withdrawn: [], failed: [] };
    for (const id of new Set(ids)) {
      if (untilFailure && report.failed.length > 0) {
        report.skipped.push(id);
        continue;
      }
      const outcome = await this.deliverClaimed(`n.id = $1 AND ${DUE}`, [id]);
      if (outcome === null) report.skipped.push(id);
      else if (outcome.status === 'failed') report.failed.push({ id, reason: outcome.reason });
      else report[outcome.status].push(id);
    }
    return report;
  }

  /** One attempt at the row due the longest that no other attempt holds; `null` when there is none. */
  deliverNextDue(): Promise<DeliveryOutcome | null> {
    return this.deliverClaimed(DUE, []);
  }

  /** When the earliest pending row falls due (`null` when nothing is pending): when to look again. */
  async nextDueAt(): Promise<Date | null> {
    const [row]: { next: Date | null }[] = await this.dataSource.query(
      "SELECT min(next_attempt_at) AS next FROM notifications WHERE status = 'pending'",
    );
    return row?.next ?? null;
  }

  private deliverClaimed(condition: string, parameters: unknown[]): Promise<DeliveryOutcome | null> {
    return this.dataSource.transaction(async (manager) => {
      const [claimed]: { id: string }[] = await manager.query(
        `SELECT n.id FROM notifications n WHERE ${condition} ORDER BY n.next_attempt_at, n.created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        parameters,
      );
      if (claimed === undefined) return null;
      const row = await manager.getRepository(NotificationRecord).findOneByOrFail({ id: claimed.id });
      return this.attempt(manager, row);
    });
  }

  private async attempt(manager: EntityManager, row: NotificationRecord): Promise<DeliveryOutcome> {
    const { id } = row;
    if (await this.resolvedMeanwhile(manager, row)) {
      await manager.query("UPDATE notifications SET status = 'withdrawn', last_error = $2 WHERE id = $1", [id, WITHDRAWN]);
      return { id, status: 'withdrawn' };
    }
    this.installation ??= await installationId(manager);
    const messageId = messageIdFor(id, this.installation, this.domain);
    try {
      await this.transport.send({
        from: this.options.mailFrom,
        replyTo: this.options.replyTo,
        to: { name: row.recipientName, address: row.recipientEmail ?? '' },
        subject: row.subject,
        text: row.bodyText,
        html: row.bodyHtml,
        messageId,
        attachments: row.attachments,
      });
    } catch (error) {
      const failure = describeSmtpFailure(error);
      await manager.query(
        `UPDATE notifications SET status = $2, attempts = attempts + 1, last_error = $3, last_attempt_at = now(),
                next_attempt_at = now() + make_interval(secs => $4::double precision / 1000), escalation = $5
          WHERE id = $1`,
        [
          id,
          failure.permanent ? 'undeliverable' : 'pending',
          failure.reason,
          retryDelayMs(row.attempts + 1, this.retry),
          failure.permanent ? 'pending' : null,
        ],
      );
      return failure.permanent ? { id, status: 'undeliverable' } : { id, status: 'failed', reason: failure.reason };
    }
    await manager.query(
      `UPDATE notifications SET status = 'sent', attempts = attempts + 1, last_error = NULL, last_attempt_at = now(),
              sent_at = now() WHERE id = $1`,
      [id],
    );
    return { id, status: 'sent' };
  }

  /** The escalations projection is written with the events, so a resolution committed before this claim shows. */
  private async resolvedMeanwhile(manager: EntityManager, row: NotificationRecord): Promise<boolean> {
    if (row.escalationId === null) return false;
    const [escalation]: { status: string }[] = await manager.query(
      'SELECT status FROM escalations WHERE stream_id = $1 AND escalation_id = $2',
      [row.streamId, row.escalationId],
    );
    return escalation?.status === 'resuelta';
  }
}
