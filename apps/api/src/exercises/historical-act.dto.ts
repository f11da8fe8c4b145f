import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsTextField } from '../validation/decorators';

export class PalHistoricalActDto {
  @IsTextField(1_000, {
    description: 'Por qué el acto se registra después de su fecha',
    example: 'Ejercicio realizado antes de usar el sistema; se registra con sus actas.',
  })
  justification!: string;
}

/**
 * `historical` of the PAL's acts: a date before today is only accepted as a historical act with its justification
 * (422 PAL_ACT_BACKDATED without it); the act still obeys the order and the dates of the method.
 */
export function HistoricalPalActField(dateField: string): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    IsObject({ message: 'debe ser un objeto { justification }' }),
    ValidateNested(),
    Type(() => PalHistoricalActDto),
    ApiPropertyOptional({
      type: PalHistoricalActDto,
      description:
        `Solo para registrar un acto ya ocurrido (\`${dateField}\` anterior a hoy): su justificación; se muestra como ` +
        '«Acto histórico». Sin él, una fecha anterior a hoy se rechaza (422 PAL_ACT_BACKDATED). El acto sigue el orden ' +
        'y las fechas del método (p. ej. el monitoreo no antes de los seis meses del lanzamiento).',
    }),
  );
}
