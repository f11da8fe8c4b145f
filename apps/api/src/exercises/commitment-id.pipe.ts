import { type PipeTransform } from '@nestjs/common';
import { invalidField } from '../errors/api-problem';
import { COMMITMENT_ID_PATTERN } from './exercise-fields';

/** `C1` in `/commitments/C1/progress`: the same shape the commitment's `id` field accepts. */
export class CommitmentIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!COMMITMENT_ID_PATTERN.test(value)) {
      throw invalidField('commitmentId', 'debe tener de 1 a 64 letras, dígitos, puntos, guiones o guiones bajos');
    }
    return value;
  }
}
