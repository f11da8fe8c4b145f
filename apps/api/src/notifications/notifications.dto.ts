import { NOTIFICATION_STATUSES, type NotificationStatus } from '@app/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsEntidadField } from '../validation/decorators';

export class ListNotificationsQuery {
  @IsOptional()
  @IsEntidadField({ required: false })
  entidad?: string;

  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES, { message: 'debe ser "pending", "sent", "undeliverable" o "withdrawn"' })
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES, description: 'pending: por enviar o reintentando; undeliverable: no se puede enviar; withdrawn: no se envió porque el escalamiento se resolvió antes' })
  status?: NotificationStatus;

  @IsOptional()
  @Type(() => Number)
  @Max(500, { message: 'admite como máximo 500' })
  @Min(1, { message: 'debe ser al menos 1' })
  @IsInt({ message: 'debe ser un número entero' })
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 500, default: 100, description: 'Las más recientes primero' })
  limit?: number;
}

/** Which undeliverable e-mails to queue again: one state's, or every state's when `entidad` is omitted. */
export class RequeueNotificationsDto {
  @IsOptional()
  @IsEntidadField({ required: false })
  entidad?: string;
}

export class RequeuedNotificationsDto {
  @ApiProperty({ description: 'Correos no entregados puestos en cola de nuevo (cada uno una sola vez)', example: 2 })
  requeued!: number;

  @ApiProperty({ type: [String], format: 'uuid' })
  ids!: string[];
}

export class NotificationRecipientDto {
  @ApiProperty({ example: 'Titular 1 de organismo garante (Jalisco)' })
  nombre!: string;

  @ApiProperty({ type: String, nullable: true, example: 'garante1.14@ejemplo.org.mx' })
  email!: string | null;

  @ApiProperty({ description: 'Papel por el que recibe el aviso', example: 'garante' })
  audience!: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '14' })
  entidad!: string;

  @ApiProperty({ description: 'Flujo que originó el aviso', example: 'stl/14' })
  streamId!: string;

  @ApiProperty({ example: 'facilitador_vacant' })
  kind!: string;

  @ApiProperty({ type: NotificationRecipientDto })
  recipient!: NotificationRecipientDto;

  @ApiProperty({ example: 'STL de Jalisco: el puesto de facilitador quedó vacante el 2 de noviembre de 2026' })
  subject!: string;

  @ApiProperty({ enum: NOTIFICATION_STATUSES })
  status!: NotificationStatus;

  @ApiProperty({ description: 'Intentos de envío hechos' })
  attempts!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Por qué no se ha enviado (o no se puede enviar)' })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastAttemptAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;
}
