import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsEntidadField, IsTextField } from '../validation/decorators';
import { IsQueryIntegerField } from '../exercises/exercise-fields';

export const ESCALATION_STATUSES = ['abierta', 'reconocida', 'resuelta'] as const;
export type EscalationStatusFilter = (typeof ESCALATION_STATUSES)[number];

export const DEFAULT_ESCALATIONS_LIMIT = 100;
export const MAX_ESCALATIONS_LIMIT = 500;

export class ListEscalationsQuery {
  @IsOptional()
  @IsIn(ESCALATION_STATUSES, { message: 'debe ser "abierta", "reconocida" o "resuelta"' })
  @ApiPropertyOptional({ enum: ESCALATION_STATUSES, description: 'Abierta, reconocida por alguien del INAI, o resuelta' })
  status?: EscalationStatusFilter;

  @IsOptional()
  @IsEntidadField({ required: false })
  entidad?: string;

  @IsOptional()
  @IsQueryIntegerField(1, MAX_ESCALATIONS_LIMIT, {
    default: DEFAULT_ESCALATIONS_LIMIT,
    description: `Cuántos escalamientos devolver (por omisión ${DEFAULT_ESCALATIONS_LIMIT}), los más recientes primero`,
  })
  limit?: number;

  @IsOptional()
  @IsQueryIntegerField(0, 1_000_000, { default: 0, description: 'Cuántos saltar (paginación)' })
  offset?: number;
}

export class ResolveEscalationDto {
  @IsTextField(2_000, {
    multiline: true,
    description: 'Cómo se atendió',
    example: 'El STL designó facilitadora en su sesión extraordinaria del 12 de noviembre.',
  })
  resolution!: string;
}
