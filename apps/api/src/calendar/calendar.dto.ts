import { IsOptional } from 'class-validator';
import { IsEntidadField, IsLocalDateField } from '../validation/decorators';

export class NoticeDeadlineQuery {
  @IsLocalDateField({ description: 'Fecha de la sesión', example: '2026-11-23' })
  sessionDate!: string;

  @IsOptional()
  @IsEntidadField({ required: false, description: 'Con ella cuentan el aviso que pide el mecanismo de su STL y sus días inhábiles propios' })
  entidad?: string;
}

export interface NoticeDeadlineResponse {
  readonly sessionDate: string;
  /**
   * The latest valid convocation date: `noticeBusinessDays` business days before the session, which is not counted
   * (five, unless the STL's governance mechanism in force on the session's date says otherwise).
   */
  readonly deadline: string;
  readonly noticeBusinessDays: number;
  readonly entidad?: string;
}
