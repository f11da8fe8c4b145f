import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { type EntidadAccessKind } from '../auth/entidad-access';
import { EntidadAccess, entidadFrom } from '../auth/entidad-access.guard';
import { ENTIDAD_PARAM } from './stl-validation';

/** A route under `/stls/:entidad`: allowed to whoever may `access` that state, the parameter documented. */
export const OnStl = (access: EntidadAccessKind) =>
  applyDecorators(EntidadAccess(access, entidadFrom.param('entidad')), ApiParam(ENTIDAD_PARAM));
