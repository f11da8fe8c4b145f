import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { ApiAuthenticated } from '../auth/public.decorator';
import { ApiProblem } from '../errors/api-problem';
import { type AccountView } from './accounts';
import { type AuditEntry } from './account-audit';
import { CreateUserDto, UpdateUserDto } from './users.dto';
import { UsersService } from './users.service';

/** Only the coordinación and the enlaces manage accounts; the rules of which ones are in account-rules.ts. */
function managerOnly(user: AuthenticatedUser): AuthenticatedUser {
  if (user.role !== 'coordinador' && user.role !== 'enlace') {
    throw new ApiProblem(403, 'FORBIDDEN_ROLE', 'La administración de cuentas es para la coordinación y los enlaces del INAI.');
  }
  return user;
}

@ApiTags('cuentas')
@ApiAuthenticated()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(@CurrentUser() user: AuthenticatedUser): Promise<{ users: AccountView[] }> {
    return { users: await this.users.accounts.list(managerOnly(user)) };
  }

  @Get('audit')
  async audit(@CurrentUser() user: AuthenticatedUser): Promise<{ entries: AuditEntry[] }> {
    return { entries: await this.users.accounts.trail(managerOnly(user)) };
  }

  @Post()
  invite(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateUserDto) {
    return this.users.invite(managerOnly(user), body);
  }

  @Patch(':username')
  update(@CurrentUser() user: AuthenticatedUser, @Param('username') username: string, @Body() body: UpdateUserDto): Promise<AccountView> {
    return this.users.accounts.update(managerOnly(user), username, body);
  }

  @Post(':username/password-reset')
  @HttpCode(202)
  sendReset(@CurrentUser() user: AuthenticatedUser, @Param('username') username: string) {
    return this.users.sendReset(managerOnly(user), username);
  }
}
