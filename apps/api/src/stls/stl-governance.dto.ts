import {
  type AdoptGovernanceMechanism,
  CONVENERS,
  type Convener,
  DECISION_RULES,
  type DecisionRule,
  GOVERNANCE_TEMPLATES,
  type GovernanceTemplate,
  RESERVED_ACT_KINDS,
  type ReservedActKind,
  type Sector,
  SECTORS,
  type TieBreak,
} from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsLocalDateField, IsTextField } from '../validation/decorators';
import { IsIdentifierField, IsIdentifierListField } from './stl-validation';

/** The decision of a session an act reserved to the STL rests on. */
export class DecisionRefDto {
  @IsIdentifierField({ description: 'Sesión en que se aprobó la decisión', example: '2027-02-10-1' })
  sessionId!: string;

  @IsIdentifierField({ description: 'Número de la decisión en la sesión (1, 2…), en el orden en que se registró', example: '1' })
  decisionId!: string;
}

export class HistoricalReservedActDto {
  @IsTextField(1_000, {
    multiline: true,
    description: 'Por qué el acto se registra sin la sesión que lo decidió',
    example: 'Acordado en la sesión del 10 de octubre de 2026, cuya acta está en papel.',
  })
  justification!: string;
}

const AUTHORITY =
  'Una vez instalado el STL, este acto le corresponde: `decision` (la decisión aprobada sobre este acto) o ' +
  '`historical` (acto sin sesión registrada, con su justificación). Sin ninguno: 409 DECISION_REQUIRED.';

/** `decision` and `historical`, for the DTOs of acts reserved to the STL. */
export function ReservedActAuthority(): { decision: PropertyDecorator; historical: PropertyDecorator } {
  return {
    decision: applyDecorators(
      IsOptional(),
      IsObject({ message: 'debe ser un objeto { sessionId, decisionId }' }),
      ValidateNested(),
      Type(() => DecisionRefDto),
      ApiPropertyOptional({ type: DecisionRefDto, description: AUTHORITY }),
    ),
    historical: applyDecorators(
      IsOptional(),
      IsObject({ message: 'debe ser un objeto { justification }' }),
      ValidateNested(),
      Type(() => HistoricalReservedActDto),
      ApiPropertyOptional({ type: HistoricalReservedActDto, description: AUTHORITY }),
    ),
  };
}

export class ReservedActDto {
  @IsIn(RESERVED_ACT_KINDS, { message: `debe ser uno de: ${RESERVED_ACT_KINDS.join(', ')}` })
  @ApiProperty({ enum: RESERVED_ACT_KINDS, example: 'appoint_facilitador', description: 'El acto reservado al STL que la decisión autoriza' })
  kind!: ReservedActKind;

  @IsOptional()
  @IsIdentifierField({ required: false, description: 'Para add_titular y remove_member: el integrante', example: '14-sociedadcivil-5' })
  memberId?: string;
}

const TIE_BREAK_KINDS = ['none', 'sector', 'seat'] as const;

export class TieBreakDto {
  @IsIn(TIE_BREAK_KINDS, { message: 'debe ser "none", "sector" o "seat"' })
  @ApiProperty({ enum: TIE_BREAK_KINDS, example: 'sector', description: 'Sin voto de calidad, o el de un sector o una representación' })
  kind!: (typeof TIE_BREAK_KINDS)[number];

  @ValidateIf((tieBreak: TieBreakDto) => tieBreak.kind === 'sector')
  @IsIn(SECTORS, { message: `debe ser uno de: ${SECTORS.join(', ')}` })
  @ApiPropertyOptional({ enum: SECTORS, example: 'sociedad_civil' })
  sector?: Sector;

  @ValidateIf((tieBreak: TieBreakDto) => tieBreak.kind === 'seat')
  @IsIdentifierField({ required: false, description: 'La representación con voto de calidad', example: '14-sociedadcivil-1' })
  seatId?: string;
}

export class RemovalRuleDto {
  // The board's forms send numbers as text.
  @Type(() => Number)
  @Max(24, { message: 'admite como máximo 24' })
  @Min(1, { message: 'debe ser al menos 1' })
  @IsInt({ message: 'debe ser un número entero' })
  @ApiProperty({ example: 3, description: 'Inasistencias que abren la remoción (aviso y sugerencia, nunca propuesta automática)' })
  absences!: number;

  @IsBoolean({ message: 'debe ser true o false' })
  @ApiProperty({ example: true, description: 'true: seguidas; false: en total desde que el titular ocupa la representación' })
  consecutive!: boolean;
}

export class GovernanceMechanismDto {
  @IsIn(GOVERNANCE_TEMPLATES, { message: `debe ser una de: ${GOVERNANCE_TEMPLATES.join(', ')}` })
  @ApiProperty({ enum: GOVERNANCE_TEMPLATES, example: 'minimos_guia', description: 'Plantilla de partida: «mínimos de la guía» o «Estado de México 2019»' })
  template!: GovernanceTemplate;

