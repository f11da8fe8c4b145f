import { type DeadlinePolicy, type ExerciseState, exerciseSummary } from '@app/domain';
import { type EntityManager } from 'typeorm';
import { CommitmentView } from '../entities/commitment-view.entity';
import { ExerciseView } from '../entities/exercise-view.entity';
import { projectEscalations } from './escalations.projection';
import { insertRows, upsertRow } from './rows';

/** The exercises row is a function of the folded state, so live writes and rebuilds give the same rows. */
export function exerciseRow(state: ExerciseState, policy: DeadlinePolicy, updatedAt: Date): ExerciseView | undefined {
  const summary = exerciseSummary(state, policy);
  if (!summary) return undefined;
  return Object.assign(new ExerciseView(), {
    id: summary.streamId,
    entidad: summary.entidad,
    number: summary.number,
    status: summary.status,
    currentStep: summary.currentStep,
    currentStage: summary.currentStage,
    startedOn: summary.startedOn,
    lastProgressOn: summary.lastProgressOn,
    palLaunchedOn: summary.palLaunchedOn ?? null,
    monitoringDueOn: summary.monitoringDueOn ?? null,
    evaluationDueOn: summary.evaluationDueOn ?? null,
    closedOn: summary.closedOn ?? null,
    openEscalations: summary.openEscalations,
    summary,
    updatedAt,
  });
}

export async function projectExercise(
  manager: EntityManager,
  streamId: string,
  state: ExerciseState,
  policy: DeadlinePolicy,
  at: Date,
): Promise<void> {
  const row = exerciseRow(state, policy, at);
  if (!row || state.status === 'not_started') return;
  await upsertRow(manager, ExerciseView, row, ['id']);
  await manager.delete(CommitmentView, { exerciseId: streamId });
  await insertRows(
    manager,
    CommitmentView,
    state.commitments.map((commitment) =>
        Object.assign(new CommitmentView(), {
          exerciseId: streamId,
          commitmentId: commitment.id,
          entidad: state.entidad,
          title: commitment.title,
          kind: commitment.kind,
          completion: commitment.completion,
          reportedOn: commitment.reportedOn ?? null,
          launched: state.pal !== undefined,
        data: commitment,
      }),
    ),
  );
  await projectEscalations(manager, streamId, state.entidad, state.escalations);
}
