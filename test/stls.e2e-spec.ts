import { addDays, businessCalendar, type LocalDate, noticeDeadline } from '@app/domain';
import ICAL from 'ical.js';
import { authenticatedApi } from './support/auth';
import { daysFromToday, todayInMexicoCity } from './support/dates';
import { statesOf } from './support/e2e-states';
import { e2eApi } from './support/http';
import { workflowIdsListedBy } from './support/temporal-cli';

/**
 * The STL endpoints on the whole system, over the seeded STLs of 2017: Jalisco meets and decides, Zacatecas loses and
 * regains its facilitador, Nuevo León changes members over time, Coahuila declares its own non-working days, and
 * Aguascalientes has no STL. Other test files use other states (test/support/e2e-states.ts).
 */
const { aguascalientes, jalisco, zacatecas, nuevoLeon, coahuila, tabasco } = statesOf('stls', __filename);

const api = e2eApi();
const coordinador = authenticatedApi(api, 'coordinador');
const today = todayInMexicoCity();
const federal = businessCalendar();
const SEEDED = ['02', '04', '05', '10', '14', '16', '17', '19', '20', '24', '25', '26', '27', '29', '30', '32'];

interface Member {
  readonly memberId: string;
  readonly sector: string;
  readonly role: string;
}

interface Session {
  readonly id: string;
  readonly date: string;
  readonly status: string;
  readonly agenda: readonly string[];
  readonly decisions: readonly { readonly subject: string }[];
}

interface StlDetail {
  readonly summary: Record<string, any>;
  readonly extraNonWorkingDays: readonly string[];
  readonly members: readonly Member[];
  readonly sessions: readonly Session[];
  readonly escalations: readonly { readonly status: string }[];
}

const stl = async (entidad: string): Promise<StlDetail> => {
  const response = await coordinador.get<StlDetail>(`/api/stls/${entidad}`);
  expect(response.status).toBe(200);
  return response.body;
};

const titularesOf = async (entidad: string, sector?: string): Promise<string[]> =>
  (await stl(entidad)).members
    .filter((member) => member.role === 'titular' && (sector === undefined || member.sector === sector))
    .map((member) => member.memberId);

/** A session already held (dated `date`, convened two weeks before: a historical act), ready for its attendance. */
async function pastSession(entidad: string, date: LocalDate): Promise<string> {
  const response = await coordinador.post(`/api/stls/${entidad}/sessions`, {
    date,
    kind: 'ordinaria',
    convokedOn: addDays(date, -14),
    historical: { justification: 'Convocada por oficio antes de usar el sistema' },
    agenda: ['Lista de asistencia y declaración de quórum', 'Seguimiento del PAL'],
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

describe('GET /api/stls and /api/stls/:entidad (read model)', () => {
  it('lists the 16 STLs of 2017 for the coordinación, with their summary', async () => {
    const response = await coordinador.get<{ entidad: string }[]>('/api/stls');

    expect(response.status).toBe(200);
    expect(response.body.map((row) => row.entidad)).toEqual(expect.arrayContaining(SEEDED));
    expect(response.body.find((row) => row.entidad === jalisco)).toMatchObject({
      entidad: jalisco,
      nombre: 'Jalisco',
      workflowId: `stl/${jalisco}`,
      status: 'instalado',
      decisionRule: 'consensus_then_majority_with_civil_society_vote',
      titularesBySector: { gobierno: 4, sociedad_civil: 4, garante: 1 },
    });
  });

  it('shows each account only the states it may read', async () => {
    const seenBy = async (username: string) =>
      ((await authenticatedApi(api, username).get('/api/stls')).body as { entidad: string }[]).map((row) => row.entidad);

    expect(await seenBy('garante-14')).toEqual(['14']);
    expect(await seenBy('integrante-20')).toEqual(['20']);
    expect(await seenBy('enlace')).toEqual(['14', '20', '26', '29']);
    // Other tests may register more STLs (starting an exercise registers its state's), never fewer.
    expect(await seenBy('coordinador')).toEqual(expect.arrayContaining(SEEDED));
    expect((await authenticatedApi(api, 'garante-14').get('/api/stls?entidad=20')).status).toBe(403);
  });

  it('filters by status and by vacant facilitador', async () => {
    const vacant = await coordinador.get('/api/stls?facilitadorVacante=true&status=instalado');

    expect(vacant.status).toBe(200);
    expect(vacant.body.length).toBeGreaterThan(0);
    for (const row of vacant.body) expect(row).toMatchObject({ status: 'instalado', facilitadorVacante: true });
  });

  it('lists under FacilitadorVacante=true in the temporal CLI exactly the STLs shown without facilitador', async () => {
    const vacant = await coordinador.get('/api/stls?facilitadorVacante=true');

    expect(vacant.body.length).toBeGreaterThan(0);
    expect(workflowIdsListedBy('FacilitadorVacante=true')).toEqual(
      (vacant.body as { workflowId: string }[]).map((row) => row.workflowId).sort(),
    );
  });

  it('details one STL: summary, members, sessions and open escalations', async () => {
    const detail = await stl(jalisco);

    expect(detail).toMatchObject({ entidad: jalisco, nombre: 'Jalisco', workflowId: `stl/${jalisco}`, summary: { facilitadorVacante: true } });
    expect(detail.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: `${jalisco}-gobierno-1`, sector: 'gobierno', role: 'titular', hasVote: true }),
        expect.objectContaining({ memberId: `${jalisco}-sociedadcivil-1`, sector: 'sociedad_civil' }),
        expect.objectContaining({ memberId: `${jalisco}-garante-1`, sector: 'garante' }),
      ]),
    );
    expect(detail.sessions).toEqual([expect.objectContaining({ id: 'sesion-1', status: 'celebrada', quorum: true })]);
    for (const escalation of detail.escalations) expect(escalation.status).not.toBe('resuelta');
  });

  it('answers 404 STL_NOT_FOUND for a state without STL, for reads and commands alike', async () => {
    const read = await coordinador.get(`/api/stls/${aguascalientes}`);
    const command = await coordinador.put(`/api/stls/${aguascalientes}/decision-rule`, { decisionRule: 'consensus_only' });

    expect(read.status).toBe(404);
    expect(read.body).toMatchObject({ code: 'STL_NOT_FOUND', message: expect.stringContaining('Aguascalientes') });
    expect(command.status).toBe(404);
    expect(command.body.code).toBe('STL_NOT_FOUND');
  });
});

