import { type ExerciseSummary } from '@app/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of exercises: what lists and dashboards show, without asking Temporal. */
@Entity({ name: 'exercises' })
export class ExerciseView {
  /** The workflow id, `exercise/<entidad>/<n>`. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'char', length: 2 })
  entidad!: string;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'text' })
  status!: 'open' | 'closed';

  @Column({ name: 'current_step', type: 'smallint' })
  currentStep!: number;

  @Column({ name: 'current_stage', type: 'smallint' })
  currentStage!: number;

  @Column({ name: 'started_on', type: 'date' })
  startedOn!: string;

  @Column({ name: 'last_progress_on', type: 'date' })
  lastProgressOn!: string;

  @Column({ name: 'pal_launched_on', type: 'date', nullable: true })
  palLaunchedOn!: string | null;

  @Column({ name: 'monitoring_due_on', type: 'date', nullable: true })
  monitoringDueOn!: string | null;

  @Column({ name: 'evaluation_due_on', type: 'date', nullable: true })
  evaluationDueOn!: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ name: 'open_escalations', type: 'integer' })
  openEscalations!: number;

  @Column({ type: 'jsonb' })
  summary!: ExerciseSummary;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
