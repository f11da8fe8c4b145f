import { exerciseStreamId, parseStreamId, stlStreamId } from '@app/domain';

/** Workflow ids are business keys: the id is how people and the API find a state's workflows. */
export { TASK_QUEUE } from './task-queue';

/** A workflow's id is its stream's id (libs/domain, stream-ids.ts). */
export const stlWorkflowId = stlStreamId;

export const exerciseWorkflowId = exerciseStreamId;

export function parseExerciseId(id: string): { entidad: string; number: number } | undefined {
  const stream = parseStreamId(id);
  return stream?.aggregate === 'exercise' ? { entidad: stream.entidad, number: stream.number } : undefined;
}