describe('sessions of Jalisco: convocation, quorum, decisions, minutes', () => {
  let sinSociedadCivil: string;
  let conQuorum: string;

  it('refuses a convocation with four business days of notice: 422 NOTICE_TOO_SHORT with the deadline', async () => {
    const date = federal.addBusinessDays(today, 4);

    const response = await coordinador.post(`/api/stls/${jalisco}/sessions`, {
      date,
      kind: 'ordinaria',
      convokedOn: today,
      agenda: ['Seguimiento del PAL'],
    });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'NOTICE_TOO_SHORT',
      deadline: noticeDeadline(date, federal),
      sessionDate: date,
      message: expect.stringMatching(/cinco días hábiles/),
    });
    expect((await stl(jalisco)).sessions.some((session) => session.date === date)).toBe(false);
  });

  it('refuses a backdated convocation without justification (422 CONVOCATION_BACKDATED); as a historical act it stands, shown as such', async () => {
    const date = federal.addBusinessDays(today, 3);
    const body = { date, kind: 'ordinaria', convokedOn: addDays(today, -7), agenda: ['Seguimiento del PAL'] };

    const backdated = await coordinador.post(`/api/stls/${jalisco}/sessions`, body);
    const historical = await coordinador.post(`/api/stls/${jalisco}/sessions`, {
      ...body,
      historical: { justification: 'Convocada por oficio el día indicado' },
    });

    expect(backdated.status).toBe(422);
    expect(backdated.body).toMatchObject({ code: 'CONVOCATION_BACKDATED', convokedOn: body.convokedOn, today, message: expect.stringMatching(/acto histórico/) });
    expect(historical.status).toBe(201);
    expect(historical.body).toMatchObject({ convokedOn: body.convokedOn, historical: { justification: 'Convocada por oficio el día indicado' } });
    const listed = (await stl(jalisco)).sessions.find((session) => session.id === historical.body.id);
    expect(listed).toMatchObject({ historical: { justification: 'Convocada por oficio el día indicado' } });
    expect((await coordinador.post(`/api/stls/${jalisco}/sessions/${historical.body.id}/cancel`, { reason: 'Prueba' })).status).toBe(200);
  });

  it('moves a convened session to another day (200, its earlier date kept with the reason); a new date without notice from today is 422', async () => {
    const date = federal.addBusinessDays(today, 15);
    const convened = await coordinador.post(`/api/stls/${jalisco}/sessions`, { date, kind: 'extraordinaria', convokedOn: today, agenda: ['Asuntos generales'] });
    const path = `/api/stls/${jalisco}/sessions/${convened.body.id}/reschedule`;

    const tooSoon = await coordinador.post(path, { date: federal.addBusinessDays(today, 3), reason: 'Adelanto' });
    const moved = await coordinador.post(path, { date: federal.addBusinessDays(today, 17), reason: 'La sede no estará disponible' });

    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body).toMatchObject({ code: 'NOTICE_TOO_SHORT' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: convened.body.id, date: federal.addBusinessDays(today, 17), reschedulings: [{ from: date, reason: 'La sede no estará disponible' }] });
    const listed = (await stl(jalisco)).sessions.find((session) => session.id === convened.body.id);
    expect(listed).toMatchObject({ date: federal.addBusinessDays(today, 17), reschedulings: [{ from: date }] });
    expect((await coordinador.post(`/api/stls/${jalisco}/sessions/${convened.body.id}/cancel`, { reason: 'Prueba' })).status).toBe(200);
  });

  it('convenes with enough notice: 201 with an id the API gave, visible in GET', async () => {
    const date = federal.addBusinessDays(today, 10);
    const body = {
      date,
      kind: 'extraordinaria',
      convokedOn: today,
      agenda: ['Lista de asistencia', 'Calendario de sesiones del próximo año'],
      place: 'Sala de Plenos del ITEI',
      link: `https://reunion.ejemplo.org.mx/stl-${jalisco}`,
    };

    const first = await coordinador.post(`/api/stls/${jalisco}/sessions`, body);
    const second = await coordinador.post(`/api/stls/${jalisco}/sessions`, body);

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: `${date}-1`,
      date,
      kind: 'extraordinaria',
      status: 'convocada',
      convokedOn: today,
      noticeDeadline: noticeDeadline(date, federal),
      agenda: body.agenda,
      place: body.place,
      link: body.link,
      attendance: null,
    });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(`${date}-2`);
    const detail = await stl(jalisco);
    expect(detail.sessions).toEqual(expect.arrayContaining([first.body, second.body]));
    expect(detail.summary.nextSession).toMatchObject({ date });
  });

  it('cancels a convened session (twice is once)', async () => {
    const date = federal.addBusinessDays(today, 10);

    const cancelled = await coordinador.post(`/api/stls/${jalisco}/sessions/${date}-2/cancel`, { reason: 'Se empalma con otra sesión.' });
    const again = await coordinador.post(`/api/stls/${jalisco}/sessions/${date}-2/cancel`, { reason: 'Otra vez.' });

    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: `${date}-2`, status: 'cancelada', cancellation: { cancelledOn: today, reason: 'Se empalma con otra sesión.' } });
    expect(again.status).toBe(200);
    expect(again.body.cancellation.reason).toBe('Se empalma con otra sesión.');
  });

  // Jalisco's seeded mechanism is tabla 2's rule over the guide's minimum: a majority of the seats, civil society
  // not required (that is Estado de México's rule, mecanismo-gobernanza-edomex.md, cap. VI, 2).
  it('records attendance of a minority of the seats: quorum false, NO_QUORUM', async () => {
    sinSociedadCivil = await pastSession(jalisco, daysFromToday(-2));
    const present = await titularesOf(jalisco, 'gobierno');

    const response = await coordinador.post(`/api/stls/${jalisco}/sessions/${sinSociedadCivil}/attendance`, { present });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      sessionId: sinSociedadCivil,
      sessionStatus: 'sin_quorum',
      quorum: false,
      code: 'NO_QUORUM',
      seatsPresent: 4,
      seatsActive: 9,
      civilSocietyPresent: false,
    });
    const decision = await coordinador.post(`/api/stls/${jalisco}/sessions/${sinSociedadCivil}/decisions`, {
      subject: 'Calendario',
      consensus: true,
      votes: [],
    });
    expect(decision.status).toBe(409);
    expect(decision.body.code).toBe('NO_QUORUM');
  });

  it('amends the attendance when civil society arrives late (quorum recomputed), until the first decision (409 after)', async () => {
    // mecanismo-gobernanza-edomex.md, cap. VI, 2: "Siempre deberá estar presente un representante de sociedad civil."
    const present = [...(await titularesOf(jalisco, 'gobierno')), ...(await titularesOf(jalisco, 'garante'))];
    const lateArrival = (await titularesOf(jalisco, 'sociedad_civil'))[0];

    const amended = await coordinador.post(`/api/stls/${jalisco}/sessions/${sinSociedadCivil}/attendance`, { present: [...present, lateArrival] });
    const decision = await coordinador.post(`/api/stls/${jalisco}/sessions/${sinSociedadCivil}/decisions`, { subject: 'Orden del día', consensus: true, votes: [] });
    const tooLate = await coordinador.post(`/api/stls/${jalisco}/sessions/${sinSociedadCivil}/attendance`, { present });
    const unknown = await coordinador.post(`/api/stls/${jalisco}/sessions/no-existe/attendance`, { present: [] });

    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ sessionId: sinSociedadCivil, sessionStatus: 'celebrada', quorum: true, civilSocietyPresent: true, seatsPresent: 6 });
    expect(decision.status).toBe(201);
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.code).toBe('ATTENDANCE_ALREADY_RECORDED');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('SESSION_NOT_FOUND');
  });

  it('decides by Jalisco’s rule: a majority without a civil-society vote is not approved (NO_CIVIL_SOCIETY_VOTE)', async () => {
    conQuorum = await pastSession(jalisco, daysFromToday(-1));
    const gobierno = await titularesOf(jalisco, 'gobierno');
    const sociedadCivil = await titularesOf(jalisco, 'sociedad_civil');
    const [garante] = await titularesOf(jalisco, 'garante');
    const attendance = await coordinador.post(`/api/stls/${jalisco}/sessions/${conQuorum}/attendance`, {
      present: [...gobierno, ...sociedadCivil, garante],
    });
    expect(attendance.body).toMatchObject({ quorum: true, sessionStatus: 'celebrada' });
    expect(attendance.body).not.toHaveProperty('code');

    const response = await coordinador.post(`/api/stls/${jalisco}/sessions/${conQuorum}/decisions`, {
      subject: 'Cambio de sede de las sesiones',
      consensus: false,
      votes: [
        ...gobierno.map((memberId) => ({ memberId, vote: 'favor' })),
        ...sociedadCivil.map((memberId) => ({ memberId, vote: 'contra' })),
        { memberId: garante, vote: 'favor' },
      ],
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      sessionId: conQuorum,
      number: 1,
      approved: false,
      rule: 'consensus_then_majority_with_civil_society_vote',
      code: 'NO_CIVIL_SOCIETY_VOTE',
      tally: { favor: 5, contra: 4, impedimento: 0 },
    });
  });

  // guia-instalacion-stl.txt, tabla 2, Jalisco: "regla de mayoría, con al menos un voto de sociedad civil" — no casting vote.
  /** Government against, civil society in favour, the garante excused: a tie. */
  const tiedVote = async () => {
    const gobierno = await titularesOf(jalisco, 'gobierno');
    const sociedadCivil = await titularesOf(jalisco, 'sociedad_civil');
    const [garante] = await titularesOf(jalisco, 'garante');
    return {
      subject: 'Publicar las minutas en datos abiertos',
      consensus: false,
      votes: [
        ...gobierno.map((memberId) => ({ memberId, vote: 'contra' })),
        ...sociedadCivil.map((memberId) => ({ memberId, vote: 'favor' })),
        { memberId: garante, vote: 'impedimento', reason: 'El organismo garante es parte del asunto.' },
      ],
    };
  };

  it('leaves a tie unresolved: tabla 2 gives Jalisco no casting vote (TIE_UNRESOLVED)', async () => {
    const response = await coordinador.post(`/api/stls/${jalisco}/sessions/${conQuorum}/decisions`, await tiedVote());

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ number: 2, decisionId: '2', approved: false, code: 'TIE_UNRESOLVED' });
  });

  it('answers a decision taken again in the same words with its own number, not the first one\'s', async () => {
    const body = await tiedVote();

    const again = await coordinador.post(`/api/stls/${jalisco}/sessions/${conQuorum}/decisions`, body);

    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ number: 3, decisionId: '3', subject: body.subject });
    const session = (await stl(jalisco)).sessions.find((candidate) => candidate.id === conQuorum);
    expect(session?.decisions).toHaveLength(3);
  });

  it('refuses a vote by someone who is not a member (409 UNKNOWN_MEMBER), storing nothing', async () => {
    const response = await coordinador.post(`/api/stls/${jalisco}/sessions/${conQuorum}/decisions`, {
      subject: 'Otro asunto',
      consensus: true,
      votes: [{ memberId: '20-gobierno-1', vote: 'favor' }],
    });

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('UNKNOWN_MEMBER');
    const session = (await stl(jalisco)).sessions.find((candidate) => candidate.id === conQuorum);
    expect(session?.decisions).toHaveLength(3);
  });

  it('approves the minutes signed by everyone present, which closes the session', async () => {
    const signedBy = [...(await titularesOf(jalisco))];

    const response = await coordinador.post(`/api/stls/${jalisco}/sessions/${conQuorum}/minutes`, { approvedOn: today, signedBy });
    const late = await coordinador.post(`/api/stls/${jalisco}/sessions/${conQuorum}/decisions`, { subject: 'Tarde', consensus: true, votes: [] });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: conQuorum, status: 'celebrada', minutes: { approvedOn: today } });
    expect((response.body.decisions as Session['decisions']).map((decision) => decision.subject)).toEqual([
      'Cambio de sede de las sesiones',
      'Publicar las minutas en datos abiertos',
      'Publicar las minutas en datos abiertos',
    ]);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('MINUTES_ALREADY_APPROVED');
  });

  it('lets an integrante read and refuses its commands (403 FORBIDDEN_ENTIDAD)', async () => {
    const integrante = authenticatedApi(api, `integrante-${jalisco}`);

    expect((await integrante.get(`/api/stls/${jalisco}`)).status).toBe(200);
    const refused = await integrante.post(`/api/stls/${jalisco}/sessions/${conQuorum}/cancel`, { reason: 'Sin permiso' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN_ENTIDAD');
  });

  it('serves the sessions as an iCalendar file to anyone, one VEVENT per session with its agenda', async () => {
    const response = await api.get(`/api/stls/${jalisco}/sessions.ics`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = response.body as string;
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    const { sessions } = await stl(jalisco);
    expect(events.map((event) => event.uid).sort()).toEqual(sessions.map((session) => `stl-${jalisco}-${session.id}@cocreacion-local`).sort());
    for (const session of sessions) {
      const event = events.find((candidate) => candidate.uid === `stl-${jalisco}-${session.id}@cocreacion-local`)!;
      expect(event.startDate.toString()).toBe(session.date);
      for (const item of session.agenda) expect(event.description).toContain(item);
      expect(event.component.getFirstPropertyValue('status')).toBe(session.status === 'cancelada' ? 'CANCELLED' : 'CONFIRMED');
    }
    // Public: no addresses of people, no meeting links.
    expect(ics).not.toMatch(/@ejemplo\.org\.mx|reunion\.ejemplo\.org\.mx/);
    expect((await api.get(`/api/stls/${aguascalientes}/sessions.ics`)).status).toBe(404);
  });
});

describe('the facilitador of Zacatecas: vacated, then appointed', () => {
  it('vacates the post (DELETE with a JSON body) and flags it at once', async () => {
    const response = await coordinador.request('DELETE', `/api/stls/${zacatecas}/facilitador`, { vacatedOn: today, reason: 'Renuncia presentada ante el STL.' });
    const again = await coordinador.request('DELETE', `/api/stls/${zacatecas}/facilitador`, { vacatedOn: today, reason: 'Otra vez.' });

    expect(response.status).toBe(200);
    expect(response.body.summary).toMatchObject({ facilitador: null, facilitadorVacante: true, vacantSince: today });
    expect(response.body.summary.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'FACILITADOR_VACANT' })]));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('FACILITADOR_ALREADY_VACANT');
  });

  it('appoints a new one as a historical act (its session not registered); GET shows what the command answered', async () => {
    const justification = 'Designada en la sesión del STL de esta mañana; el acta se registrará después.';
    const response = await coordinador.put(`/api/stls/${zacatecas}/facilitador`, {
      facilitadorId: `${zacatecas}-facilitador-2`,
      nombre: 'Laura Hernández Ochoa',
      procedencia: 'Academia – Universidad Autónoma de Zacatecas',
      organizacion: 'Universidad Autónoma de Zacatecas',
      appointedOn: today,
      historical: { justification },
    });

    expect(response.status).toBe(200);
    expect(response.body.summary).toMatchObject({
      facilitadorVacante: false,
      facilitador: { facilitadorId: `${zacatecas}-facilitador-2`, nombre: 'Laura Hernández Ochoa', appointedOn: today },
    });
    expect(response.body.governance.actsWithoutSession).toEqual([{ act: { kind: 'appoint_facilitador' }, on: today, justification }]);
    const detail = await stl(zacatecas);
    expect(detail.summary.facilitador).toEqual(response.body.summary.facilitador);
    expect(detail.members).toEqual(response.body.members);
    expect(detail.sessions).toEqual(response.body.sessions);
  });

  it('vacates it with a DELETE without a body (dropped by many clients and proxies): from today, no reason', async () => {
    const response = await coordinador.delete('/api/stls/32/facilitador');

    expect(response.status).toBe(200);
    expect(response.body.summary).toMatchObject({ facilitador: null, facilitadorVacante: true, vacantSince: today });
  });
});

