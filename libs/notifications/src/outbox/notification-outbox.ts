import { type Entidad, type LocalDate, localDateAt } from '@app/domain';
import { type NotificationAttachment, NotificationRecord } from '@app/persistence';
import { type EntityManager } from 'typeorm';
import { sessionsCalendar } from '../ics/session-calendar';
import { answerLinkUrl, signAnswerToken } from '../links/answer-links';
import { type NotificationContent } from '../plan/notification-content';
import { planNotifications } from '../plan/plan-notifications';
import { type AppendedEvents, type PlannedNotification } from '../plan/planned-notification';
import { RecipientDirectory } from '../recipients/recipient-directory';
import { type Recipient, recipientsFor } from '../recipients/recipients';
import { renderNotification, type RenderOptions } from '../templates/render-notification';

type NewNotificationRow = Omit<
  NotificationRecord,
  'id' | 'attempts' | 'lastAttemptAt' | 'createdAt' | 'sentAt' | 'nextAttemptAt' | 'escalation' | 'requeuedAt' | 'requeuedBy'
>;

/** `<stream id>|<deadline id or event ref>|<recipient>`: the same e-mail can never be queued twice. */
export function idempotencyKey(streamId: string, ref: string, recipientKey: string): string {
  return `${streamId}|${ref}|${recipientKey}`;
}

/** How the outbox renders: the board's address, and the key that signs each person's answer link. */
export interface OutboxOptions extends RenderOptions {
  /** `MAIL_LINK_SECRET`. */
  readonly mailLinkSecret: string;
}

/** The e-mails that ask a convened person to confirm or decline: each carries that person's own link. */
const ANSWERABLE: ReadonlySet<NotificationContent['kind']> = new Set(['session_convened', 'session_rescheduled', 'convocation_reminder']);

/**
 * The transactional outbox. `enqueue` runs inside the transaction that appends the events (never in a projection
 * rebuild), so either the events and their e-mails are stored together or neither is.
 */
export class NotificationOutbox {
  constructor(
    private readonly options: OutboxOptions,
    private readonly directory: RecipientDirectory = new RecipientDirectory(),
  ) {}

  /** Renders and stores one row per person for the e-mails these events call for; returns the rows' ids. */
  async enqueue(manager: EntityManager, appended: AppendedEvents): Promise<string[]> {
    const plan = planNotifications(appended);
    if (plan.length === 0) return [];
    const directory = await this.directory.forAppend(manager, appended, plan[0].content.entidad);
    const today = localDateAt(appended.occurredAt);
    const rows: NewNotificationRow[] = [];
    for (const notification of plan) {
      const recipients =
        notification.content.kind === 'escalation_resolved'
          ? await this.toldOf(manager, appended.streamId, notification.content.escalationId)
          : recipientsFor(notification, directory);
      rows.push(...recipients.map((recipient) => this.row(appended.streamId, notification, recipient, today)));
    }
    if (rows.length === 0) return [];
    await manager.createQueryBuilder().insert().into(NotificationRecord).values(rows).orIgnore().execute();
    return this.idsOf(manager, rows.map((row) => row.idempotencyKey));
  }

  /** The rows created back then by events already stored: what a retried append must answer. */
  async idsCreatedBy(manager: EntityManager, streamId: string, firstSeq: number, count: number): Promise<string[]> {
    const rows = await manager
      .getRepository(NotificationRecord)
      .createQueryBuilder('n')
      .select(['n.id'])
      .where('n.streamId = :streamId AND n.seq BETWEEN :first AND :last', { streamId, first: firstSeq, last: firstSeq + count - 1 })
      .orderBy('n.seq')
      .addOrderBy('n.createdAt')
      .addOrderBy('n.idempotencyKey')
      .getMany();
    return rows.map((row) => row.id);
  }

