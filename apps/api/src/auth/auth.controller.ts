import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from './authenticated-user';
import { TokenRequestDto, TokenResponseDto, TokenUserDto } from './auth.dto';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { ApiAuthenticated, Public } from './public.decorator';

@ApiTags('autenticación')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('token')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponseDto, description: 'Token de acceso (JWT) y la cuenta a la que pertenece' })
  @ApiBadRequestResponse({ description: 'Falta el usuario o la contraseña (VALIDATION_FAILED)' })
  @ApiUnauthorizedResponse({ description: 'Usuario o contraseña incorrectos (INVALID_CREDENTIALS)' })
  @ApiTooManyRequestsResponse({ description: 'Demasiados intentos en un minuto (TOO_MANY_REQUESTS); ver Retry-After' })
  token(@Body() body: TokenRequestDto): Promise<TokenResponseDto> {
    return this.auth.issueToken(body);
  }

  @Get('me')
  @ApiAuthenticated()
  @ApiOkResponse({ type: TokenUserDto, description: 'La cuenta del token, como está ahora en la base de datos' })
  me(@CurrentUser() user: AuthenticatedUser): TokenUserDto {
    return { username: user.username, role: user.role, entidades: [...user.entidades], nombre: user.nombre };
  }
}
