import { type ExerciseState, exerciseSummary } from '@app/domain';
import { type EntityManager } from 'typeorm';
import { ExerciseView } from '../entities/exercise-view.entity';

/** The exercises row is a function of the folded state, so live writes and rebuilds give the same rows. */
export function exerciseRow(state: ExerciseState, updatedAt: Date): ExerciseView | undefined {
  const summary = exerciseSummary(state);
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

export async function projectExercise(manager: EntityManager, state: ExerciseState, at: Date): Promise<void> {
  const row = exerciseRow(state, at);
  if (row) await manager.upsert(ExerciseView, row, ['id']);
}
