import { entidadName, isEntidad } from '@app/domain';
import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { type AuthenticatedRequest } from '../auth/authenticated-user';
import { canHandleEscalations } from '../auth/entidad-access';
import { EntidadAccess, entidadFrom } from '../auth/entidad-access.guard';
import { ApiProblem } from '../errors/api-problem';
import { entidadOfEscalationParam } from './escalation-id';

export const ENTIDAD_OF_ESCALATION = entidadFrom.param('id', entidadOfEscalationParam);

/** After the state check (403 FORBIDDEN_ENTIDAD): within a state it may command, only the INAI's roles close escalations. */
@Injectable()
export class EscalationHandlerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.user) throw new Error('EscalationHandlerGuard on a public route');
    const entidad = ENTIDAD_OF_ESCALATION(request);
    // An id that names no state is answered by the service: 404 ESCALATION_NOT_FOUND.
    if (!isEntidad(entidad) || canHandleEscalations(request.user, entidad)) return true;
    throw new ApiProblem(
      403,
      'FORBIDDEN_ROLE',
      `Solo la coordinación y los enlaces del INAI atienden los escalamientos de ${entidadName(entidad)} (${entidad}); ` +
        `su cuenta (${request.user.role}) puede consultarlos.`,
      { entidad, role: request.user.role },
    );
  }
}

/** Acknowledging and resolving: the caller's state first, then its role. */
export function EscalationHandlers(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    EntidadAccess('command', ENTIDAD_OF_ESCALATION),
    UseGuards(EscalationHandlerGuard),
    ApiForbiddenResponse({
      description:
        'Escalamiento de una entidad ajena (FORBIDDEN_ENTIDAD), o cuenta de garante, facilitador o integrante (FORBIDDEN_ROLE)',
    }),
  );
}
