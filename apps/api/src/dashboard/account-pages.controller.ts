import { entidadName, isEntidad, type Entidad } from '@app/domain';
import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { DataSource } from 'typeorm';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { canRead } from '../auth/entidad-access';
import { sessionCookieToken } from '../auth/jwt-auth.guard';
import { AuthService } from '../auth/auth.service';
import { Public } from '../auth/public.decorator';
import { ApiProblem } from '../errors/api-problem';
import { contactWarnings } from '../users/contact-warnings';
import { UsersService } from '../users/users.service';
import { DashboardPageFilter, sendPage } from './dashboard-page.filter';
import { accountsView } from './views/accounts.view';
import { changePasswordView, requestResetView, setPasswordView } from './views/password.view';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The board's account pages: /tablero/cuentas (manage) and /tablero/contrasena (set, change or reset one's own). */
@ApiExcludeController()
@UseFilters(DashboardPageFilter)
@Controller('tablero')
export class AccountPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('cuentas')
  async accounts(@CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    if (user.role !== 'coordinador' && user.role !== 'enlace') {
      throw new ApiProblem(403, 'FORBIDDEN_ROLE', 'La administración de cuentas es para la coordinación y los enlaces del INAI.');
    }
    const [accounts, audit, contacts] = await Promise.all([
      this.users.accounts.list(user),
      this.users.accounts.trail(user),
      this.users.accounts.list({ username: user.username, role: 'coordinador', entidades: [] }),
    ]);
    const warnings = contactWarnings(await this.stlEntidades(user), contacts);
    sendPage(response, 200, accountsView({ user, accounts, audit, warnings }));
  }

  /** Public: the link's token, one's own session, or neither (then the reset request). */
  @Get('contrasena')
  @Public()
  async password(@Query('token') token: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (typeof token === 'string' && TOKEN.test(token)) return sendPage(response, 200, setPasswordView(token));
    const cookie = sessionCookieToken(request.headers.cookie);
    const user = cookie ? await this.auth.authenticate(cookie).catch(() => undefined) : undefined;
    sendPage(response, 200, user ? changePasswordView(user) : requestResetView());
  }

  /** The states with an STL that the account follows: where the reminders need someone to reach. */
  private async stlEntidades(user: AuthenticatedUser): Promise<Entidad[]> {
    const rows: { entidad: string }[] = await this.dataSource.query('SELECT entidad FROM stls ORDER BY entidad');
    return rows
      .map((row) => row.entidad)
      .filter(isEntidad)
      .filter((entidad) => canRead(user, entidad))
      .sort((a, b) => entidadName(a).localeCompare(entidadName(b), 'es'));
  }
}