describe('Coahuila’s own progress period (mecanismo-gobernanza-edomex.md, cap. X, 3: "Reportar periódicamente los avances")', () => {
  it('keeps the period the STL set in its mechanism and returns it as governance', async () => {
    const adopted = await coordinador.put(`/api/stls/${coahuila}/governance`, {
      mechanism: { template: 'minimos_guia', progressReportMonths: 3 },
      adoptedOn: daysFromToday(-10),
      historical: { justification: 'Acuerdo de 2025 sobre el seguimiento trimestral del PAL, con acta en papel.' },
    });

    expect(adopted.status).toBe(200);
    expect(adopted.body.governance.current).toMatchObject({ validFrom: daysFromToday(-10), mechanism: { progress: { reportMonths: 3 } } });
    expect(((await stl(coahuila)) as any).governance.current.mechanism.progress).toEqual({ reportMonths: 3 });
  });
});

describe('membership of Nuevo León over time', () => {
  const absent = `${nuevoLeon}-gobierno-3`;
  const sessionIds: string[] = [];

  // mecanismo-gobernanza-edomex.md, cap. III, 5: "alguno de los integrantes del STL propondrán la remoción del cargo y
  // notificará al integrante … con la finalidad de que sea considerado en la próxima sesión".
  it('suggests removing a titular absent past its mechanism’s number; a member proposes; the next session votes it', async () => {
    const adopted = await coordinador.put(`/api/stls/${nuevoLeon}/governance`, {
      mechanism: { template: 'minimos_guia', removal: { absences: 3, consecutive: true } },
      adoptedOn: daysFromToday(-20),
      historical: { justification: 'Reforma del mecanismo acordada en 2025, con acta en papel.' },
    });
    expect(adopted.status).toBe(200);
    expect(adopted.body.governance.current).toMatchObject({ version: 2, validFrom: daysFromToday(-20), mechanism: { removal: { absences: 3 } } });

    const present = (await titularesOf(nuevoLeon)).filter((memberId) => memberId !== absent);
    for (const daysAgo of [-12, -9, -6, -3]) sessionIds.push(await pastSession(nuevoLeon, daysFromToday(daysAgo)));
    const answers = [];
    for (const sessionId of sessionIds.slice(0, 3)) {
      answers.push((await coordinador.post(`/api/stls/${nuevoLeon}/sessions/${sessionId}/attendance`, { present })).body);
    }
    expect(answers.map((answer) => [answer.quorum, answer.removalsProposed])).toEqual([[true, []], [true, []], [true, []]]);
    const warned = await stl(nuevoLeon);
    expect(warned.summary.pendingRemovals).toBe(0);
    expect((warned as any).governance.removalSuggestions).toEqual([
      expect.objectContaining({ titularId: absent, absences: sessionIds.slice(0, 3), message: expect.stringMatching(/puede proponer su remoción/) }),
    ]);

    const proposed = await coordinador.post(`/api/stls/${nuevoLeon}/members/${absent}/removal/propose`, {
      cause: 'inactividad',
      proposedBy: '19-garante-1',
      proposedOn: daysFromToday(-5),
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body.summary.pendingRemovals).toBe(1);

    await coordinador.post(`/api/stls/${nuevoLeon}/sessions/${sessionIds[3]}/attendance`, { present });
    const bare = await coordinador.post(`/api/stls/${nuevoLeon}/members/${absent}/removal/decide`, { approved: true });
    expect(bare.status).toBe(409);
    expect(bare.body.code).toBe('DECISION_REQUIRED');
    const vote = await coordinador.post(`/api/stls/${nuevoLeon}/sessions/${sessionIds[3]}/decisions`, {
      subject: `Remoción de ${absent} por inactividad`,
      act: { kind: 'remove_member', memberId: absent },
      consensus: false,
      votes: present.map((memberId) => ({ memberId, vote: 'favor' })),
    });
    expect(vote.body).toMatchObject({ approved: true, via: 'mayoria', decisionId: '1' });

    const decided = await coordinador.post(`/api/stls/${nuevoLeon}/members/${absent}/removal/decide`, {
      decision: { sessionId: sessionIds[3], decisionId: '1' },
    });

    expect(decided.status).toBe(200);
    expect((decided.body.members as Member[]).map((member) => member.memberId)).not.toContain(absent);
    expect(decided.body.summary).toMatchObject({ pendingRemovals: 0, titularesBySector: { gobierno: 2 } });
  });

  it('takes a removal proposal for another cause, to be decided at a later session', async () => {
    const proposed = await coordinador.post(`/api/stls/${nuevoLeon}/members/19-gobierno-2/removal/propose`, {
      cause: 'incumplimiento_normas',
      proposedBy: `${nuevoLeon}-garante-1`,
    });
    const twice = await coordinador.post(`/api/stls/${nuevoLeon}/members/19-gobierno-2/removal/propose`, {
      cause: 'probidad',
      proposedBy: `${nuevoLeon}-garante-1`,
    });
    const tooEarly = await coordinador.post(`/api/stls/${nuevoLeon}/sessions/${sessionIds[3]}/decisions`, {
      subject: 'Remoción de 19-gobierno-2',
      act: { kind: 'remove_member', memberId: '19-gobierno-2' },
      consensus: true,
      votes: [],
    });

    expect(proposed.status).toBe(200);
    expect(proposed.body.summary.pendingRemovals).toBe(1);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('REMOVAL_ALREADY_PROPOSED');
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.code).toBe('REMOVAL_NOT_AT_LATER_SESSION');
  });

  it('adds a suplente; when the titular resigns the suplente takes the seat', async () => {
    const suplente = {
      memberId: '19-sociedadcivil-1-suplente',
      sector: 'sociedad_civil',
      role: 'suplente',
      nombre: 'Suplente de sociedad civil (Nuevo León)',
      organizacion: 'Organización de la sociedad civil 1 de Nuevo León',
      titularId: `${nuevoLeon}-sociedadcivil-1`,
      email: 'suplente1.19@ejemplo.org.mx',
      joinedOn: today,
    };

    const added = await coordinador.post(`/api/stls/${nuevoLeon}/members`, suplente);
    const duplicate = await coordinador.post(`/api/stls/${nuevoLeon}/members`, suplente);
    const resigned = await coordinador.post(`/api/stls/${nuevoLeon}/members/19-sociedadcivil-1/resign`, { on: today });

    expect(added.status).toBe(201);
    expect(added.body.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: suplente.memberId, role: 'suplente', seatId: `${nuevoLeon}-sociedadcivil-1`, email: suplente.email }),
      ]),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('DUPLICATE_MEMBER');
    expect(resigned.status).toBe(200);
    const members = resigned.body.members as (Member & { seatId: string })[];
    expect(members.map((member) => member.memberId)).not.toContain(`${nuevoLeon}-sociedadcivil-1`);
    expect(members.find((member) => member.memberId === suplente.memberId)).toMatchObject({ role: 'titular', seatId: `${nuevoLeon}-sociedadcivil-1` });
  });

  it('renews its civil-society representation at a PAL’s end', async () => {
    const started = await coordinador.post(`/api/stls/${nuevoLeon}/civil-society-renewal/start`, { palEndedOn: daysFromToday(-1) });
    const completed = await coordinador.post(`/api/stls/${nuevoLeon}/civil-society-renewal/complete`, { completedOn: today });
    const again = await coordinador.post(`/api/stls/${nuevoLeon}/civil-society-renewal/complete`, { completedOn: today });

    expect(started.status).toBe(200);
    expect(started.body.summary).toMatchObject({ renewalPending: true, renewalPendingSince: daysFromToday(-1) });
    expect(completed.status).toBe(200);
    expect(completed.body.summary.renewalPending).toBe(false);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RENEWAL_NOT_PENDING');
  });

  it('changes its decision rule only by the STL’s decision, or as a historical act', async () => {
    const without = await coordinador.put(`/api/stls/${nuevoLeon}/decision-rule`, { decisionRule: 'consensus_then_majority_with_each_sector_vote' });
    expect(without.status).toBe(409);
    expect(without.body.code).toBe('DECISION_REQUIRED');
    const response = await coordinador.put(`/api/stls/${nuevoLeon}/decision-rule`, {
      decisionRule: 'consensus_then_majority_with_each_sector_vote',
      historical: { justification: 'Acordado en sesión de 2025, con acta en papel.' },
    });

    expect(response.status).toBe(200);
    expect(response.body.summary.decisionRule).toBe('consensus_then_majority_with_each_sector_vote');
    expect((await stl(nuevoLeon)).summary.decisionRule).toBe('consensus_then_majority_with_each_sector_vote');
  });
});

