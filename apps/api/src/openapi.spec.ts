import { type OpenAPIObject } from '@nestjs/swagger';
import { documentProblems } from './openapi';

const problem = { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } };

function document(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    components: { schemas: { StartExerciseDto: { type: 'object' } } },
    paths: {
      '/api/exercises': {
        post: {
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/StartExerciseDto' } } } },
          responses: { '201': { description: 'Iniciado' }, '409': { description: 'EXERCISE_ALREADY_OPEN' } },
        },
      },
      '/api/health': {
        get: {
          responses: {
            '200': { description: 'Todo funciona' },
            '503': { description: 'Degradado', content: { 'application/json': { example: { status: 'degraded' } } } },
          },
        },
      },
      '/api/stls/{entidad}': {
        get: {
          parameters: [{ name: 'entidad', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'El STL' }, '404': { description: 'STL_NOT_FOUND' } },
        },
      },
    },
  };
}

describe('OpenAPI: the problem shape of every error', () => {
  const documented = documentProblems(document());
  const responses = (path: string, method: 'get' | 'post') =>
    documented.paths[path][method]?.responses as Record<string, { description: string; content?: unknown }>;

  it('adds the Problem schema next to the DTOs', () => {
    expect(Object.keys(documented.components?.schemas ?? {})).toEqual(['StartExerciseDto', 'Problem']);
    expect(documented.components?.schemas?.Problem).toMatchObject({ required: ['statusCode', 'code', 'message'] });
  });

  it('points every error response without content at it, and leaves documented content alone', () => {
    expect(responses('/api/exercises', 'post')['409']).toEqual({ description: 'EXERCISE_ALREADY_OPEN', content: problem });
    expect(responses('/api/stls/{entidad}', 'get')['404'].content).toEqual(problem);
    expect(responses('/api/health', 'get')['503'].content).toEqual({ 'application/json': { example: { status: 'degraded' } } });
    expect(responses('/api/exercises', 'post')['201']).toEqual({ description: 'Iniciado' });
  });

  it('documents the 400 of every route that takes a body or parameters, and only those', () => {
    expect(responses('/api/exercises', 'post')['400']).toMatchObject({ content: problem, description: expect.stringContaining('VALIDATION_FAILED') });
    expect(responses('/api/stls/{entidad}', 'get')['400']).toMatchObject({ content: problem });
    expect(responses('/api/health', 'get')['400']).toBeUndefined();
  });
});
