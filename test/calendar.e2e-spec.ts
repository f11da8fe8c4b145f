import { businessCalendar, noticeDeadline } from '@app/domain';
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
    expect(response.body).toEqual({ sessionDate: '2026-11-23', deadline: '2026-11-13' });
  });

  it('skips New Year and the weekend', async () => {
    const response = await api.get('/api/calendar/notice-deadline?sessionDate=2027-01-06');

    expect(response.body).toEqual({ sessionDate: '2027-01-06', deadline: '2026-12-29' });
  });

  it('with entidad, also skips the days its STL declared non-working', async () => {
    const coordinador = authenticatedApi(api, 'coordinador');
    const sessionDate = businessCalendar().addBusinessDays(todayInMexicoCity(), 20);
    const federalDeadline = noticeDeadline(sessionDate, businessCalendar());
    expect((await coordinador.put(`/api/stls/${durango}/non-working-days`, { dates: [federalDeadline] })).status).toBe(200);

    const withStl = await api.get(`/api/calendar/notice-deadline?sessionDate=${sessionDate}&entidad=${durango}`);
    const withoutStl = await api.get(`/api/calendar/notice-deadline?sessionDate=${sessionDate}`);

    expect(withStl.body).toEqual({ sessionDate, deadline: noticeDeadline(sessionDate, businessCalendar([federalDeadline])), entidad: durango });
    expect(withoutStl.body).toEqual({ sessionDate, deadline: federalDeadline });
    expect((await coordinador.put(`/api/stls/${durango}/non-working-days`, { dates: [] })).status).toBe(200);
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
