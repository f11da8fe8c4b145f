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

  it('adds the Problem schema next to the DTOs', () => {
    expect(Object.keys(documented.components?.schemas ?? {})).toEqual(['StartExerciseDto', 'Problem']);
    expect(documented.components?.schemas?.Problem).toMatchObject({ required: ['statusCode', 'code', 'message'] });
  });

  it('points every error response without content at it, and leaves documented content alone', () => {
    expect(documented.paths['/api/exercises'].post?.responses['409']).toEqual({ description: 'EXERCISE_ALREADY_OPEN', content: problem });
    expect(documented.paths['/api/stls/{entidad}'].get?.responses['404'].content).toEqual(problem);
    expect(documented.paths['/api/health'].get?.responses['503'].content).toEqual({ 'application/json': { example: { status: 'degraded' } } });
    expect(documented.paths['/api/exercises'].post?.responses['201']).toEqual({ description: 'Iniciado' });
  });

  it('documents the 400 of every route that takes a body or parameters, and only those', () => {
    expect(documented.paths['/api/exercises'].post?.responses['400']).toMatchObject({ content: problem, description: expect.stringContaining('VALIDATION_FAILED') });
    expect(documented.paths['/api/stls/{entidad}'].get?.responses['400']).toMatchObject({ content: problem });
    expect(documented.paths['/api/health'].get?.responses['400']).toBeUndefined();
  });
});
