import { Column, Entity, PrimaryColumn } from 'typeorm';

export const IDEMPOTENCY_KEY_STATUSES = ['in_progress', 'completed'] as const;

/** `in_progress` while a request holds the key (or after it failed without an answer worth keeping). */
export type IdempotencyKeyStatus = (typeof IDEMPOTENCY_KEY_STATUSES)[number];

/**
 * One `Idempotency-Key` of one account: what request it names (a fingerprint) and, once answered, the answer kept to
 * replay byte for byte. Rows expire (`expires_at`) and are purged; see apps/api/src/idempotency.
 */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyRecord {
  /** The username: two accounts may use the same key without seeing each other's answers. */
  @PrimaryColumn({ type: 'text' })
  account!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** SHA-256 of the method, route, path parameters and canonical JSON body. */
  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'text' })
  method!: string;

  /** The request's path, for whoever reads the table; the fingerprint is what is compared. */
  @Column({ type: 'text' })
  path!: string;

  /** The Temporal Update id every attempt with this key sends, so Temporal runs the command once. */
  @Column({ name: 'update_id', type: 'text' })
  updateId!: string;

  /** Values the request chose from the read model before sending its Update (a session's number), for its retries. */
  @Column({ type: 'jsonb', default: {} })
  choices!: Record<string, unknown>;

  @Column({ type: 'text' })
  status!: IdempotencyKeyStatus;

  /** Who holds the key now; null once answered or released. */
  @Column({ name: 'lease_token', type: 'uuid', nullable: true })
  leaseToken!: string | null;

  /** The holder's lease ends here, so a request that died does not lock its key for ever. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  /** The JSON text sent, kept as text: jsonb would reorder its keys. */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
