import { type Commitment } from '@app/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** PAL commitments with their progress on the OGP IRM completion scale. */
@Entity({ name: 'commitments' })
export class CommitmentView {
  @PrimaryColumn({ name: 'exercise_id', type: 'text' })
  exerciseId!: string;

  @PrimaryColumn({ name: 'commitment_id', type: 'text' })
  commitmentId!: string;

  @Column({ type: 'char', length: 2 })
  entidad!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  completion!: string;

  @Column({ name: 'reported_on', type: 'date', nullable: true })
  reportedOn!: string | null;

  /** False while the commitments are the mesas' draft, true once the PAL is launched. */
  @Column({ type: 'boolean' })
  launched!: boolean;

  @Column({ type: 'jsonb' })
  data!: Commitment;
}
