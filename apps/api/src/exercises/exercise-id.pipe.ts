import { exerciseWorkflowId, parseExerciseId } from '@app/contracts';
import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiProblem } from '../errors/api-problem';

const RESOURCE_ID = /^(\d{2})-([1-9]\d{0,3})$/;

/** `14-1` in URLs, or the encoded workflow id `exercise%2F14%2F1`. */
export function parseExerciseParam(value: string): { entidad: string; number: number } | undefined {
  const short = RESOURCE_ID.exec(value);
  return short ? { entidad: short[1], number: Number(short[2]) } : parseExerciseId(value);
}

/** The state an exercise belongs to, read from its id (authorisation happens before the id is validated). */
export function entidadOfExerciseParam(value: string): string | undefined {
  return parseExerciseParam(value)?.entidad;
}

/** `14-1` in URLs (or the encoded workflow id `exercise%2F14%2F1`) → the workflow id `exercise/14/1`. */
@Injectable()
export class ExerciseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const parsed = parseExerciseParam(value);
    if (!parsed) {
      throw new ApiProblem(400, 'INVALID_EXERCISE_ID', 'Identificador de ejercicio inválido; use <entidad>-<número>, p. ej. 14-1.');
    }
    return exerciseWorkflowId(parsed.entidad, parsed.number);
  }
}

export function exerciseResourceId(workflowId: string): string {
  const parsed = parseExerciseId(workflowId);
  return parsed ? `${parsed.entidad}-${parsed.number}` : workflowId;
}
