import { exerciseWorkflowId, parseExerciseId } from '@app/contracts';
import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiProblem } from '../errors/api-problem';

const RESOURCE_ID = /^(\d{2})-([1-9]\d{0,3})$/;

/** `14-1` in URLs (or the encoded workflow id `exercise%2F14%2F1`) → the workflow id `exercise/14/1`. */
@Injectable()
export class ExerciseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const short = RESOURCE_ID.exec(value);
    const parsed = short ? { entidad: short[1], number: Number(short[2]) } : parseExerciseId(value);
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
