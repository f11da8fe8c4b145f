import { Client } from 'pg';
import { authenticatedApi } from './support/auth';
import { daysFromToday } from './support/dates';
import { statesOf } from './support/e2e-states';
import { e2eApi } from './support/http';

/**
 * Every STL, session and calendar endpoint refuses malformed input with 400 VALIDATION_FAILED naming the field,
 * never a 500, and leaves the STL as it was. Michoacán (16) is the target: nothing else changes it, and no deadline
 * of its falls due during the run.
 */

const { seeded: ENTIDAD } = statesOf('stls-bad-input', __filename);
const SESSION = 'sesion-1';
const MEMBER = '16-gobierno-1';
const today = daysFromToday(0);
const long = (length: number) => 'x'.repeat(length);
const many = <T>(count: number, item: (index: number) => T) => Array.from({ length: count }, (_, index) => item(index));

interface BadInput {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  /** The field the 400 must name. */
  readonly field: string;
}

/** Cases that each break one thing of a well-formed request. */
function casesOf(method: string, path: string, valid: Record<string, unknown>, broken: [string, Record<string, unknown>, string][]): BadInput[] {
  return broken.map(([label, change, field]) => {
    const body = { ...valid, ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete body[key];
    return { label, method, path, body, field };
  });
}

const member = { memberId: '16-invitado-9', sector: 'gobierno', role: 'invitado', nombre: 'Invitada', organizacion: 'Ayuntamiento de Morelia', joinedOn: today };
const facilitador = { nombre: 'Nombre', procedencia: 'Academia', appointedOn: today };
const convocation = { date: daysFromToday(30), kind: 'ordinaria', convokedOn: today, agenda: ['Asuntos generales'] };
const ballot = { subject: 'Asunto', consensus: false, votes: [{ memberId: MEMBER, vote: 'favor' }] };

const CASES: readonly BadInput[] = [
  { label: 'an unknown status', method: 'GET', path: '/api/stls?status=abierto', field: 'status' },
  { label: 'an unknown entidad', method: 'GET', path: '/api/stls?entidad=33', field: 'entidad' },
  { label: 'a yes instead of true', method: 'GET', path: '/api/stls?facilitadorVacante=si', field: 'facilitadorVacante' },
  { label: 'an unknown parameter', method: 'GET', path: '/api/stls?orden=entidad', field: 'orden' },
  { label: 'entidad 33', method: 'GET', path: '/api/stls/33', field: 'entidad' },
  { label: 'a state by name', method: 'GET', path: '/api/stls/jalisco', field: 'entidad' },
  { label: 'entidad 00 in a calendar', method: 'GET', path: '/api/stls/00/sessions.ics', field: 'entidad' },
  { label: 'no session date', method: 'GET', path: `/api/calendar/notice-deadline?entidad=${ENTIDAD}`, field: 'sessionDate' },
  { label: 'a day-first date', method: 'GET', path: '/api/calendar/notice-deadline?sessionDate=23/11/2026', field: 'sessionDate' },
  ...casesOf('POST', `/api/stls/${ENTIDAD}/members`, member, [
    ['no member id', { memberId: undefined }, 'memberId'],
    ['a member id with spaces', { memberId: 'con espacios' }, 'memberId'],
    ['a member id of 81 characters', { memberId: long(81) }, 'memberId'],
    ['an unknown sector', { sector: 'iglesia' }, 'sector'],
    ['an unknown role', { role: 'presidente' }, 'role'],
    ['an empty name', { nombre: '' }, 'nombre'],
    ['a name of 201 characters', { nombre: long(201) }, 'nombre'],
    ['a number as organisation', { organizacion: 7 }, 'organizacion'],
    ['a malformed e-mail', { email: 'correo@' }, 'email'],
    ['a vote capacity as text', { hasVote: 'no' }, 'hasVote'],
    ['a titular id with a slash', { titularId: '16/gobierno' }, 'titularId'],
    ['a date without leading zeros', { joinedOn: '2026-1-5' }, 'joinedOn'],
    ['an unknown field', { rol: 'titular' }, 'rol'],
  ]),
  { label: 'entidad 99 in a command', method: 'POST', path: '/api/stls/99/members', body: member, field: 'entidad' },
  ...casesOf('PUT', `/api/stls/${ENTIDAD}/facilitador`, facilitador, [
    ['no name', { nombre: undefined }, 'nombre'],
    ['an origin of 301 characters', { procedencia: long(301) }, 'procedencia'],
    ['a day-first date', { appointedOn: '10/11/2026' }, 'appointedOn'],
    ['a facilitador id with spaces', { facilitadorId: 'la facilitadora' }, 'facilitadorId'],
    ['an unknown field', { cargo: 'Rectora' }, 'cargo'],
  ]),
  // Date and reason are optional (without a body the post is vacant from today: stls.e2e-spec); malformed ones are not.
  ...casesOf('DELETE', `/api/stls/${ENTIDAD}/facilitador`, { vacatedOn: today, reason: 'Renuncia' }, [
    ['a day-first date', { vacatedOn: '10/11/2026' }, 'vacatedOn'],
    ['a reason of 1001 characters', { reason: long(1001) }, 'reason'],
    ['an unknown field', { motivo: 'Renuncia' }, 'motivo'],
  ]),
  ...casesOf('PUT', `/api/stls/${ENTIDAD}/decision-rule`, { decisionRule: 'consensus_only' }, [
    ['an unknown rule', { decisionRule: 'mayoria_simple' }, 'decisionRule'],
    ['no rule', { decisionRule: undefined }, 'decisionRule'],
  ]),
  ...casesOf('PUT', `/api/stls/${ENTIDAD}/non-working-days`, { dates: [] }, [
    ['a date that is not a list', { dates: '2026-12-24' }, 'dates'],
    ['an impossible date', { dates: ['2026-02-30'] }, 'dates'],
    ['367 dates', { dates: many(367, () => '2026-12-24') }, 'dates'],
  ]),
  ...casesOf('POST', `/api/stls/${ENTIDAD}/members/${MEMBER}/resign`, { on: today }, [
    ['no date', { on: undefined }, 'on'],
    ['a date with a time zone', { on: `${today}T00:00:00-06:00` }, 'on'],
  ]),
  { label: 'a member id with spaces in the path', method: 'POST', path: `/api/stls/${ENTIDAD}/members/con%20espacios/resign`, body: { on: today }, field: 'memberId' },
  ...casesOf('POST', `/api/stls/${ENTIDAD}/members/${MEMBER}/removal/propose`, { cause: 'probidad', proposedBy: '16-garante-1' }, [
    ['an unknown cause', { cause: 'antipatia' }, 'cause'],
    ['a proposal dated with a time', { proposedOn: `${today}T10:00:00` }, 'proposedOn'],
    ['no proposer', { proposedBy: undefined }, 'proposedBy'],
  ]),
  ...casesOf('POST', `/api/stls/${ENTIDAD}/members/${MEMBER}/removal/decide`, { decision: { sessionId: SESSION, decisionId: '1' } }, [
    ['approved as text', { approved: 'sí' }, 'approved'],
    ['a decision that is not an object', { decision: 'sesion-1#1' }, 'decision'],
    ['a session id that climbs the path', { decision: { sessionId: '../sesion-1', decisionId: '1' } }, 'decision.sessionId'],
    ['a historical act without justification', { decision: undefined, historical: {} }, 'historical.justification'],
  ]),
  ...casesOf('PUT', `/api/stls/${ENTIDAD}/governance`, { mechanism: { template: 'minimos_guia' } }, [
    ['an unknown template', { mechanism: { template: 'edomex_2020' } }, 'mechanism.template'],
    ['notice in negative days', { mechanism: { template: 'minimos_guia', noticeBusinessDays: -1 } }, 'mechanism.noticeBusinessDays'],
    ['notice as text', { mechanism: { template: 'minimos_guia', noticeBusinessDays: 'cinco' } }, 'mechanism.noticeBusinessDays'],
    ['an unknown tie-break', { mechanism: { template: 'minimos_guia', tieBreak: { kind: 'moneda' } } }, 'mechanism.tieBreak.kind'],
    ['zero absences for removal', { mechanism: { template: 'minimos_guia', removal: { absences: 0, consecutive: true } } }, 'mechanism.removal.absences'],
    ['a progress period of zero months', { mechanism: { template: 'minimos_guia', progressReportMonths: 0 } }, 'mechanism.progressReportMonths'],
    ['a progress period over a year', { mechanism: { template: 'minimos_guia', progressReportMonths: 13 } }, 'mechanism.progressReportMonths'],
    ['a progress period in words', { mechanism: { template: 'minimos_guia', progressReportMonths: 'tres' } }, 'mechanism.progressReportMonths'],
    ['no mechanism', { mechanism: undefined }, 'mechanism'],
  ]),
  ...casesOf('POST', `/api/stls/${ENTIDAD}/working-meetings`, { meetingId: 'rt-1', date: today, topic: 'Mesa', participants: [] }, [
    ['no topic', { topic: undefined }, 'topic'],
    ['a participant id with spaces', { participants: ['con espacios'] }, 'participants'],
  ]),
  ...casesOf('POST', `/api/stls/${ENTIDAD}/installation`, { installedOn: today, actaUrl: 'https://micrositio.ejemplo.org.mx/acta.pdf' }, [
    ['an installation dated with a time', { installedOn: `${today}T10:00:00` }, 'installedOn'],
    ['an installation before the programme', { installedOn: '1900-01-01' }, 'installedOn'],
    ['no installation date', { installedOn: undefined }, 'installedOn'],
    ['an acta that is not an http(s) link', { actaUrl: 'javascript:alert(1)' }, 'actaUrl'],
  ]),
  ...casesOf('POST', `/api/stls/${ENTIDAD}/civil-society-renewal/start`, { palEndedOn: today }, [['a timestamp', { palEndedOn: 1_767_225_600_000 }, 'palEndedOn']]),
  ...casesOf('POST', `/api/stls/${ENTIDAD}/civil-society-renewal/complete`, { completedOn: today }, [['no date', { completedOn: undefined }, 'completedOn']]),
  ...casesOf('POST', `/api/stls/${ENTIDAD}/sessions`, convocation, [
    ['a date with a time', { date: `${daysFromToday(30)}T10:00:00` }, 'date'],
    ['an unknown kind', { kind: 'solemne' }, 'kind'],
    ['no convocation date', { convokedOn: undefined }, 'convokedOn'],
    ['an empty agenda', { agenda: [] }, 'agenda'],
    ['31 agenda items', { agenda: many(31, (index) => `Punto ${index + 1}`) }, 'agenda'],
    ['an agenda item of 501 characters', { agenda: [long(501)] }, 'agenda'],
    ['an agenda of numbers', { agenda: [1, 2] }, 'agenda'],
    ['an empty place', { place: '' }, 'place'],
    ['a link that is not http(s)', { link: 'ftp://archivos.ejemplo.org.mx/sesion' }, 'link'],
    ['a session id of its own (the API gives it)', { sessionId: 'mi-sesion' }, 'sessionId'],
  ]),
  ...casesOf('POST', `/api/stls/${ENTIDAD}/sessions/${SESSION}/attendance`, { present: [MEMBER] }, [
    ['everyone as a word', { present: 'todos' }, 'present'],
    ['numbers', { present: [1] }, 'present'],
    ['201 people', { present: many(201, (index) => `p-${index}`) }, 'present'],
    ['someone twice', { present: [MEMBER, MEMBER] }, 'present'],
  ]),
  { label: 'a session id with spaces in the path', method: 'POST', path: `/api/stls/${ENTIDAD}/sessions/mi%20sesion/attendance`, body: { present: [] }, field: 'id' },
  ...casesOf('POST', `/api/stls/${ENTIDAD}/sessions/${SESSION}/decisions`, ballot, [
    ['an empty subject', { subject: '' }, 'subject'],
    ['consensus as text', { consensus: 'no' }, 'consensus'],
    ['an abstention', { votes: [{ memberId: MEMBER, vote: 'abstencion' }] }, 'votes.0.vote'],
    ['a vote without voter', { votes: [{ vote: 'favor' }] }, 'votes.0.memberId'],
    ['a reason of 1001 characters', { votes: [{ memberId: MEMBER, vote: 'impedimento', reason: long(1001) }] }, 'votes.0.reason'],
    ['a vote as a word', { votes: ['favor'] }, 'votes'],
    ['201 votes', { votes: many(201, (index) => ({ memberId: `p-${index}`, vote: 'favor' })) }, 'votes'],
    ['an unknown field in a vote', { votes: [{ memberId: MEMBER, vote: 'favor', peso: 2 }] }, 'votes.0.peso'],
  ]),
  ...casesOf('POST', `/api/stls/${ENTIDAD}/sessions/${SESSION}/minutes`, { approvedOn: today, signedBy: [MEMBER] }, [
    ['nobody signing', { signedBy: [] }, 'signedBy'],
    ['an impossible date', { approvedOn: '2026-13-01' }, 'approvedOn'],
  ]),
  ...casesOf('POST', `/api/stls/${ENTIDAD}/sessions/${SESSION}/cancel`, { reason: 'Sin sede' }, [
    ['no reason', { reason: undefined }, 'reason'],
    ['a reason as a list', { reason: ['Sin sede'] }, 'reason'],
  ]),
];

describe('STL endpoints: malformed input → 400 naming the field, and nothing stored', () => {
  const coordinador = authenticatedApi(e2eApi(), 'coordinador');
  const database = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  const eventCount = async () =>
    Number((await database.query('SELECT count(*) AS n FROM domain_events WHERE stream_id = $1', [`stl/${ENTIDAD}`])).rows[0].n);
  let before: { stl: unknown; events: number };

  beforeAll(async () => {
    await database.connect();
    before = { stl: (await coordinador.get(`/api/stls/${ENTIDAD}`)).body, events: await eventCount() };
  });
  afterAll(() => database.end());

  it.each(CASES)('$method $path: $label → 400 naming $field', async ({ method, path, body, field }) => {
    const response = await coordinador.request(method, path, body);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect((response.body.errors as { field: string }[]).map((error) => error.field)).toContain(field);
    expect(response.body.message).toContain(field);
  });

  it('answers a body that is not JSON with a 400, not a 500', async () => {
    const response = await coordinador.request('POST', `/api/stls/${ENTIDAD}/sessions`, '{"date": "2027-');

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: expect.any(String), message: expect.any(String) });
  });

  it('leaves the STL as it was', async () => {
    expect((await coordinador.get(`/api/stls/${ENTIDAD}`)).body).toEqual(before.stl);
    expect(await eventCount()).toBe(before.events);
  });
});