  @IsOptional()
  @IsIn(DECISION_RULES, { message: `debe ser una de: ${DECISION_RULES.join(', ')}` })
  @ApiPropertyOptional({ enum: DECISION_RULES, description: 'Por omisión: la de la plantilla (Estado de México) o la actual del STL (mínimos)' })
  decisionRule?: DecisionRule;

  @IsOptional()
  @Type(() => Number)
  @Max(30, { message: 'admite como máximo 30' })
  @Min(0, { message: 'debe ser al menos 0' })
  @IsInt({ message: 'debe ser un número entero' })
  @ApiPropertyOptional({ example: 5, description: 'Días hábiles de anticipación de las convocatorias' })
  noticeBusinessDays?: number;

  @IsOptional()
  @IsBoolean({ message: 'debe ser true o false' })
  @ApiPropertyOptional({ description: 'Si el quórum exige una representación de la sociedad civil presente' })
  civilSocietyRequiredForQuorum?: boolean;

  @IsOptional()
  @IsObject({ message: 'debe ser un objeto { kind, sector?, seatId? }' })
  @ValidateNested()
  @Type(() => TieBreakDto)
  @ApiPropertyOptional({ type: TieBreakDto })
  tieBreak?: TieBreakDto;

  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsObject({ message: 'debe ser un objeto { absences, consecutive } o null' })
  @ValidateNested()
  @Type(() => RemovalRuleDto)
  @ApiPropertyOptional({ type: RemovalRuleDto, nullable: true, description: 'null: el mecanismo no prevé remoción por inasistencias' })
  removal?: RemovalRuleDto | null;

  @IsOptional()
  @IsIn(CONVENERS, { message: `debe ser uno de: ${CONVENERS.join(', ')}` })
  @ApiPropertyOptional({ enum: CONVENERS, description: 'Quién emite las convocatorias' })
  convenes?: Convener;

  @IsOptional()
  @IsBoolean({ message: 'debe ser true o false' })
  @ApiPropertyOptional({ description: 'Si la representación de la sociedad civil se renueva al concluir cada PAL' })
  civilSocietyRenewedAtPalEnd?: boolean;

  @IsOptional()
  @Type(() => Number)
  @Max(12, { message: 'admite como máximo 12' })
  @Min(1, { message: 'debe ser al menos 1' })
  @IsInt({ message: 'debe ser un número entero' })
  @ApiPropertyOptional({ example: 3, description: 'Meses entre reportes de avance de cada compromiso del PAL; por omisión, dos (el ritmo bimestral de las sesiones)' })
  progressReportMonths?: number;
}

const authority = ReservedActAuthority();

export class AdoptGovernanceMechanismDto {
  @IsObject({ message: 'debe ser un objeto' })
  @ValidateNested()
  @Type(() => GovernanceMechanismDto)
  @ApiProperty({ type: GovernanceMechanismDto })
  mechanism!: GovernanceMechanismDto;

  @IsOptional()
  @IsLocalDateField({ required: false, description: 'Desde cuándo rige (no futura); con una decisión, rige desde la fecha de su sesión' })
  adoptedOn?: string;

  @authority.decision
  decision?: DecisionRefDto;

  @authority.historical
  historical?: HistoricalReservedActDto;
}

export class RecordWorkingMeetingDto {
  @IsIdentifierField({ description: 'Identificador de la reunión de trabajo', example: 'rt-2027-01-15' })
  meetingId!: string;

  @IsLocalDateField({ description: 'Fecha de la reunión (no futura)' })
  date!: string;

  @IsTextField(500, { description: 'Tema de la reunión', example: 'Mesa técnica del compromiso 3' })
  topic!: string;

  @IsIdentifierListField(0, 200, {
    description: 'Integrantes y facilitador que participaron (no cuenta como asistencia a sesión)',
    example: ['14-gobierno-1', '14-sociedadcivil-1'],
  })
  participants!: string[];
}

/** The validated body as the domain's command data (the tie-break as its tagged union). */
export function adoptionFrom(dto: AdoptGovernanceMechanismDto): AdoptGovernanceMechanism['data'] {
  const { tieBreak, ...mechanism } = dto.mechanism;
  return {
    ...dto,
    // `null` is a client's way of saying "none": the template's tie-break.
    mechanism: tieBreak == null ? mechanism : { ...mechanism, tieBreak: tieBreakFrom(tieBreak) },
  };
}

function tieBreakFrom(dto: TieBreakDto): TieBreak {
  if (dto.kind === 'sector') return { kind: 'sector', sector: dto.sector as Sector };
  if (dto.kind === 'seat') return { kind: 'seat', seatId: dto.seatId as string };
  return { kind: 'none' };
}
