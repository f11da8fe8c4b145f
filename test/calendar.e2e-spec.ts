import { addDays, businessCalendar, noticeDeadline } from '@app/domain';
import { authenticatedApi } from './support/auth';
import { todayInMexicoCity } from './support/dates';
import { statesOf } from './support/e2e-states';
import { e2eApi } from './support/http';

const { durango, noStl } = statesOf('calendar', __filename);

/** GET /api/calendar/notice-deadline: public calendar arithmetic for the convocation date picker. */
describe('GET /api/calendar/notice-deadline', () => {
  const api = e2eApi();

  it('gives the fifth business day before the session to anyone (DOMAIN.md: 23 Nov 2026, 16 Nov a rest day → 13 Nov)', async () => {
    const response = await api.get('/api/calendar/notice-deadline?sessionDate=2026-11-23');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ sessionDate: '2026-11-23', deadline: '2026-11-13', noticeBusinessDays: 5 });
  });

  it('skips New Year and the weekend', async () => {
    const response = await api.get('/api/calendar/notice-deadline?sessionDate=2027-01-06');

    expect(response.body).toEqual({ sessionDate: '2027-01-06', deadline: '2026-12-29', noticeBusinessDays: 5 });
  });

  it('with entidad, also skips the days its STL declared non-working', async () => {
    const coordinador = authenticatedApi(api, 'coordinador');
    const sessionDate = businessCalendar().addBusinessDays(todayInMexicoCity(), 20);
    const federalDeadline = noticeDeadline(sessionDate, businessCalendar());
    expect((await coordinador.put(`/api/stls/${durango}/non-working-days`, { dates: [federalDeadline] })).status).toBe(200);

    const withStl = await api.get(`/api/calendar/notice-deadline?sessionDate=${sessionDate}&entidad=${durango}`);
    const withoutStl = await api.get(`/api/calendar/notice-deadline?sessionDate=${sessionDate}`);

    expect(withStl.body).toEqual({ sessionDate, deadline: noticeDeadline(sessionDate, businessCalendar([federalDeadline])), noticeBusinessDays: 5, entidad: durango });
    expect(withoutStl.body).toEqual({ sessionDate, deadline: federalDeadline, noticeBusinessDays: 5 });
    expect((await coordinador.put(`/api/stls/${durango}/non-working-days`, { dates: [] })).status).toBe(200);
  });

  it('with entidad, counts the notice its STL\'s mechanism asks for, and the rule accepts a convocation on that deadline', async () => {
    // "No existe una forma única… plena libertad para establecer pautas particulares" (guia-instalacion-stl.txt).
    const coordinador = authenticatedApi(api, 'coordinador');
    const adopted = await coordinador.put(`/api/stls/${durango}/governance`, {
      mechanism: { template: 'minimos_guia', noticeBusinessDays: 3 },
      historical: { justification: 'Reglas adoptadas por el STL en una sesión cuya acta se registra aparte.' },
    });
    expect(adopted.status).toBe(200);
    const today = todayInMexicoCity();
    // Three business days from the first business day on or after today: five days' notice would already be late.
    const firstBusinessDay = businessCalendar().addBusinessDays(addDays(today, -1), 1);
    const sessionDate = businessCalendar().addBusinessDays(firstBusinessDay, 3);

    const response = await api.get(`/api/calendar/notice-deadline?sessionDate=${sessionDate}&entidad=${durango}`);

    expect(response.body).toEqual({ sessionDate, deadline: firstBusinessDay, noticeBusinessDays: 3, entidad: durango });
    expect(noticeDeadline(sessionDate, businessCalendar()) < today).toBe(true);
    const convened = await coordinador.post(`/api/stls/${durango}/sessions`, { date: sessionDate, kind: 'ordinaria', convokedOn: today, agenda: ['Asuntos generales'] });
    expect(convened.status).toBe(201);
  });

  it('answers 404 STL_NOT_FOUND for a state without STL', async () => {
    const response = await api.get(`/api/calendar/notice-deadline?sessionDate=2026-11-23&entidad=${noStl}`);

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('STL_NOT_FOUND');
  });

  it.each([
    ['no date', '', 'sessionDate'],
    ['a date with a time', '?sessionDate=2026-11-23T10:00', 'sessionDate'],
    ['an impossible date', '?sessionDate=2026-02-30', 'sessionDate'],
    ['an unknown entidad', '?sessionDate=2026-11-23&entidad=33', 'entidad'],
    ['an unknown parameter', '?sessionDate=2026-11-23&dias=5', 'dias'],
  ])('refuses %s with 400 naming the field', async (_case, query, field) => {
    const response = await api.get(`/api/calendar/notice-deadline${query}`);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect((response.body.errors as { field: string }[]).map((error) => error.field)).toContain(field);
  });
});
