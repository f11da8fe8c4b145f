import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiProblem } from '../errors/api-problem';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * class-validator's own checks (not our decorators) come with English messages: an unknown field (whitelist), an
 * item of a nested list that is not an object, a body that is not an object at all.
 */
const SPANISH_BUILT_IN_MESSAGES: Readonly<Record<string, string>> = {
  whitelistValidation: 'no es un campo admitido',
  nestedValidation: 'debe ser un objeto',
  unknownValue: 'debe ser un objeto JSON con los campos documentados',
};

function flatten(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: SPANISH_BUILT_IN_MESSAGES[constraint] ?? message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** 400 naming every invalid field; unknown fields are refused rather than silently dropped. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const summary = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
      return new ApiProblem(400, 'VALIDATION_FAILED', `Datos inválidos. ${summary}`, { errors: problems });
    },
  });
}
