import { type SessionKind, type VoteValue } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUrl, MaxLength, ValidateNested } from 'class-validator';
import { IsLocalDateField, IsTextField, NotLaterThanMonthsAhead } from '../validation/decorators';
import { IsIdentifierField, IsIdentifierListField, IsTextListField } from './stl-validation';
import { ReservedActDto } from './stl-governance.dto';

export const SESSION_KINDS = ['ordinaria', 'extraordinaria'] as const satisfies readonly SessionKind[];
export const VOTE_VALUES = ['favor', 'contra', 'impedimento'] as const satisfies readonly VoteValue[];

/** Seats of the largest STL of 2017 are under 20; room for suplentes, enlaces, invitados and growth. */
const MAX_PEOPLE = 200;

export class HistoricalActDto {
  @IsTextField(1_000, { description: 'Por qué se registra ahora una convocatoria emitida antes', example: 'Convocada por oficio antes de usar el sistema' })
  justification!: string;
}

export class ConveneSessionDto {
  @IsLocalDateField({ description: 'Fecha de la sesión: a lo más dos años después de hoy', example: '2027-02-10' })
  @NotLaterThanMonthsAhead(24)
  date!: string;

  @IsIn(SESSION_KINDS, { message: 'debe ser "ordinaria" o "extraordinaria"' })
  @ApiProperty({ enum: SESSION_KINDS, example: 'ordinaria' })
  kind!: SessionKind;

  @IsLocalDateField({
    description: 'Fecha de emisión de la convocatoria: a más tardar el quinto día hábil anterior a la sesión, y no futura',
    example: '2027-01-27',
  })
  convokedOn!: string;

  @IsTextListField(1, 30, 500, {
    description: 'Orden del día (acompaña a la convocatoria)',
    example: ['Lista de asistencia y declaración de quórum', 'Seguimiento de los compromisos del PAL', 'Asuntos generales'],
  })
  agenda!: string[];

  // The rules check the format (422 INVALID_SESSION_TIME), so both fields only need to be texts here.
  @IsOptional()
  @IsString({ message: 'debe ser texto HH:MM' })
  @ApiPropertyOptional({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Hora de inicio, HH:MM, hora de la Ciudad de México (sin ella, la sesión figura como de día completo)', example: '10:00' })
  startTime?: string;

  @IsOptional()
  @IsString({ message: 'debe ser texto HH:MM' })
  @ApiPropertyOptional({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Hora de término, HH:MM, posterior al inicio', example: '12:00' })
  endTime?: string;

  @IsOptional()
  @IsTextField(300, { required: false, description: 'Lugar de la sesión', example: 'Sala de Plenos del organismo garante' })
  place?: string;

  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'debe ser un enlace http(s)' },
  )
  @MaxLength(2_000, { message: 'admite como máximo 2000 caracteres' })
  @ApiPropertyOptional({ description: 'Enlace de la sesión virtual', example: 'https://reunion.ejemplo.org.mx/stl-14' })
  link?: string;

  @IsOptional()
  @IsObject({ message: 'debe ser un objeto { justification }' })
  @ValidateNested()
  @Type(() => HistoricalActDto)
  @ApiPropertyOptional({
    type: HistoricalActDto,
    description:
      'Solo para registrar una convocatoria ya emitida (convokedOn anterior a hoy): su justificación. Sin él, la ' +
      'anticipación se cuenta desde hoy y una fecha anterior se rechaza (422 CONVOCATION_BACKDATED). No se envía correo.',
  })
  historical?: HistoricalActDto;
}

export class RecordAttendanceDto {
  @IsIdentifierListField(0, MAX_PEOPLE, {
    description: 'Integrantes (y facilitador) presentes; quien no figura está ausente',
    example: ['14-gobierno-1', '14-gobierno-2', '14-garante-1'],
  })
  present!: string[];

  @IsOptional()
  @IsBoolean({ message: 'debe ser true o false' })
  @ApiPropertyOptional({
    description:
      'Confirma que la sesión se celebró sin asistentes. Una lista `present` vacía sin esta confirmación se rechaza ' +
      '(422 ATTENDANCE_EMPTY), pues casi siempre es un descuido.',
    example: false,
  })
  withoutAttendees?: boolean;
}

export class VoteDto {
  @IsIdentifierField({ description: 'Quien vota: el titular o, en su ausencia, su suplente o enlace', example: '14-sociedadcivil-1' })
  memberId!: string;

  @IsIn(VOTE_VALUES, { message: 'debe ser "favor", "contra" o "impedimento"' })
  @ApiProperty({ enum: VOTE_VALUES, example: 'favor', description: 'Sin abstenciones: solo impedimento justificado' })
  vote!: VoteValue;

  @IsOptional()
  @IsTextField(1_000, { multiline: true, required: false, description: 'Obligatorio con «impedimento»: el conflicto de interés o impedimento' })
  reason?: string;
}

export class RecordDecisionDto {
  @IsTextField(1_000, { description: 'Asunto sometido a decisión', example: 'Aprobación del calendario de sesiones 2027' })
  subject!: string;

  @IsBoolean({ message: 'debe ser true o false' })
  @ApiProperty({ description: 'true si hubo consenso; si no, decide la regla del STL con los votos', example: false })
  consensus!: boolean;

  @IsArray({ message: 'debe ser una lista' })
  @ArrayMaxSize(MAX_PEOPLE, { message: `admite como máximo ${MAX_PEOPLE} votos` })
  @IsObject({ each: true, message: 'cada voto debe ser un objeto { memberId, vote, reason? }' })
  @ValidateNested({ each: true })
  @Type(() => VoteDto)
  @ApiProperty({
    type: [VoteDto],
    maxItems: MAX_PEOPLE,
    example: [
      { memberId: '14-gobierno-1', vote: 'favor' },
      { memberId: '14-sociedadcivil-1', vote: 'contra' },
      { memberId: '14-garante-1', vote: 'impedimento', reason: 'Conflicto de interés: su organismo es parte del asunto.' },
    ],
  })
  votes!: VoteDto[];

  @IsOptional()
  @IsObject({ message: 'debe ser un objeto { kind, memberId? }' })
  @ValidateNested()
  @Type(() => ReservedActDto)
  @ApiPropertyOptional({
    type: ReservedActDto,
    description: 'Si la decisión autoriza un acto reservado al STL (nombrar facilitador, incorporar un titular, cambiar el mecanismo, remover a un integrante)',
  })
  act?: ReservedActDto;
}

export class ApproveMinutesDto {
  @IsLocalDateField({ description: 'Fecha de aprobación del acta (no antes de la sesión, no futura)' })
  approvedOn!: string;

  @IsIdentifierListField(1, MAX_PEOPLE, {
    description: 'Quienes firmaron: todos los integrantes que asistieron (invitados y facilitador pueden firmar)',
    example: ['14-gobierno-1', '14-sociedadcivil-1', '14-garante-1'],
  })
  signedBy!: string[];
}

export class RescheduleSessionDto {
  @IsLocalDateField({ description: 'Nueva fecha: con cinco días hábiles de anticipación contados desde hoy', example: '2027-02-17' })
  @NotLaterThanMonthsAhead(24)
  date!: string;

  @IsTextField(1_000, { multiline: true, description: 'Motivo del cambio de fecha', example: 'La sede no estará disponible.' })
  reason!: string;
}

export class CancelSessionDto {
  @IsTextField(1_000, { multiline: true, description: 'Motivo de la cancelación', example: 'Falta de condiciones en la sede; se convocará de nuevo.' })
  reason!: string;
}