  /** Whoever the escalation's e-mail reached (rows sent); rows still pending are withdrawn by the dispatcher instead. */
  private async toldOf(manager: EntityManager, streamId: string, escalationId: string): Promise<Recipient[]> {
    const told: { recipient_name: string; recipient_email: string; audience: Recipient['addressee'] }[] = await manager.query(
      `SELECT DISTINCT ON (lower(recipient_email)) recipient_name, recipient_email, audience FROM notifications
        WHERE stream_id = $1 AND escalation_id = $2 AND status = 'sent' ORDER BY lower(recipient_email), created_at`,
      [streamId, escalationId],
    );
    return told.map((row) => ({
      addressee: row.audience,
      key: row.recipient_email.toLowerCase(),
      nombre: row.recipient_name,
      email: row.recipient_email,
      problem: null,
    }));
  }

  private async idsOf(manager: EntityManager, keys: readonly string[]): Promise<string[]> {
    const rows: { id: string; idempotency_key: string }[] = await manager.query(
      'SELECT id, idempotency_key FROM notifications WHERE idempotency_key = ANY($1)',
      [keys],
    );
    const byKey = new Map(rows.map((row) => [row.idempotency_key, row.id]));
    return [...new Set(keys)].flatMap((key) => byKey.get(key) ?? []);
  }

  /** Only for a convened person with an address: the link speaks for them alone, about this session. */
  private answerUrl(content: NotificationContent, recipient: Recipient): string | undefined {
    if (!ANSWERABLE.has(content.kind) || !('session' in content) || content.session === null) return undefined;
    if (recipient.email === null || recipient.personId === undefined) return undefined;
    if (recipient.addressee !== 'integrantes' && recipient.addressee !== 'facilitador') return undefined;
    const subject = { entidad: content.entidad, sessionId: content.session.sessionId, memberId: recipient.personId };
    return answerLinkUrl(this.options.publicBaseUrl, signAnswerToken(subject, this.options.mailLinkSecret));
  }

  private row(streamId: string, notification: PlannedNotification, recipient: Recipient, today: LocalDate): NewNotificationRow {
    const { content } = notification;
    const message = renderNotification(content, recipient, { publicBaseUrl: this.options.publicBaseUrl, today, answerUrl: this.answerUrl(content, recipient) });
    return {
      idempotencyKey: idempotencyKey(streamId, notification.ref, recipient.key),
      streamId,
      seq: notification.seq,
      entidad: content.entidad,
      kind: content.kind,
      audience: recipient.addressee,
      recipientName: recipient.nombre,
      recipientEmail: recipient.email,
      subject: message.subject,
      bodyText: message.text,
      bodyHtml: message.html,
      attachments: attachmentsFor(content),
      status: recipient.email === null ? 'undeliverable' : 'pending',
      lastError: recipient.problem,
      escalationId: content.kind === 'escalation_enlace' || content.kind === 'escalation_coordinador' ? content.escalationId : null,
    };
  }
}

/** A convocation carries the session as an .ics, so it lands in the member's calendar. */
export function attachmentsFor(content: NotificationContent): NotificationAttachment[] {
  if (content.kind === 'session_cancelled') {
    return [
      {
        filename: `sesion-${content.session.date}-cancelada.ics`,
        contentType: 'text/calendar; charset=utf-8; method=CANCEL',
        content: sessionsCalendar(content.entidad, [{ ...content.session, cancelled: true }], content.cancelledAt, 'CANCEL'),
      },
    ];
  }
  if (content.kind === 'session_rescheduled') {
    return [
      {
        filename: `sesion-${content.session.date}.ics`,
        contentType: 'text/calendar; charset=utf-8; method=REQUEST',
        content: sessionsCalendar(content.entidad, [content.session], content.rescheduledAt, 'REQUEST'),
      },
    ];
  }
  if (content.kind !== 'session_convened') return [];
  const entidad: Entidad = content.entidad;
  return [
    {
      filename: `sesion-${content.session.date}.ics`,
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: sessionsCalendar(entidad, [content.session], content.convenedAt),
    },
  ];
}
