import { type Entidad, ENTIDAD_CODES, isEntidad, isLocalDate } from '@app/domain';
import { applyDecorators, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { AdmissibleText } from '../validation/decorators';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, Matches, ValidateBy } from 'class-validator';
import { invalidField } from '../errors/api-problem';

/**
 * Member, seat, facilitador and session ids: letters, digits and `._:-`, starting with a letter or digit. Safe in a
 * URL path segment, a log line and an iCalendar UID; the seed's `14-gobierno-1`, `sesion-1` and the domain's default
 * `facilitador:<date>` all fit.
 */
export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/;
const IDENTIFIER_RULE = 'debe tener de 1 a 80 caracteres: letras, dígitos, «.», «_», «:» o «-», y empezar con letra o dígito';

export function IsIdentifierField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'debe ser texto' }),
    Matches(IDENTIFIER, { message: IDENTIFIER_RULE }),
    ApiProperty({ type: String, pattern: IDENTIFIER.source, maxLength: 80, ...options }),
  );
}

/** A list of ids (attendance, signatures): bounded, without repetitions. */
export function IsIdentifierListField(minItems: number, maxItems: number, options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: 'debe ser una lista' }),
    ArrayMinSize(minItems, { message: `debe tener al menos ${minItems} elemento${minItems === 1 ? '' : 's'}` }),
    ArrayMaxSize(maxItems, { message: `admite como máximo ${maxItems} elementos` }),
    ArrayUnique((value: unknown) => value, { message: 'no admite elementos repetidos' }),
    IsString({ each: true, message: 'cada elemento debe ser texto' }),
    Matches(IDENTIFIER, { each: true, message: `cada elemento ${IDENTIFIER_RULE}` }),
    ApiProperty({ type: [String], minItems, maxItems, uniqueItems: true, ...options }),
  );
}

/** A list of civil dates, each strictly YYYY-MM-DD. */
export function IsLocalDateListField(maxItems: number, options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: 'debe ser una lista' }),
    ArrayMaxSize(maxItems, { message: `admite como máximo ${maxItems} fechas` }),
    ValidateBy({
      name: 'isLocalDateList',
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every((date) => isLocalDate(date)),
        defaultMessage: () => 'cada elemento debe ser una fecha válida con formato AAAA-MM-DD',
      },
    }),
    ApiProperty({ type: [String], format: 'date', maxItems, example: ['2027-03-25', '2027-03-26'], ...options }),
  );
}

/** Texts of a list (the orden del día): each one non-empty and bounded. */
export function IsTextListField(minItems: number, maxItems: number, maxLength: number, options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: 'debe ser una lista' }),
    ArrayMinSize(minItems, { message: `debe tener al menos ${minItems} elemento${minItems === 1 ? '' : 's'}` }),
    ArrayMaxSize(maxItems, { message: `admite como máximo ${maxItems} elementos` }),
    ValidateBy({
      name: 'isTextList',
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.every((item) => typeof item === 'string' && item.trim() !== '' && item.length <= maxLength),
        defaultMessage: () => `cada elemento debe ser texto no vacío de como máximo ${maxLength} caracteres`,
      },
    }),
    AdmissibleText({}, true),
    ApiProperty({ type: [String], minItems, maxItems, ...options }),
  );
}

/** `:entidad` in a path: one of the 32 INEGI codes, else 400 naming the parameter. */
@Injectable()
export class EntidadParamPipe implements PipeTransform<string, Entidad> {
  transform(value: string): Entidad {
    if (!isEntidad(value)) throw invalidField('entidad', `debe ser una clave INEGI de entidad federativa, de "01" a "32"`);
    return value;
  }
}

/** `:id` of a session or `:memberId` in a path, with the same safe pattern as in bodies. */
export class IdentifierParamPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    if (!IDENTIFIER.test(value)) throw invalidField(this.field, IDENTIFIER_RULE);
    return value;
  }
}

export const ENTIDAD_PARAM = {
  name: 'entidad',
  description: 'Clave INEGI de la entidad del STL',
  enum: ENTIDAD_CODES,
  example: '14',
};