describe('each STL its own mechanism: Tabasco, plain "regla de mayoría", then the Estado de México 2019 template', () => {
  const [gobierno, sociedadCivil, garante] = [`${tabasco}-gobierno-1`, `${tabasco}-sociedadcivil-1`, `${tabasco}-garante-1`];
  let sessionId: string;
  /** 1–1 with the garante impeded: civil society in favour, government against. */
  const tie = (subject: string) => ({
    subject,
    consensus: false,
    votes: [
      { memberId: gobierno, vote: 'contra' },
      { memberId: sociedadCivil, vote: 'favor' },
      { memberId: garante, vote: 'impedimento', reason: 'El organismo garante es parte del asunto.' },
    ],
  });

  it('does not approve a tie: tabla 2’s "regla de mayoría" has no casting vote', async () => {
    // guia-instalacion-stl.txt, tabla 2, Tabasco: "Por consenso y en caso de disenso se aplicará regla de mayoría."
    sessionId = await pastSession(tabasco, daysFromToday(-1));
    await coordinador.post(`/api/stls/${tabasco}/sessions/${sessionId}/attendance`, { present: [gobierno, sociedadCivil, garante] });

    const response = await coordinador.post(`/api/stls/${tabasco}/sessions/${sessionId}/decisions`, tie('Sede de las sesiones de 2027'));

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ decisionId: '1', approved: false, rule: 'consensus_then_majority', code: 'TIE_UNRESOLVED' });
    expect((await stl(tabasco) as any).governance.current.mechanism).toMatchObject({ basedOn: 'minimos_guia', decision: { tieBreak: { kind: 'none' } } });
  });

  it('approves the same tie once the STL adopts the Estado de México 2019 template by its own decision', async () => {
    // mecanismo-gobernanza-edomex.md, cap. VIII, 4: "el Representante de la Sociedad Civil tendrá el voto de calidad."
    const withoutDecision = await coordinador.put(`/api/stls/${tabasco}/governance`, { mechanism: { template: 'edomex_2019' } });
    expect(withoutDecision.status).toBe(409);
    expect(withoutDecision.body.code).toBe('DECISION_REQUIRED');

    const agreed = await coordinador.post(`/api/stls/${tabasco}/sessions/${sessionId}/decisions`, {
      subject: 'Adoptar el mecanismo de gobernanza del Estado de México (2019)',
      act: { kind: 'change_mechanism' },
      consensus: true,
      votes: [],
    });
    expect(agreed.body).toMatchObject({ decisionId: '2', approved: true, act: { kind: 'change_mechanism' } });
    const adopted = await coordinador.put(`/api/stls/${tabasco}/governance`, {
      mechanism: { template: 'edomex_2019' },
      decision: { sessionId, decisionId: '2' },
    });
    expect(adopted.status).toBe(200);
    const history = adopted.body.governance.history as readonly { version: number; mechanism: { basedOn: string }; validUntil: string | null }[];
    expect(history.map((version) => [version.version, version.mechanism.basedOn, version.validUntil])).toEqual([
      [1, 'minimos_guia', daysFromToday(-1)],
      [2, 'edomex_2019', null],
    ]);

    const response = await coordinador.post(`/api/stls/${tabasco}/sessions/${sessionId}/decisions`, tie('Sede de las sesiones de 2027, otra vez'));

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ decisionId: '3', approved: true, via: 'voto_de_calidad', code: 'TIE_CASTING_VOTE' });
  });

  it('appointing a facilitador without the STL’s decision is 409 DECISION_REQUIRED; with it, the appointment stands', async () => {
    // guia-instalacion-stl.txt, etapa 7: "se seleccionará por el medio que defina el Secretariado a un facilitador".
    const vacated = await coordinador.request('DELETE', `/api/stls/${tabasco}/facilitador`, { vacatedOn: today, reason: 'Renuncia presentada ante el STL.' });
    expect(vacated.status).toBe(200);
    const facilitador = { facilitadorId: `${tabasco}-facilitador-2`, nombre: 'Ana Pérez Cruz', procedencia: 'Academia – UJAT', appointedOn: today };

    const refused = await coordinador.put(`/api/stls/${tabasco}/facilitador`, facilitador);

    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'DECISION_REQUIRED', message: expect.stringMatching(/nombramiento del facilitador corresponde al STL/) });
    expect((await stl(tabasco)).summary.facilitadorVacante).toBe(true);

    const decision = await coordinador.post(`/api/stls/${tabasco}/sessions/${sessionId}/decisions`, {
      subject: 'Nombrar facilitadora a Ana Pérez Cruz',
      act: { kind: 'appoint_facilitador' },
      consensus: true,
      votes: [],
    });
    const appointed = await coordinador.put(`/api/stls/${tabasco}/facilitador`, { ...facilitador, decision: { sessionId, decisionId: decision.body.decisionId } });

    expect(appointed.status).toBe(200);
    expect(appointed.body.summary.facilitador).toMatchObject({
      facilitadorId: `${tabasco}-facilitador-2`,
      authorizedBy: { kind: 'decision', sessionId, decisionId: decision.body.decisionId },
    });
  });
});

