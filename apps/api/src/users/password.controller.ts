import { Body, Controller, HttpCode, Logger, Post, Put, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard';
import { ApiAuthenticated, Public } from '../auth/public.decorator';
import { type AccountView } from './accounts';
import { ChangePasswordDto, PasswordResetRequestDto, SetPasswordDto } from './users.dto';
import { UsersService } from './users.service';

/** One's own password and session: set from a link, reset by e-mail, changed, or ended. */
@ApiTags('autenticación')
@Controller('auth')
export class PasswordController {
  private readonly logger = new Logger('Cuentas');

  constructor(private readonly users: UsersService) {}

  @Post('password')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  async setFromLink(@Body() body: SetPasswordDto): Promise<{ username: string }> {
    const account: AccountView = await this.users.accounts.setPasswordFromLink(body.token, body.password);
    return { username: account.username };
  }

  /** Always 202, at once, whether or not the account exists: nothing to enumerate. */
  @Post('password-reset')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(202)
  requestReset(@Body() body: PasswordResetRequestDto): { message: string } {
    this.users.requestReset(body.username).catch((error: unknown) => this.logger.warn(`Restablecimiento: ${String(error)}`));
    return { message: 'Si la cuenta existe y tiene correo, le enviamos un enlace para definir una contraseña nueva.' };
  }

  @Post('logout')
  @ApiAuthenticated()
  @HttpCode(204)
  logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.users.accounts.logout(user.id);
  }

  @Put('me/password')
  @ApiAuthenticated()
  @HttpCode(204)
  changeOwn(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto): Promise<void> {
    return this.users.accounts.changeOwnPassword(user.id, body.current, body.new);
  }
}
