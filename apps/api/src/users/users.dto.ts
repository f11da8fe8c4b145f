import { ENTIDAD_CODES } from '@app/domain';
import { USER_ROLES, type UserRole } from '@app/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { IsTextField } from '../validation/decorators';

const ROLE = { message: `debe ser uno de: ${USER_ROLES.join(', ')}` };
const ENTIDADES = { each: true, message: 'cada elemento debe ser una clave INEGI, de "01" a "32"' };

export class CreateUserDto {
  @IsTextField(64, { example: 'garante-14b', description: 'Minúsculas, dígitos, punto, guion o guion bajo' })
  username!: string;

  @IsIn(USER_ROLES, ROLE)
  @ApiProperty({ enum: USER_ROLES, example: 'garante' })
  role!: UserRole;

  @IsTextField(200, { example: 'Organismo garante de Jalisco' })
  nombre!: string;

  @IsEmail({}, { message: 'debe ser una dirección de correo' })
  @MaxLength(254, { message: 'admite como máximo 254 caracteres' })
  @ApiProperty({ example: 'garante@itei.org.mx', description: 'A donde llega la invitación y, después, los recordatorios' })
  email!: string;

  @IsOptional()
  @IsArray({ message: 'debe ser una lista' })
  @ArrayMaxSize(32, { message: 'admite como máximo 32 elementos' })
  @IsIn(ENTIDAD_CODES, ENTIDADES)
  @ApiPropertyOptional({ type: [String], example: ['14'], description: 'Vacía para la coordinación' })
  entidades?: string[];
}

export class UpdateUserDto {
  @IsOptional()
  @IsTextField(200, { required: false })
  nombre?: string;

  @IsOptional()
  @IsEmail({}, { message: 'debe ser una dirección de correo' })
  @MaxLength(254, { message: 'admite como máximo 254 caracteres' })
  @ApiPropertyOptional()
  email?: string;

  @IsOptional()
  @IsIn(USER_ROLES, ROLE)
  @ApiPropertyOptional({ enum: USER_ROLES })
  role?: UserRole;

  @IsOptional()
  @IsArray({ message: 'debe ser una lista' })
  @ArrayMaxSize(32, { message: 'admite como máximo 32 elementos' })
  @IsIn(ENTIDAD_CODES, ENTIDADES)
  @ApiPropertyOptional({ type: [String] })
  entidades?: string[];

  @IsOptional()
  @IsBoolean({ message: 'debe ser true o false' })
  @ApiPropertyOptional({ description: 'false desactiva la cuenta: sus sesiones terminan en ese momento' })
  active?: boolean;
}

export class SetPasswordDto {
  @IsTextField(100, { description: 'El token del enlace recibido por correo' })
  token!: string;

  @IsTextField(200, { format: 'password', description: 'Al menos 12 caracteres, sin el nombre de usuario' })
  password!: string;
}

export class PasswordResetRequestDto {
  @IsTextField(64, { example: 'garante-14' })
  username!: string;
}

export class ChangePasswordDto {
  @IsTextField(256, { format: 'password' })
  current!: string;

  @IsTextField(200, { format: 'password', description: 'Al menos 12 caracteres, sin el nombre de usuario' })
  new!: string;
}
