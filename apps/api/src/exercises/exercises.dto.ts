import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsEntidadField, IsLocalDateField, IsTextField, IsUrlListField } from '../validation/decorators';

export class StartExerciseDto {
  @IsEntidadField()
  entidad!: string;

  @IsLocalDateField({ description: 'Fecha de firma de la Declaración Conjunta (inicio del ejercicio)' })
  startedOn!: string;
}

export class CompleteStageDto {
  @IsLocalDateField({ description: 'Fecha en que concluyó la etapa (no futura ni anterior a la etapa previa)' })
  completedOn!: string;

  @IsOptional()
  @IsUrlListField(20, { required: false, description: 'Enlaces a la evidencia publicada en el micrositio' })
  evidence?: string[];

  @IsOptional()
  @IsTextField(2_000, {
    required: false,
    description: 'Obligatoria para omitir etapas anteriores o fusionar varias en un solo acto (Anexo 1)',
    example: 'El Grupo Promotor acordó fusionar la selección de representantes y del facilitador.',
  })
  justification?: string;

  @IsOptional()
  @IsArray({ message: 'debe ser una lista' })
  @ArrayMaxSize(9, { message: 'admite como máximo 9 etapas' })
  @IsInt({ each: true, message: 'cada etapa debe ser un número entero' })
  @Min(1, { each: true, message: 'las etapas van de 1 a 10' })
  @Max(10, { each: true, message: 'las etapas van de 1 a 10' })
  @ApiPropertyOptional({ type: [Number], description: 'Otras etapas concluidas en el mismo acto', example: [8] })
  mergedWith?: number[];
}

export const EXERCISE_STATUSES = ['open', 'closed'] as const;

export class ListExercisesQuery {
  @IsOptional()
  @IsEntidadField({ required: false })
  entidad?: string;

  @IsOptional()
  @IsIn(EXERCISE_STATUSES, { message: 'debe ser "open" o "closed"' })
  @ApiPropertyOptional({ enum: EXERCISE_STATUSES })
  status?: (typeof EXERCISE_STATUSES)[number];
}
