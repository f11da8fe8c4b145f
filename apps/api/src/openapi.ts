import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The one shape of every error (docs/DESIGN.md, "HTTP surface"; apps/api/src/errors). */
export const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', description: 'Código estable', example: 'VALIDATION_FAILED' },
    message: { type: 'string', minLength: 1, description: 'Mensaje en español', example: 'Datos inválidos. completedOn: debe ser una fecha válida con formato AAAA-MM-DD' },
    errors: {
      type: 'array',
      description: 'Con VALIDATION_FAILED: cada campo inválido y por qué',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  additionalProperties: true,
} as const;

const PROBLEM_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } };

const MALFORMED = 'Datos mal formados: VALIDATION_FAILED (con `errors`, cada campo y por qué), MALFORMED_JSON o MALFORMED_REQUEST';

type Responses = Record<string, { description?: string; content?: unknown }>;
type Operations = Record<string, { parameters?: unknown[]; requestBody?: unknown; responses?: Responses }>;

/**
 * Completes what the decorators leave out: every error response carries the problem schema, and every route that
 * takes parameters or a body documents its 400 (the validation pipe answers it to any of them).
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA as never } };
  for (const operations of Object.values(document.paths) as Operations[]) {
    for (const operation of Object.values(operations)) {
      const responses = (operation.responses ??= {});
      if (!responses['400'] && ((operation.parameters?.length ?? 0) > 0 || operation.requestBody)) {
        responses['400'] = { description: MALFORMED };
      }
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400 && !response.content) response.content = PROBLEM_CONTENT;
      }
    }
  }
  return document;
}

export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gobierno Abierto: Cocreación desde lo Local')
      .setDescription(
        'API del orquestador de los ejercicios locales de gobierno abierto (INAI): ejercicios, STL, sesiones, ' +
          'plazos, recordatorios y escalamientos. Fechas en formato AAAA-MM-DD (hora de la Ciudad de México).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, documentProblems(document), { jsonDocumentUrl: 'api/docs-json' });
}
