import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '@app/persistence';
import { ValidateBy } from 'class-validator';
import { hasControlCharacter } from './control-characters';
import { IsTextField } from '../validation/decorators';

export class TokenRequestDto {
  @IsTextField(64, { description: 'Nombre de usuario', example: 'garante-14' })
  // PostgreSQL refuses NUL in text (a 500 before this check); no username holds any control character.
  @ValidateBy({
    name: 'noControlCharacters',
    validator: { validate: (value: unknown) => typeof value !== 'string' || !hasControlCharacter(value), defaultMessage: () => 'no admite caracteres de control' },
  })
  username!: string;

  @IsTextField(256, { description: 'Contraseña', format: 'password', example: 'cocreacion' })
  password!: string;
}

export class TokenUserDto {
  @ApiProperty({ example: 'garante-14' })
  username!: string;

  @ApiProperty({ enum: USER_ROLES, example: 'garante' })
  role!: UserRole;

  @ApiProperty({ type: [String], example: ['14'], description: 'Entidades de la cuenta; vacía para coordinación (todas)' })
  entidades!: string[];

  @ApiProperty({ example: 'Organismo garante de Jalisco' })
  nombre!: string;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'JWT para el encabezado Authorization: Bearer <token>' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Segundos de vigencia del token', example: 28_800 })
  expiresIn!: number;

  @ApiProperty({ type: TokenUserDto })
  user!: TokenUserDto;
}
