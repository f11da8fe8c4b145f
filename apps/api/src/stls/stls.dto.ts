import { DECISION_RULES, type DecisionRule, MEMBER_ROLES, type MemberRole, type RemovalCause, type Sector, SECTORS } from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { IsEntidadField, IsHttpUrlField, IsLocalDateField, IsTextField } from '../validation/decorators';
import { IsIdentifierField, IsLocalDateListField } from './stl-validation';
import { type DecisionRefDto, type HistoricalReservedActDto, ReservedActAuthority } from './stl-governance.dto';

const authority = ReservedActAuthority();

export const STL_STATUSES = ['en_integracion', 'instalado'] as const;
const BOOLEAN_TEXT = ['true', 'false'] as const;

export class ListStlsQuery {
  @IsOptional()
  @IsEntidadField({ required: false })
  entidad?: string;

  @IsOptional()
  @IsIn(STL_STATUSES, { message: 'debe ser "en_integracion" o "instalado"' })
  @ApiPropertyOptional({ enum: STL_STATUSES })
  status?: (typeof STL_STATUSES)[number];

  @IsOptional()
  @IsIn(BOOLEAN_TEXT, { message: 'debe ser "true" o "false"' })
  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Solo los STL con (true) o sin (false) facilitador vacante' })
  facilitadorVacante?: (typeof BOOLEAN_TEXT)[number];
}

const REMOVAL_CAUSES = ['inactividad', 'probidad', 'incumplimiento_normas', 'afectacion_pal'] as const satisfies readonly RemovalCause[];

function IsEmailField(description: string): PropertyDecorator {
  return applyDecorators(
    IsEmail({}, { message: 'debe ser una dirección de correo válida' }),
    MaxLength(254, { message: 'admite como máximo 254 caracteres' }),
    ApiPropertyOptional({ type: String, format: 'email', maxLength: 254, description, example: 'titular@ejemplo.org.mx' }),
  );
}

export class AddMemberDto {
  @IsIdentifierField({ description: 'Identificador del integrante, único para siempre en el STL', example: '14-sociedadcivil-5' })
  memberId!: string;

  @IsIn(SECTORS, { message: `debe ser uno de: ${SECTORS.join(', ')}` })
  @ApiProperty({ enum: SECTORS, example: 'sociedad_civil', description: '`adicional` solo si el STL declaró un cuarto sector' })
  sector!: Sector;

  @IsIn(MEMBER_ROLES, { message: `debe ser uno de: ${MEMBER_ROLES.join(', ')}` })
  @ApiProperty({ enum: MEMBER_ROLES, example: 'titular' })
  role!: MemberRole;

  @IsTextField(200, { description: 'Nombre completo', example: 'María Elena Ruiz Castañeda' })
  nombre!: string;

  @IsTextField(300, { description: 'Institución u organización que representa', example: 'Ciudadanos por la Transparencia, A.C.' })
  organizacion!: string;

  @IsOptional()
  @IsTextField(200, { required: false, description: 'Cargo en su institución', example: 'Directora general' })
  cargo?: string;

  @IsOptional()
  @IsBoolean({ message: 'debe ser true o false' })
  @ApiPropertyOptional({ description: 'Solo para un enlace: false si se le nombró con voz y sin voto (MG cap. IV, I)', example: true })
  hasVote?: boolean;

  @IsOptional()
  @IsEmailField('Correo para convocatorias y recordatorios')
  email?: string;

  @IsOptional()
  @IsIdentifierField({ required: false, description: 'Para un suplente o enlace: el titular en cuya representación se sienta', example: '14-sociedadcivil-1' })
  titularId?: string;

  @IsOptional()
  @IsIdentifierField({ required: false, description: 'Para un titular: la representación vacante que ocupa', example: '14-gobierno-2' })
  seatId?: string;

  @IsLocalDateField({ description: 'Fecha de incorporación al STL (no futura)' })
  joinedOn!: string;

  /** Only for a titular opening a new seat once the STL is installed. */
  @authority.decision
  decision?: DecisionRefDto;

  @authority.historical
  historical?: HistoricalReservedActDto;
}

/**
 * Stage 10 recorded on the STL itself: concluding the stage asks the STL to install once, and an STL refused then
 * (a sector without titular) would otherwise never be installed.
 */
export class InstallStlDto {
  @IsLocalDateField({ description: 'Fecha de la sesión de instalación, en que se firmó el acta (no futura)' })
  installedOn!: string;

