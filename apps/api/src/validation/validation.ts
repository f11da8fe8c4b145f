import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiProblem, invalidField } from '../errors/api-problem';
import { firstInadmissibleString, inadmissibleCharacterMessage } from './text-characters';

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

/** Far deeper than any DTO (a PAL's commitment lists sit three levels down). */
export const MAX_INPUT_DEPTH = 32;

/**
 * The path to the first object or array nested deeper than MAX_INPUT_DEPTH, if any. Iterative, because the input may
 * be nested 100 000 levels deep: Nest's prototype stripping and class-transformer recurse on it and overflow the stack.
 */
export function tooDeeplyNested(value: unknown): string[] | undefined {
  const pending: [unknown, string[]][] = [[value, []]];
  while (pending.length > 0) {
    const [node, path] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (path.length >= MAX_INPUT_DEPTH) return path;
    for (const [key, child] of Object.entries(node)) pending.push([child, [...path, key]]);
  }
  return undefined;
}

/**
 * Refuses input nested too deep before Nest and class-transformer walk it (a stack overflow would answer 500), and
 * any string of the body, query or path holding a character that must never be stored, whatever the DTO declares.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const path = tooDeeplyNested(value);
    if (path) throw invalidField(path[0], `anida más de ${MAX_INPUT_DEPTH} niveles de objetos o listas`);
    const inadmissible = firstInadmissibleString(value);
    if (inadmissible) {
      const field = [metadata.data, inadmissible.path].filter(Boolean).join('.') || metadata.type;
      throw invalidField(field, inadmissibleCharacterMessage(inadmissible.character));
    }
    return super.transform(value, metadata);
  }
}

/** 400 naming every invalid field; unknown fields are refused rather than silently dropped. */
export function validationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // One message per field: the first decorator to fail, counted from the one nearest the property. So a DTO puts its
    // type check (@IsInt) nearest: «tres» for a number is told it is not a whole number, not «admite como máximo 12».
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const summary = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
      return new ApiProblem(400, 'VALIDATION_FAILED', `Datos inválidos. ${summary}`, { errors: problems });
    },
  });
}
