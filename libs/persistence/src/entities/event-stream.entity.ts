import { type AggregateKind } from '@app/contracts';
import { type DeadlinePolicy } from '@app/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a stream is and the deadline policy its workflow runs under; written by the append, read by every reader. */
@Entity({ name: 'event_streams' })
export class EventStreamRecord {
  @PrimaryColumn({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ type: 'text' })
  aggregate!: AggregateKind;

  /** Null for streams not appended to since the policy was kept: DOMAIN.md's numbers. */
  @Column({ type: 'jsonb', nullable: true })
  policy!: DeadlinePolicy | null;
}
