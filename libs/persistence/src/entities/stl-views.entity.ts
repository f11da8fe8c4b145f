import { type CastVote, type ConvocationForecast, type StlSummary } from '@app/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'stls' })
export class StlView {
  @PrimaryColumn({ type: 'char', length: 2 })
  entidad!: string;

  @Column({ type: 'text' })
  status!: 'en_integracion' | 'instalado';

  @Column({ name: 'decision_rule', type: 'text' })
  decisionRule!: string;

  @Column({ name: 'installed_on', type: 'date', nullable: true })
  installedOn!: string | null;

  @Column({ name: 'facilitador_vacante', type: 'boolean' })
  facilitadorVacante!: boolean;

  @Column({ name: 'vacant_since', type: 'date', nullable: true })
  vacantSince!: string | null;

  @Column({ name: 'last_session_on', type: 'date', nullable: true })
  lastSessionOn!: string | null;

  @Column({ name: 'next_session_due_on', type: 'date', nullable: true })
  nextSessionDueOn!: string | null;

  @Column({ name: 'open_escalations', type: 'integer' })
  openEscalations!: number;

  @Column({ type: 'jsonb' })
  summary!: StlSummary;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Contact data lives here: never exported to open data or the public board. */
@Entity({ name: 'stl_members' })
export class StlMemberView {
  @PrimaryColumn({ type: 'char', length: 2 })
  entidad!: string;

  @PrimaryColumn({ name: 'member_id', type: 'text' })
  memberId!: string;

  @Column({ type: 'text' })
  sector!: string;

  @Column({ type: 'text' })
  role!: string;

  @Column({ type: 'text' })
  nombre!: string;

  @Column({ type: 'text' })
  organizacion!: string;

  @Column({ type: 'text', nullable: true })
  cargo!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'seat_id', type: 'text', nullable: true })
  seatId!: string | null;

  @Column({ name: 'has_vote', type: 'boolean' })
  hasVote!: boolean;

  @Column({ name: 'joined_on', type: 'date' })
  joinedOn!: string;
}

@Entity({ name: 'stl_sessions' })
export class StlSessionView {
  @PrimaryColumn({ type: 'char', length: 2 })
  entidad!: string;

  @PrimaryColumn({ name: 'session_id', type: 'text' })
  sessionId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'convoked_on', type: 'date' })
  convokedOn!: string;

  /** The latest valid convocation date for this session: lets the board show notice compliance. */
  @Column({ name: 'notice_deadline', type: 'date' })
  noticeDeadline!: string;

  @Column({ type: 'jsonb' })
  agenda!: readonly string[];

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ type: 'text', nullable: true })
  link!: string | null;

  @Column({ type: 'boolean', nullable: true })
  quorum!: boolean | null;

  @Column({ type: 'jsonb', nullable: true })
  attendance!: unknown;

  @Column({ type: 'jsonb' })
  decisions!: readonly { subject: string; approved: boolean; votes: readonly CastVote[] }[];

  @Column({ type: 'jsonb', nullable: true })
  minutes!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  cancellation!: unknown;

  /** `HH:MM` Mexico City, when the convocation states it; null for an all-day session. */
  @Column({ name: 'start_time', type: 'text', nullable: true })
  startTime!: string | null;

  @Column({ name: 'end_time', type: 'text', nullable: true })
  endTime!: string | null;

  /** Set when the convocation was recorded as a historical act: why its date precedes its recording. */
  @Column({ name: 'historical_justification', type: 'text', nullable: true })
  historicalJustification!: string | null;

  /** Earlier dates of a session moved to another day: `{ from, reason, at }`, oldest first. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  reschedulings!: readonly { readonly from: string; readonly reason: string; readonly at: string }[];

  /** While convened: who confirmed, declined or has not answered, and the quorum the confirmed would make. */
  @Column({ type: 'jsonb', nullable: true })
  forecast!: ConvocationForecast | null;
}
