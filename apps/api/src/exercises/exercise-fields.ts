import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { AdmissibleText } from '../validation/decorators';
import { ArrayMaxSize, IsArray, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Commitment ids travel in URLs (`/commitments/C1/progress`): letters, digits, `.`, `_` and `-`, up to 64. */
export const COMMITMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function IsCommitmentIdField(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'debe ser texto' }),
    Matches(COMMITMENT_ID_PATTERN, {
      message: 'debe tener de 1 a 64 letras, dígitos, puntos, guiones o guiones bajos, y empezar con letra o dígito',
    }),
    ApiProperty({ type: String, pattern: COMMITMENT_ID_PATTERN.source, example: 'C1', ...options }),
  );
}

/** A list of short texts (activities, products, indicators, responsibles): bounded in items and in length. */
export function IsTextListField(maxItems: number, maxLength: number, options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: 'debe ser una lista' }),
    ArrayMaxSize(maxItems, { message: `admite como máximo ${maxItems} elementos` }),
    IsString({ each: true, message: 'cada elemento debe ser texto' }),
    MinLength(1, { each: true, message: 'ningún elemento puede estar vacío' }),
    MaxLength(maxLength, { each: true, message: `cada elemento admite como máximo ${maxLength} caracteres` }),
    AdmissibleText({}, true),
    ApiProperty({ type: [String], maxItems, ...options }),
  );
}

/**
 * A whole number from the query string (`?limit=50`): only plain digits are converted, so `1e3`, `0x10`, `-1` or an
 * empty value stay strings and are refused with the field's name instead of becoming a surprising number.
 */
export function IsQueryIntegerField(min: number, max: number, options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : value)),
    IsInt({ message: 'debe ser un número entero' }),
    Min(min, { message: `debe ser al menos ${min}` }),
    Max(max, { message: `debe ser como máximo ${max}` }),
    ApiPropertyOptional({ type: Number, minimum: min, maximum: max, ...options }),
  );
}
