import { ENTIDAD_CODES, isLocalDate } from '@app/domain';
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

/** Dates of the method are civil dates, strictly YYYY-MM-DD (no time, no time zone). */
export function IsLocalDateField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    ValidateBy({
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => isLocalDate(value),
        defaultMessage: () => 'debe ser una fecha válida con formato AAAA-MM-DD',
      },
    }),
    ApiProperty({ type: String, format: 'date', example: '2026-11-10', ...options }),
  );
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
        defaultMessage: (args) =>
          inadmissibleCharacterMessage(typeof args?.value === 'string' ? (inadmissibleCharacter(args.value, characters) ?? '') : ''),
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