describe('the own non-working days of Coahuila', () => {
  it('count for the notice of its sessions', async () => {
    const sessionDate = federal.addBusinessDays(today, 15);
    const federalDeadline = noticeDeadline(sessionDate, federal);

    const response = await coordinador.put(`/api/stls/${coahuila}/non-working-days`, { dates: [federalDeadline] });

    expect(response.status).toBe(200);
    expect(response.body.extraNonWorkingDays).toEqual([federalDeadline]);
    const ownDeadline = noticeDeadline(sessionDate, businessCalendar([federalDeadline]));
    expect(ownDeadline < federalDeadline).toBe(true);
    expect((await api.get(`/api/calendar/notice-deadline?sessionDate=${sessionDate}&entidad=${coahuila}`)).body).toEqual({
      sessionDate,
      deadline: ownDeadline,
      noticeBusinessDays: 5,
      entidad: coahuila,
    });
    const convened = await coordinador.post(`/api/stls/${coahuila}/sessions`, { date: sessionDate, kind: 'ordinaria', convokedOn: today, agenda: ['Asuntos generales'] });
    expect(convened.status).toBe(201);
    expect(convened.body.noticeDeadline).toBe(ownDeadline);
    expect((await stl(coahuila)).extraNonWorkingDays).toEqual([federalDeadline]);
  });
});

