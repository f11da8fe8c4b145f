import { entidadFrom } from '../auth/entidad-access.guard';
import { entidadOfExerciseParam } from './exercise-id.pipe';

/** The `:id` path parameter of every exercise route, for OpenAPI. */
export const EXERCISE_ID = { name: 'id', description: 'Ejercicio: <entidad>-<número>', example: '14-1' };

/** Where each exercise route names the state it touches, for `@EntidadAccess`. */
export const ENTIDAD_OF_EXERCISE = {
  body: entidadFrom.body('entidad'),
  query: entidadFrom.query('entidad'),
  param: entidadFrom.param('id', entidadOfExerciseParam),
};
