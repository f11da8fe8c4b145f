/** Workflow ids are business keys: the id is how people and the API find a state's workflows. */
export const TASK_QUEUE = 'cocreacion';

export function stlWorkflowId(entidad: string): string {
  return `stl/${entidad}`;
}

export function exerciseWorkflowId(entidad: string, number: number): string {
  return `exercise/${entidad}/${number}`;
}

const EXERCISE_ID = /^exercise\/(\d{2})\/([1-9]\d{0,3})$/;

export function parseExerciseId(id: string): { entidad: string; number: number } | undefined {
  const match = EXERCISE_ID.exec(id);
  return match ? { entidad: match[1], number: Number(match[2]) } : undefined;
}
