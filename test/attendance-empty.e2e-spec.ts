import { addDays } from '@app/domain';
import { authenticatedApi } from './support/auth';
import { daysFromToday } from './support/dates';
import { e2eApi } from './support/http';

/**
 * Issue 21: an empty attendance list is a slip far more often than a fact, and it is recorded once per session. The
 * API refuses it unless the request says the session was held without attendees, as the board's «Sesión sin
 * asistentes» box does. On Tabasco (27), whose sessions no other test file records.
 */
const api = e2eApi();
const coordinador = authenticatedApi(api, 'coordinador');
const TABASCO = '27';

async function pastSession(): Promise<string> {
  const date = daysFromToday(-3);
  const response = await coordinador.post(`/api/stls/${TABASCO}/sessions`, {
    date,
    kind: 'extraordinaria',
    convokedOn: addDays(date, -14),
    historical: { justification: 'Convocada por oficio antes de usar el sistema' },
    agenda: ['Lista de asistencia y declaración de quórum'],
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

const sessionStatus = async (sessionId: string): Promise<string | undefined> => {
  const detail = await coordinador.get<{ sessions: { id: string; status: string }[] }>(`/api/stls/${TABASCO}`);
  return detail.body.sessions.find((session) => session.id === sessionId)?.status;
};

describe('POST /api/stls/:entidad/sessions/:id/attendance with nobody present', () => {
  let sessionId: string;

  beforeAll(async () => {
    sessionId = await pastSession();
  });

  it('answers 422 ATTENDANCE_EMPTY in Spanish and records nothing, so the right list can still be sent', async () => {
    const response = await coordinador.post(`/api/stls/${TABASCO}/sessions/${sessionId}/attendance`, { present: [] });

    expect(response.status).toBe(422);
    expect(response.body.code).toBe('ATTENDANCE_EMPTY');
    expect(response.body.message).toMatch(/^Nadie figura como presente en la sesión «.+»\. Marque a quienes asistieron/);
    await expect(sessionStatus(sessionId)).resolves.toBe('convocada');
  });

  it('answers 400 when the confirmation is not a boolean', async () => {
    const response = await coordinador.post(`/api/stls/${TABASCO}/sessions/${sessionId}/attendance`, {
      present: [],
      withoutAttendees: 'sí',
    });

    expect(response.status).toBe(400);
    await expect(sessionStatus(sessionId)).resolves.toBe('convocada');
  });

  it('records a session held without attendees when the request says so: no quorum, nobody present', async () => {
    const response = await coordinador.post(`/api/stls/${TABASCO}/sessions/${sessionId}/attendance`, {
      present: [],
      withoutAttendees: true,
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ sessionId, sessionStatus: 'sin_quorum', quorum: false, seatsPresent: 0 });
    await expect(sessionStatus(sessionId)).resolves.toBe('sin_quorum');
  });
});
