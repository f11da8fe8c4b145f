import { type PipeTransform } from '@nestjs/common';
import { invalidField } from '../errors/api-problem';

/** A whole number in [min, max] from the path (stage 1–10, step 1–6…). */
export class IntParamPipe implements PipeTransform<string, number> {
  constructor(
    private readonly field: string,
    private readonly min: number,
    private readonly max: number,
  ) {}

  transform(value: string): number {
    const number = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(number) || number < this.min || number > this.max) {
      throw invalidField(this.field, `debe ser un número entero entre ${this.min} y ${this.max}`);
    }
    return number;
  }
}
