import { addMonths, ENTIDAD_CODES, isLocalDate, localDateAt } from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { inadmissibleCharacter, inadmissibleCharacterMessage, type TextCharacterOptions } from './text-characters';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';

/** The programme began in 2015: an earlier date is a typo (1900-01-01), not history. */
export const DEFAULT_PROGRAMME_START = '2015-01-01';

/**
 * The earliest date any field accepts (`PROGRAMME_START`). Decorators are evaluated when the DTO classes load, so
 * the boundary is read at validation time from here, set once at boot from the validated configuration.
 */
export const DATE_BOUNDS: { earliest: string } = { earliest: DEFAULT_PROGRAMME_START };

/** Dates of the method are civil dates, strictly YYYY-MM-DD (no time, no time zone), none before the programme. */
export function IsLocalDateField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ValidateBy({
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => isLocalDate(value),
        defaultMessage: () => 'debe ser una fecha válida con formato AAAA-MM-DD',
      },
    }),
    ValidateBy({
      name: 'notBeforeProgramme',
      validator: {
        validate: (value: unknown) => !isLocalDate(value) || value >= DATE_BOUNDS.earliest,
        defaultMessage: () => `no puede ser anterior al ${DATE_BOUNDS.earliest}, el inicio del programa`,
      },
    }),
    ApiProperty({ type: String, format: 'date', example: '2026-11-10', ...options }),
  );
}

/** A date at most `months` after today (Mexico City): a session convened for 9999-12-31 is a mistake. */
export function NotLaterThanMonthsAhead(months: number): PropertyDecorator {
  return ValidateBy({
    name: 'notTooFarAhead',
    validator: {
      validate: (value: unknown) => !isLocalDate(value) || value <= addMonths(localDateAt(Date.now()), months),
      defaultMessage: () => `no puede ser más de ${months / 12} años posterior a hoy`,
    },
  });
}

export function IsEntidadField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsIn(ENTIDAD_CODES, { message: 'debe ser una clave INEGI de entidad federativa, de "01" a "32"' }),
    ApiProperty({ type: String, enum: ENTIDAD_CODES, example: '14', description: 'Clave INEGI de la entidad', ...options }),
  );
}

export type TextFieldOptions = ApiPropertyOptions & TextCharacterOptions;

/** A text of one line (names, titles), or of paragraphs with `multiline` (justifications, summaries). */
export function IsTextField(maxLength: number, { multiline, ...options }: TextFieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'debe ser texto' }),
    MinLength(1, { message: 'no puede estar vacío' }),
    MaxLength(maxLength, { message: `admite como máximo ${maxLength} caracteres` }),
    AdmissibleText({ multiline }),
    ApiProperty({ type: String, maxLength, ...options }),
  );
}

/** Every character admissible for the field (the pipe already refused the worst; this adds line breaks). */
export function AdmissibleText(characters: TextCharacterOptions = {}, each = false): PropertyDecorator {
  return ValidateBy(
    {
      name: 'admissibleText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || inadmissibleCharacter(value, characters) === undefined,
        // With `each`, class-validator hands over the whole list: the character named is its first element's at fault.
        defaultMessage: (args) =>
          inadmissibleCharacterMessage(
            (Array.isArray(args?.value) ? args.value : [args?.value])
              .map((value: unknown) => (typeof value === 'string' ? inadmissibleCharacter(value, characters) : undefined))
              .find((character) => character !== undefined) ?? '',
          ),
      },
    },
    { each },
  );
}

export function IsIntegerField(min: number, max: number, options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsInt({ message: 'debe ser un número entero' }),
    Min(min, { message: `debe ser al menos ${min}` }),
    Max(max, { message: `debe ser como máximo ${max}` }),
    ApiProperty({ type: Number, minimum: min, maximum: max, ...options }),
  );
}

/** Evidence published on the garante's micrositio: http(s) links only. */
export function IsUrlListField(maxItems: number, options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: 'debe ser una lista' }),
    ArrayMaxSize(maxItems, { message: `admite como máximo ${maxItems} elementos` }),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
      { each: true, message: 'cada elemento debe ser un enlace http(s)' },
    ),
    MaxLength(2_000, { each: true, message: 'cada enlace admite como máximo 2000 caracteres' }),
    ApiProperty({ type: [String], maxItems, example: ['https://micrositio.example.org/acta.pdf'], ...options }),
  );
}

/**
 * One document published on the micrositio (the mecanismo de gobernanza, the annual agenda, the STL's acta de
 * instalación): an http(s) link.
 */
export function IsHttpUrlField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'debe ser texto' }),
    MaxLength(2_000, { message: 'admite como máximo 2000 caracteres' }),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'debe ser un enlace http(s)' }),
    ApiProperty({ type: String, format: 'uri', example: 'https://micrositio.example.org/mecanismo-de-gobernanza.pdf', ...options }),
  );
}
