import { type EventMetadata } from '../event-store/event-content';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** The source of truth: append-only, never updated or deleted. Everything else is derived from it. */
@Entity({ name: 'domain_events' })
@Unique('domain_events_stream_seq', ['streamId', 'seq'])
export class DomainEventRecord {
  /** Global order of appends, for rebuilding projections in the order things were recorded. */
  @PrimaryGeneratedColumn({ type: 'bigint', name: 'position' })
  position!: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  data!: unknown;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  metadata!: EventMetadata;

  /** `contentHash()` of type, data and metadata; null for events stored before hashes were kept. */
  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
