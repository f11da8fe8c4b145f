import { type User, type UserRole } from '@app/persistence';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Request } from 'express';
import { type EntidadScope } from './entidad-access';

/** The account behind a request, as the database holds it now (not as the token remembered it). */
export interface AuthenticatedUser extends EntidadScope {
  readonly id: string;
  readonly username: string;
  readonly role: UserRole;
  readonly entidades: readonly string[];
  readonly nombre: string;
}

export type AuthenticatedRequest = Request & { user?: AuthenticatedUser };

export function authenticatedUser(user: User): AuthenticatedUser {
  return { id: user.id, username: user.username, role: user.role, entidades: [...user.entidades], nombre: user.nombre };
}

/** `@CurrentUser() user: AuthenticatedUser` in a handler of a protected route. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  // The global guard sets it on every protected route; reaching here without one is a programming error.
  if (!user) throw new Error('CurrentUser on a public route: mark the route protected or drop the parameter');
  return user;
});
