import { COMMITMENT_COMPLETIONS, COMMITMENT_KINDS, type CommitmentCompletion, type CommitmentKind } from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsLocalDateField, IsTextField, IsUrlListField } from '../validation/decorators';
import { IsCommitmentIdField, IsTextListField } from './exercise-fields';
import { HistoricalPalActField, PalHistoricalActDto } from './historical-act.dto';

/** Well above the PAL's minimum of five (71 commitments in the whole country in 2017, buena-practica-mesicic.md). */
export const MAX_COMMITMENTS = 50;
const MAX_LIST_ITEMS = 30;

/**
 * One commitment as the mesas participativas write it (seis-pasos-2016.txt, paso 4). The lists may be empty in a
 * draft; step 4 and the PAL launch then answer with what each commitment still lacks.
 */
export class CommitmentDto {
  @IsCommitmentIdField({ description: 'Identificador del compromiso, único en el ejercicio' })
  id!: string;

  @IsTextField(300, { description: 'Título del compromiso', example: 'Datos abiertos de obra pública' })
  title!: string;

  @IsIn(COMMITMENT_KINDS, { message: `debe ser uno de: ${COMMITMENT_KINDS.join(', ')}` })
  @ApiProperty({
    enum: COMMITMENT_KINDS,
    description: 'Agenda nacional, problema local o Follow the Money (mínimos del PAL: 2, 2 y 1)',
  })
  kind!: CommitmentKind;

  @IsOptional()
  @IsTextField(4_000, { multiline: true, required: false, description: 'Problema que atiende y resultado esperado' })
  description?: string;

  @IsTextListField(MAX_LIST_ITEMS, 1_000, { example: ['Mesas de trabajo con las dependencias responsables'] })
  activities!: string[];

  @IsTextListField(MAX_LIST_ITEMS, 1_000, { example: ['Informe público de avance'] })
  products!: string[];

  @IsTextListField(MAX_LIST_ITEMS, 1_000, {
    description: 'Indicadores de desempeño',
    example: ['Porcentaje de actividades concluidas'],
  })
  indicators!: string[];

  @IsTextListField(MAX_LIST_ITEMS, 200, {
    description: 'Integrantes del STL corresponsables',
    example: ['14-gobierno-1', '14-sociedadcivil-1'],
  })
  responsibles!: string[];
}

/** `@ValidateNested` for a list of objects: each item must be an object, then its own fields are checked. */
function CommitmentList(): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: 'debe ser una lista' }),
    ArrayMaxSize(MAX_COMMITMENTS, { message: `admite como máximo ${MAX_COMMITMENTS} compromisos` }),
    IsObject({ each: true, message: 'cada compromiso debe ser un objeto' }),
    ValidateNested({ each: true }),
    Type(() => CommitmentDto),
  );
}

/** The mesas' draft (paso 4): replaces the previous one, until the PAL is launched. */
export class DefineCommitmentsDto {
  @CommitmentList()
  @ApiProperty({ type: [CommitmentDto], maxItems: MAX_COMMITMENTS })
  commitments!: CommitmentDto[];

  @IsOptional()
  @IsLocalDateField({
    required: false,
    description: 'Fecha de las mesas que acordaron los compromisos; hoy si se omite (anterior a hoy: acto histórico)',
  })
  definedOn?: string;

  @HistoricalPalActField('definedOn')
  historical?: PalHistoricalActDto;
}

export class LaunchPalDto {
  @IsLocalDateField({ description: 'Fecha del evento público que inicia la implementación del PAL (paso 5)' })
  launchedOn!: string;

  @IsOptional()
  @CommitmentList()
  @ApiPropertyOptional({
    type: [CommitmentDto],
    maxItems: MAX_COMMITMENTS,
    description: 'Compromisos del PAL; sin ellos se usan los definidos en las mesas',
  })
  commitments?: CommitmentDto[];

  @IsOptional()
  @IsUrlListField(20, { required: false, description: 'Enlaces al PAL publicado y a la evidencia del evento' })
  evidence?: string[];

  @HistoricalPalActField('launchedOn')
  historical?: PalHistoricalActDto;
}

/** Progress of one commitment on the OGP IRM completion scale (tablero de seguimiento del micrositio). */
export class CommitmentProgressDto {
  @IsIn(COMMITMENT_COMPLETIONS, { message: `debe ser uno de: ${COMMITMENT_COMPLETIONS.join(', ')}` })
  @ApiProperty({ enum: COMMITMENT_COMPLETIONS, description: 'Grado de avance en la escala del MRI de la AGA' })
  completion!: CommitmentCompletion;

  @IsLocalDateField({ description: 'Fecha del reporte (no futura ni anterior al reporte previo)' })
  reportedOn!: string;

  @IsOptional()
  @IsUrlListField(20, { required: false, description: 'Enlaces a la evidencia del avance' })
  evidence?: string[];

  @HistoricalPalActField('reportedOn')
  historical?: PalHistoricalActDto;
}
