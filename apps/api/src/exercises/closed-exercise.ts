import { exerciseErrors } from '@app/domain';
import { ExerciseView } from '@app/persistence';
import { type DataSource } from 'typeorm';
import { ApiProblem } from '../errors/api-problem';

/**
 * A closed exercise's workflow has ended, so Temporal no longer knows it and a command to it fails as "not found".
 * The read model still holds the exercise: the answer is then the rule's own 409 EXERCISE_CLOSED, as documented.
 */
export async function closedExerciseOr(error: unknown, dataSource: DataSource, workflowId: string): Promise<unknown> {
  if (!(error instanceof ApiProblem) || error.getStatus() !== 404) return error;
  const exercise = await dataSource.getRepository(ExerciseView).findOne({ where: { id: workflowId }, select: { id: true, status: true } });
  if (exercise?.status !== 'closed') return error;
  const { code, message } = exerciseErrors.EXERCISE_CLOSED();
  return new ApiProblem(409, code, message);
}
