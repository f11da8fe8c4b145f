import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiParam } from '@nestjs/swagger';
import { type EntidadAccessKind } from '../auth/entidad-access';
import { EntidadAccess, entidadFrom } from '../auth/entidad-access.guard';
import { entidadOfExerciseParam } from './exercise-id.pipe';
import { VALIDATION_FAILED_EXAMPLE } from './exercises.examples';

/** The `:id` path parameter of every exercise route, for OpenAPI. */
export const EXERCISE_ID = { name: 'id', description: 'Ejercicio: <entidad>-<número>', example: '14-1' };

/** Where each exercise route names the state it touches, for `@EntidadAccess`. */
export const ENTIDAD_OF_EXERCISE = {
  body: entidadFrom.body('entidad'),
  query: entidadFrom.query('entidad'),
  param: entidadFrom.param('id', entidadOfExerciseParam),
};

/** A route under `/exercises/:id`: allowed to whoever may `access` the state the id names, the id documented. */
export const OnExercise = (access: EntidadAccessKind) =>
  applyDecorators(EntidadAccess(access, ENTIDAD_OF_EXERCISE.param), ApiParam(EXERCISE_ID));

/** The 400 of every command: the body (or a path parameter) is malformed, and the answer names the field. */
export const ApiValidationFailed = () =>
  ApiBadRequestResponse({
    description: 'Cuerpo o parámetro mal formado: VALIDATION_FAILED con `errors: [{ field, message }]`',
    example: VALIDATION_FAILED_EXAMPLE,
  });
