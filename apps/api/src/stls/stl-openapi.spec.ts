import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { CalendarController } from '../calendar/calendar.controller';
import { CalendarService } from '../calendar/calendar.service';
import { IdempotencyKeys } from '../idempotency/idempotency-keys';
import { StlMembersController } from './stl-members.controller';
import { StlReadModel } from './stl-read-model';
import { StlSessionsCalendarController } from './stl-sessions-calendar.controller';
import { StlSessionsController } from './stl-sessions.controller';
import { StlSessionsService } from './stl-sessions.service';
import { StlsController } from './stls.controller';
import { StlsService } from './stls.service';

/** The OpenAPI document of the STL and calendar routes, built from the decorators alone (no server, no database). */
describe('OpenAPI of the STL, session and calendar endpoints', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [StlsController, StlMembersController, StlSessionsController, StlSessionsCalendarController, CalendarController],
      providers: [StlsService, StlSessionsService, StlReadModel, CalendarService, IdempotencyKeys].map((provide) => ({ provide, useValue: {} })),
    }).compile();
    app = module.createNestApplication({ logger: false });
    app.setGlobalPrefix('api');
    await app.init();
    document = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
  });
  afterAll(() => app.close());

  const operation = (method: string, path: string) => {
    const found = document.paths[path]?.[method as 'get'];
    if (!found) throw new Error(`${method.toUpperCase()} ${path} is not documented`);
    return found;
  };
  const bodySchemaOf = (method: string, path: string) => {
    const body = operation(method, path).requestBody as { content: Record<string, { schema: { $ref: string } }> };
    const name = body.content['application/json'].schema.$ref.split('/').pop()!;
    return document.components!.schemas![name] as { properties: Record<string, { example?: unknown }>; required?: string[] };
  };

  it('documents every route under /api/stls and the calendar', () => {
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );

    expect(routes.sort()).toEqual(
      [
        'GET /api/calendar/notice-deadline',
        'GET /api/stls',
        'GET /api/stls/{entidad}',
        'GET /api/stls/{entidad}/sessions.ics',
        'POST /api/stls/{entidad}/installation',
        'PUT /api/stls/{entidad}/facilitador',
        'DELETE /api/stls/{entidad}/facilitador',
        'PUT /api/stls/{entidad}/decision-rule',
        'PUT /api/stls/{entidad}/non-working-days',
        'PUT /api/stls/{entidad}/governance',
        'POST /api/stls/{entidad}/working-meetings',
        'POST /api/stls/{entidad}/civil-society-renewal/start',
        'POST /api/stls/{entidad}/civil-society-renewal/complete',
        'POST /api/stls/{entidad}/members',
        'POST /api/stls/{entidad}/members/{memberId}/resign',
        'POST /api/stls/{entidad}/members/{memberId}/removal/propose',
        'POST /api/stls/{entidad}/members/{memberId}/removal/decide',
        'POST /api/stls/{entidad}/sessions',
        'POST /api/stls/{entidad}/sessions/{id}/attendance',
        'POST /api/stls/{entidad}/sessions/{id}/decisions',
        'POST /api/stls/{entidad}/sessions/{id}/minutes',
        'POST /api/stls/{entidad}/sessions/{id}/reschedule',
        'POST /api/stls/{entidad}/sessions/{id}/cancel',
      ].sort(),
    );
  });

  it('takes the facilitador vacancy as an optional JSON body on DELETE (without one: vacant from today)', () => {
    const body = bodySchemaOf('delete', '/api/stls/{entidad}/facilitador');
    expect(body).toMatchObject({ properties: { vacatedOn: expect.any(Object), reason: expect.any(Object) } });
    expect(body.required ?? []).not.toContain('vacatedOn');
    expect(body.required ?? []).not.toContain('reason');
  });

  it('gives examples of the convocation, its answer and NOTICE_TOO_SHORT', () => {
    const convene = operation('post', '/api/stls/{entidad}/sessions');
    const convocation = bodySchemaOf('post', '/api/stls/{entidad}/sessions');

    expect(convocation.properties.agenda.example).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(convocation.properties.date.example).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(convene.responses['201'])).toContain('2027-02-10-1');
    expect(JSON.stringify(convene.responses['422'])).toContain('NOTICE_TOO_SHORT');
  });

  it('marks the calendar routes public and the rest as needing a bearer token', () => {
    const bearer = (method: string, path: string) => (operation(method, path).security ?? []).some((requirement) => 'bearer' in requirement);

    expect(bearer('get', '/api/stls/{entidad}/sessions.ics')).toBe(false);
    expect(bearer('get', '/api/calendar/notice-deadline')).toBe(false);
    expect(bearer('get', '/api/stls/{entidad}')).toBe(true);
    expect(bearer('post', '/api/stls/{entidad}/sessions/{id}/decisions')).toBe(true);
  });
});
