import { type Entidad, isEntidad } from '@app/domain';
import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { type AuthenticatedRequest, type AuthenticatedUser } from './authenticated-user';
import { forbiddenEntidad } from './auth-problems';
import { canAccess, type EntidadAccessKind } from './entidad-access';

/** Where a route names the state it touches: a body field, a query parameter or (part of) a path parameter. */
export type EntidadSource = (request: AuthenticatedRequest) => unknown;

export const entidadFrom = {
  body:
    (field = 'entidad'): EntidadSource =>
    (request) =>
      (request.body as Record<string, unknown> | undefined)?.[field],
  query:
    (name = 'entidad'): EntidadSource =>
    (request) =>
      request.query[name],
  param:
    (name: string, entidadOf: (value: string) => string | undefined = (value) => value): EntidadSource =>
    (request) => {
      const value = request.params[name];
      return typeof value === 'string' ? entidadOf(value) : undefined;
    },
};

interface EntidadRequirement {
  readonly kind: EntidadAccessKind;
  readonly source: EntidadSource;
}

const ENTIDAD_ACCESS = 'auth:entidad-access';

/**
 * Refuses with 403 FORBIDDEN_ENTIDAD, before any work, a caller whose account may not read (or command) the state the
 * request names. A missing or malformed state passes through: validation answers that one with 400.
 */
export function EntidadAccess(kind: EntidadAccessKind, source: EntidadSource): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ENTIDAD_ACCESS, { kind, source } satisfies EntidadRequirement),
    UseGuards(EntidadAccessGuard),
    ApiForbiddenResponse({
      description:
        kind === 'command'
          ? 'La cuenta no puede registrar acciones en esa entidad (FORBIDDEN_ENTIDAD)'
          : 'La cuenta no tiene acceso a esa entidad (FORBIDDEN_ENTIDAD)',
    }),
  );
}

/** For services that learn the state only after a lookup. */
export function assertEntidadAccess(user: AuthenticatedUser, entidad: Entidad, kind: EntidadAccessKind): void {
  if (!canAccess(user, entidad, kind)) throw forbiddenEntidad(user, entidad, kind);
}

@Injectable()
export class EntidadAccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const requirement = this.reflector.getAllAndOverride<EntidadRequirement | undefined>(ENTIDAD_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!requirement) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // The global guard ran first; a route with an entidad requirement is never public.
    if (!request.user) throw new Error('EntidadAccess on a public route');
    const entidad = requirement.source(request);
    if (!isEntidad(entidad)) return true;
    if (!canAccess(request.user, entidad, requirement.kind)) throw forbiddenEntidad(request.user, entidad, requirement.kind);
    return true;
  }
}
