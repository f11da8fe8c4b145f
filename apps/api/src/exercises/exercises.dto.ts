import { DECISION_RULES, type DecisionRule } from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { IsEntidadField, IsHttpUrlField, IsLocalDateField, IsTextField, IsUrlListField } from '../validation/decorators';
import { IsQueryIntegerField } from './exercise-fields';
import { HistoricalPalActField, PalHistoricalActDto } from './historical-act.dto';

export class StartExerciseDto {
  @IsEntidadField()
  entidad!: string;

  @IsLocalDateField({ description: 'Fecha de firma de la Declaración Conjunta (inicio del ejercicio)' })
  startedOn!: string;

  @IsOptional()
  @IsIn(DECISION_RULES, { message: `debe ser una de: ${DECISION_RULES.join(', ')}` })
  @ApiPropertyOptional({
    enum: DECISION_RULES,
    default: 'consensus_then_majority',
    description:
      'Regla de decisión del STL de la entidad, solo si este ejercicio lo crea (flujo `stl/<entidad>`); ' +
      'un STL ya registrado conserva la suya',
  })
  decisionRule?: DecisionRule;
}

export class CompleteStageDto {
  @IsLocalDateField({ description: 'Fecha en que concluyó la etapa (no futura ni anterior a la etapa previa)' })
  completedOn!: string;

  @IsOptional()
  @IsUrlListField(20, { required: false, description: 'Enlaces a la evidencia publicada en el micrositio' })
  evidence?: string[];

  @IsOptional()
  @IsTextField(2_000, {
    multiline: true,
    required: false,
    description: 'Obligatoria para omitir etapas anteriores o fusionar varias en un solo acto (Anexo 1)',
    example: 'El Grupo Promotor acordó fusionar la selección de representantes y del facilitador.',
  })
  justification?: string;

  // Optional, but not null: null is not a list of stages (the workflow's decider spread it and failed, a 500).
  @ValidateIf((_body, value) => value !== undefined)
  @IsArray({ message: 'debe ser una lista' })
  @ArrayMaxSize(9, { message: 'admite como máximo 9 etapas' })
  @Max(10, { each: true, message: 'las etapas van de 1 a 10' })
  @Min(1, { each: true, message: 'las etapas van de 1 a 10' })
  @IsInt({ each: true, message: 'cada etapa debe ser un número entero' })
  @ApiPropertyOptional({ type: [Number], description: 'Otras etapas concluidas en el mismo acto', example: [8] })
  mergedWith?: number[];
}

/** Steps 1 (Declaración Conjunta) and 4 (mesas concluded); the others complete by themselves. */
export class CompleteStepDto {
  @IsLocalDateField({ description: 'Fecha en que concluyó el paso (no futura ni anterior al paso previo)' })
  completedOn!: string;

  @IsOptional()
  @IsUrlListField(20, { required: false, description: 'Enlaces a la evidencia publicada en el micrositio' })
  evidence?: string[];
}

/** The mecanismo de gobernanza or the annual work agenda, adopted by the STL and published on the micrositio. */
export class AdoptedDocumentDto {
  @IsLocalDateField({ description: 'Fecha en que el STL adoptó el documento (puede ser anterior al ejercicio)' })
  adoptedOn!: string;

  @IsHttpUrlField({ description: 'Enlace al documento publicado en el micrositio' })
  documentUrl!: string;
}

/** The six-month monitoring or the annual evaluation of the PAL. */
export class PalReviewDto {
  @IsLocalDateField({ description: 'Fecha en que concluyó (no futura ni anterior al lanzamiento del PAL)' })
  completedOn!: string;

  @IsTextField(5_000, {
    multiline: true,
    description: 'Resumen de los resultados',
    example: 'Los cinco compromisos avanzan; dos requieren ajustar sus indicadores.',
  })
  summary!: string;

  @IsOptional()
  @IsUrlListField(20, { required: false, description: 'Enlaces al informe publicado' })
  evidence?: string[];

  @IsOptional()
  @IsHttpUrlField({
    required: false,
    description: 'Micrositio de gobierno abierto del organismo garante, con la evidencia y el tablero de seguimiento (requisito para concluir el paso 6)',
    example: 'https://micrositio.example.org/gobierno-abierto',
  })
  micrositioUrl?: string;

  @HistoricalPalActField('completedOn')
  historical?: PalHistoricalActDto;
}

export const EXERCISE_STATUSES = ['open', 'closed'] as const;

/**
 * Without `limit`, the first 50 rows: more than the 32 states' open exercises, so today's clients see them all, and
 * small enough for 200 requests per second with a p95 under 100 ms on a two-core machine (bench/RESULTS.md).
 */
export const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 500;
export const MAX_LIST_OFFSET = 1_000_000;

export class ListExercisesQuery {
  @IsOptional()
  @IsEntidadField({ required: false })
  entidad?: string;

  @IsOptional()
  @IsIn(EXERCISE_STATUSES, { message: 'debe ser "open" o "closed"' })
  @ApiPropertyOptional({ enum: EXERCISE_STATUSES })
  status?: (typeof EXERCISE_STATUSES)[number];

  @IsOptional()
  @IsQueryIntegerField(1, MAX_LIST_LIMIT, {
    default: DEFAULT_LIST_LIMIT,
    description: `Cuántos ejercicios devolver (por omisión ${DEFAULT_LIST_LIMIT}), ordenados por entidad y número`,
  })
  limit?: number;

  @IsOptional()
  @IsQueryIntegerField(0, MAX_LIST_OFFSET, { default: 0, description: 'Cuántos ejercicios saltar (paginación)' })
  offset?: number;
}
