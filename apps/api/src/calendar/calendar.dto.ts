import { IsOptional } from 'class-validator';
import { IsEntidadField, IsLocalDateField } from '../validation/decorators';

export class NoticeDeadlineQuery {
  @IsLocalDateField({ description: 'Fecha de la sesión', example: '2026-11-23' })
  sessionDate!: string;

  @IsOptional()
  @IsEntidadField({ required: false, description: 'Con ella, también cuentan los días inhábiles propios de su STL' })
  entidad?: string;
}

export interface NoticeDeadlineResponse {
  readonly sessionDate: string;
  /** The latest valid convocation date: the fifth business day before the session, which is not counted. */
  readonly deadline: string;
  readonly entidad?: string;
}
