import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Escalations of every stream (exercise stalls, STL vacancy and cadence), for the coordinators' inbox. */
@Entity({ name: 'escalations' })
export class EscalationView {
  /** `<stream id>#<escalation id>`: escalation ids are unique within their stream only. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ name: 'escalation_id', type: 'text' })
  escalationId!: string;

  @Column({ type: 'char', length: 2 })
  entidad!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  level!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ name: 'acknowledged_by', type: 'text', nullable: true })
  acknowledgedBy!: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;
}