describe('the hour of a session of Tabasco (27), in Mexico City time', () => {
  const date = federal.addBusinessDays(today, 12);
  const convocation = { date, kind: 'ordinaria', convokedOn: today, agenda: ['Lista de asistencia', 'Seguimiento del PAL'], place: 'Sala del ITAIP' };

  it('convenes with a start and an end: shown by the API, a timed event (TZID America/Mexico_City) in the public feed', async () => {
    // mecanismo-gobernanza-edomex.md, cap. VI, 6: "Las convocatorias a las sesiones se emitirán con un mínimo de cinco
    // días hábiles de anticipación y deberán ser acompañadas del orden del día correspondiente".
    const convened = await coordinador.post('/api/stls/27/sessions', { ...convocation, startTime: '10:00', endTime: '12:30' });
    const ics = await api.get('/api/stls/27/sessions.ics');

    expect(convened.status).toBe(201);
    expect(convened.body).toMatchObject({ date, startTime: '10:00', endTime: '12:30' });
    expect(ics.body as string).toContain(`DTSTART;TZID=America/Mexico_City:${date.replace(/-/g, '')}T100000`);
    expect(ics.body as string).toContain(`DTEND;TZID=America/Mexico_City:${date.replace(/-/g, '')}T123000`);
  });

  it('refuses an hour that is not HH:MM, or an end before the start: 422 INVALID_SESSION_TIME, nothing convened', async () => {
    const badStart = await coordinador.post('/api/stls/27/sessions', { ...convocation, startTime: '25:00' });
    const badEnd = await coordinador.post('/api/stls/27/sessions', { ...convocation, startTime: '10:00', endTime: '09:00' });

    expect([badStart.status, badStart.body.code, badStart.body.field]).toEqual([422, 'INVALID_SESSION_TIME', 'startTime']);
    expect([badEnd.status, badEnd.body.code, badEnd.body.field]).toEqual([422, 'INVALID_SESSION_TIME', 'endTime']);
    expect((await stl('27')).sessions.filter((session) => session.date === date)).toHaveLength(1);
  });
});
