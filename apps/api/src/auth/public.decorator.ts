import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';

export const IS_PUBLIC = 'auth:public';

/** Opens a route (or every route of a controller) to anonymous callers; everything else needs a bearer token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** OpenAPI only (the global guard does the enforcing): the route takes a bearer token and may answer 401. */
export const ApiAuthenticated = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Sin token, token inválido (UNAUTHENTICATED) o vencido (TOKEN_EXPIRED)' }),
  );