  @IsOptional()
  @IsHttpUrlField({
    required: false,
    description: 'Enlace al acta de instalación publicada en el micrositio',
    example: 'https://micrositio.example.org/acta-de-instalacion.pdf',
  })
  actaUrl?: string;
}

export class AppointFacilitadorDto {
  @IsOptional()
  @IsIdentifierField({ required: false, description: 'Por omisión `facilitador:<appointedOn>`; sus votos se rechazan', example: '14-facilitador-2027' })
  facilitadorId?: string;

  @IsTextField(200, { description: 'Nombre del facilitador', example: 'Laura Hernández Ochoa' })
  nombre!: string;

  @IsTextField(300, { description: 'Procedencia (de preferencia academia o sociedad civil)', example: 'Academia – Universidad de Guadalajara' })
  procedencia!: string;

  @IsOptional()
  @IsTextField(300, { required: false, description: 'Institución de procedencia', example: 'Universidad de Guadalajara' })
  organizacion?: string;

  @IsOptional()
  @IsEmailField('Correo para recordatorios')
  email?: string;

  @IsLocalDateField({ description: 'Fecha del nombramiento (no futura)' })
  appointedOn!: string;

  @authority.decision
  decision?: DecisionRefDto;

  @authority.historical
  historical?: HistoricalReservedActDto;
}

/**
 * DELETE /facilitador may carry a JSON body (the reason is free text, kept out of URLs and access logs); many clients
 * and proxies drop a DELETE's body, so without one the post is vacant from today with no reason.
 */
export class VacateFacilitadorDto {
  @IsOptional()
  @IsLocalDateField({ required: false, description: 'Día en que quedó vacante el puesto (no futuro ni anterior al nombramiento); hoy si se omite' })
  vacatedOn?: string;

  @IsOptional()
  @IsTextField(1_000, { required: false, multiline: true, description: 'Motivo de la vacante', example: 'Renuncia presentada ante el STL.' })
  reason?: string;
}

export class ChangeDecisionRuleDto {
  @IsIn(DECISION_RULES, { message: `debe ser una de: ${DECISION_RULES.join(', ')}` })
  @ApiProperty({ enum: DECISION_RULES, example: 'consensus_then_majority_with_civil_society_vote' })
  decisionRule!: DecisionRule;

  @authority.decision
  decision?: DecisionRefDto;

  @authority.historical
  historical?: HistoricalReservedActDto;
}

export class SetNonWorkingDaysDto {
  @IsLocalDateListField(366, { description: 'Días inhábiles propios del STL (semana santa, receso de diciembre…); reemplaza la lista' })
  dates!: string[];
}

export class ResignMemberDto {
  @IsLocalDateField({ description: 'Fecha de la renuncia (no futura)' })
  on!: string;
}

export class ProposeRemovalDto {
  @IsIn(REMOVAL_CAUSES, { message: `debe ser una de: ${REMOVAL_CAUSES.join(', ')}` })
  @ApiProperty({
    enum: REMOVAL_CAUSES,
    example: 'incumplimiento_normas',
    description: 'inactividad: solo si la representación suma las inasistencias que pide el mecanismo del STL',
  })
  cause!: RemovalCause;

  @IsIdentifierField({ description: 'Integrante del STL que propone la remoción', example: '14-garante-1' })
  proposedBy!: string;

  @IsOptional()
  @IsLocalDateField({ required: false, description: 'Cuándo se propuso (por omisión hoy; no futura): se decide en una sesión posterior' })
  proposedOn?: string;
}

export class DecideRemovalDto {
  /** The session's vote on this removal (`act: { kind: 'remove_member', memberId }`): its outcome is the removal's. */
  @authority.decision
  decision?: DecisionRefDto;

  @authority.historical
  historical?: HistoricalReservedActDto;

  @IsOptional()
  @IsBoolean({ message: 'debe ser true o false' })
  @ApiPropertyOptional({ description: 'Solo con `historical`: true se removió, false se rechazó', example: false })
  approved?: boolean;
}

export class StartRenewalDto {
  @IsLocalDateField({ description: 'Fin del PAL que abre la renovación de la sociedad civil (no futuro)' })
  palEndedOn!: string;
}

export class CompleteRenewalDto {
  @IsLocalDateField({ description: 'Fecha en que concluyó la renovación (no anterior al fin del PAL)' })
  completedOn!: string;
}
