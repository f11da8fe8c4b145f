import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'undeliverable', 'withdrawn'] as const;

/**
 * `pending` until the SMTP server accepts it; `undeliverable` when nobody can receive it (the reason says why);
 * `withdrawn` when what it announced ended before it left (an escalation resolved meanwhile).
 */
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export type NotificationEscalation = 'pending' | 'signalled';

export interface NotificationAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: string;
}

/**
 * The outbox: one e-mail to one person, rendered when the events that cause it are stored (same transaction),
 * delivered afterwards by the worker's dispatcher. Contact data lives here: never exported to open data.
 */
@Entity({ name: 'notifications' })
export class NotificationRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `<stream id>|<deadline id or event ref>|<recipient>`: unique, and the e-mail's Message-ID. */
  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey!: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  /** Position of the event that caused it: a retried append finds its rows by stream and positions. */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'char', length: 2 })
  entidad!: string;

  @Column({ type: 'text' })
  kind!: string;

  /** The role through which the person is addressed (garante, facilitador, integrantes, enlace, coordinador). */
  @Column({ type: 'text' })
  audience!: string;

  @Column({ name: 'recipient_name', type: 'text' })
  recipientName!: string;

  @Column({ name: 'recipient_email', type: 'text', nullable: true })
  recipientEmail!: string | null;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'body_text', type: 'text' })
  bodyText!: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments!: NotificationAttachment[];

  @Column({ type: 'text' })
  status!: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  /** A pending row is not tried again before this instant (its own backoff after a temporary failure). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  /** `pending` once the SMTP server refused the row for good, until the coordinación has been told (`signalled`). */
  @Column({ type: 'text', nullable: true })
  escalation!: NotificationEscalation | null;

  /** The escalation an escalation e-mail announces: withdrawn if it is resolved before the e-mail leaves. */
  @Column({ name: 'escalation_id', type: 'text', nullable: true })
  escalationId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** When an operator queued this undeliverable row again (at most once), and who. */
  @Column({ name: 'requeued_at', type: 'timestamptz', nullable: true })
  requeuedAt!: Date | null;

  @Column({ name: 'requeued_by', type: 'text', nullable: true })
  requeuedBy!: string | null;
}
