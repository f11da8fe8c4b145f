import {
  assessQuorum,
  DEFAULT_DEADLINE_POLICY,
  fold,
  instantAt,
  isDomainError,
  type LocalDate,
  type RegisteredStl,
  type SeatHolders,
  type StlCommand,
  stlDeadlines,
  stlDecider,
  type StlEvent,
  type StlState,
  stlSummary,
} from '@app/domain';
import { EscalationView, projectStl, StlMemberView, StlSessionView, StlView } from '@app/persistence';
import { type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { command, decideOn, edomexInstalled, heldSession, on } from '../../../../libs/domain/src/stl/testing/stl-fixtures';
import { governanceSection } from '../dashboard/views/governance.view';
import { presentAttendance, presentDecision, storedDecisionSeq } from './stl-session-views';
import { detailFor, quorumCode, stlDetailFromRows, stlResponse, summaryFor } from './stl-views';

/** Commands decided one after another, each at noon (Mexico City) of the day it is about. */
function history(commands: readonly (readonly [LocalDate, StlCommand['type'], unknown])[]): StlEvent[] {
  return commands.reduce<StlEvent[]>((events, [day, type, data]) => {
    const command = { type, data, metadata: { now: instantAt(day, 12), actor: 'garante-29' } } as StlCommand;
    const decision = stlDecider.decide(command, fold(stlDecider, events));
    if (isDomainError(decision)) throw new Error(`${type}: ${decision.code} ${decision.message}`);
    return [...events, ...decision];
  }, []);
}

const INSTALLED_ON = '2026-09-01';
const titular = (memberId: string, sector: string, email?: string) =>
  [INSTALLED_ON, 'AddMember', { memberId, sector, role: 'titular', nombre: `Titular ${memberId}`, organizacion: `Org ${memberId}`, joinedOn: INSTALLED_ON, ...(email ? { email } : {}) }] as const;
const convene = (sessionId: string, date: LocalDate, convokedOn: LocalDate) =>
  [convokedOn, 'ConveneSession', { sessionId, date, kind: 'ordinaria', convokedOn, agenda: ['Seguimiento del PAL'], place: 'Sala del ITAIT' }] as const;
const attendance = (sessionId: string, date: LocalDate, present: readonly string[]) =>
  [date, 'RecordAttendance', { sessionId, present }] as const;

/**
 * Tlaxcala-like: five seats (gob-1 with a suplente), an academic facilitador later vacated; a session with quorum, a
 * decision and its acta; one without civil society; one with nobody but the garante; a cancelled one; one ahead.
 * gob-2 misses s1, s2 and s3: its removal is proposed at s3.
 */
const tlaxcala = history([
  [INSTALLED_ON, 'RegisterStl', { entidad: '29', decisionRule: 'consensus_then_majority' }],
  titular('gob-1', 'gobierno', 'gob1@ejemplo.org.mx'),
  [INSTALLED_ON, 'AddMember', { memberId: 'sup-gob-1', sector: 'gobierno', role: 'suplente', nombre: 'Suplente', organizacion: 'Org gob-1', titularId: 'gob-1', joinedOn: INSTALLED_ON }],
  titular('gob-2', 'gobierno'),
  titular('sc-1', 'sociedad_civil'),
  titular('sc-2', 'sociedad_civil'),
  titular('gar-1', 'garante'),
  [INSTALLED_ON, 'AppointFacilitador', { facilitadorId: 'fac-1', nombre: 'Facilitadora', procedencia: 'Academia – UATx', appointedOn: INSTALLED_ON }],
  [INSTALLED_ON, 'InstallStl', { installedOn: INSTALLED_ON }],
  convene('s1', '2026-09-15', '2026-09-01'),
  attendance('s1', '2026-09-15', ['gob-1', 'sc-1', 'sc-2', 'gar-1', 'fac-1']),
  ['2026-09-15', 'RecordDecision', { sessionId: 's1', subject: 'Calendario', consensus: false, votes: [
    { memberId: 'gob-1', vote: 'favor' }, { memberId: 'sc-1', vote: 'favor' }, { memberId: 'sc-2', vote: 'contra' },
    { memberId: 'gar-1', vote: 'impedimento', reason: 'Conflicto de interés' },
  ] }],
  ['2026-09-16', 'ApproveMinutes', { sessionId: 's1', approvedOn: '2026-09-16', signedBy: ['gob-1', 'sc-1', 'sc-2', 'gar-1'] }],
  convene('s2', '2026-10-01', '2026-09-16'),
  attendance('s2', '2026-10-01', ['gar-1']),
  convene('s3', '2026-10-15', '2026-10-01'),
  attendance('s3', '2026-10-15', ['gob-1', 'gar-1', 'sup-gob-1']),
  ['2026-10-20', 'VacateFacilitador', { vacatedOn: '2026-10-20', reason: 'Renuncia' }],
  [INSTALLED_ON, 'SetNonWorkingDays', { dates: ['2026-12-24', '2026-12-31'] }],
  convene('s4', '2026-11-10', '2026-10-27'),
  ['2026-10-28', 'CancelSession', { sessionId: 's4', reason: 'Sede no disponible' }],
  convene('s5', '2027-01-12', '2026-11-20'),
]);

/** Fires the STL's deadlines in order until one raises an escalation (no session held since s1: the cadence's). */
function untilEscalated(events: StlEvent[]): StlEvent[] {
  for (let guard = 0; guard < 20; guard += 1) {
    const state = fold(stlDecider, events);
    if (state.status !== 'unregistered' && state.escalations.length > 0) return events;
    const [next] = stlDeadlines(state, DEFAULT_DEADLINE_POLICY);
    const decision = stlDecider.decide({ type: 'FireDeadline', data: { deadlineId: next.id }, metadata: { now: next.dueAt } }, state);
    if (isDomainError(decision)) throw new Error(decision.code);
    events = [...events, ...decision];
  }
  throw new Error('no escalation');
}

const events = untilEscalated(tlaxcala);
const state = fold(stlDecider, events) as RegisteredStl;
/** The log as the API reads it back, every command's events included. */
const stored = events.map((event, index) => ({ seq: index + 1, type: event.type, data: event.data }));

/** The rows projectStl writes for a state, captured by an EntityManager that only remembers them. */
async function projectedRows(folded: StlState) {
  const rows = new Map<unknown, ObjectLiteral[]>();
  const keep = (entity: EntityTarget<ObjectLiteral>, written: ObjectLiteral | ObjectLiteral[]) =>
    rows.set(entity, [...(rows.get(entity) ?? []), ...(Array.isArray(written) ? written : [written])]);
  const manager = {
    upsert: (entity: EntityTarget<ObjectLiteral>, row: ObjectLiteral) => Promise.resolve(keep(entity, row)),
    insert: (entity: EntityTarget<ObjectLiteral>, written: ObjectLiteral[]) => Promise.resolve(keep(entity, written)),
    delete: () => Promise.resolve(),
  } as unknown as EntityManager;
  await projectStl(manager, 'stl/29', folded, DEFAULT_DEADLINE_POLICY, new Date('2026-11-23T16:00:00.000Z'));
  // Through JSON, as jsonb columns come back from PostgreSQL.
  const of = <T>(entity: EntityTarget<T>) => (rows.get(entity) ?? []) as T[];
  const viaJson = <T>(row: T, jsonColumns: readonly (keyof T)[]) =>
    Object.assign({}, row, Object.fromEntries(jsonColumns.map((column) => [column, JSON.parse(JSON.stringify(row[column]) ?? 'null')])));
  return {
    row: viaJson(of(StlView)[0], ['summary']),
    members: of(StlMemberView),
    sessions: of(StlSessionView).map((session) => viaJson(session, ['agenda', 'attendance', 'decisions', 'minutes', 'cancellation'])),
    escalations: of(EscalationView),
  };
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('STL views: what the API shows, from the rows the projection writes', () => {
  const detail = async () => {
    const { row, ...parts } = await projectedRows(state);
    return stlDetailFromRows(row, { ...parts, extraNonWorkingDays: ['2026-12-24', '2026-12-31'] });
  };
  const sessionRow = async (sessionId: string) => {
    const row = (await projectedRows(state)).sessions.find((session) => session.sessionId === sessionId);
    if (!row) throw new Error(`no row for ${sessionId}`);
    return row;
  };

  it('shows the summary the projection computed, with the STL named', async () => {
    const shown = await detail();

    expect(json(shown.summary)).toEqual(json(stlSummary(state, DEFAULT_DEADLINE_POLICY)));
    expect(shown).toMatchObject({ entidad: '29', nombre: 'Tlaxcala', workflowId: 'stl/29', extraNonWorkingDays: ['2026-12-24', '2026-12-31'] });
  });

  it('lists members by sector and role, with vote capacity and contact', async () => {
    const { members } = await detail();

    expect(members.map((member) => member.memberId)).toEqual(['gob-1', 'gob-2', 'sup-gob-1', 'sc-1', 'sc-2', 'gar-1']);
    expect(members[0]).toEqual({
      memberId: 'gob-1', sector: 'gobierno', role: 'titular', nombre: 'Titular gob-1', organizacion: 'Org gob-1',
      cargo: null, email: 'gob1@ejemplo.org.mx', seatId: 'gob-1', hasVote: true, joinedOn: INSTALLED_ON,
    });
  });

  it('lists sessions by date with their notice deadline under the STL calendar, and open escalations only', async () => {
    const { sessions, escalations } = await detail();

    expect(sessions.map((session) => [session.id, session.status])).toEqual([
      ['s1', 'celebrada'], ['s2', 'sin_quorum'], ['s3', 'sin_quorum'], ['s4', 'cancelada'], ['s5', 'convocada'],
    ]);
    // 12 Jan 2027 − 5 business days, with 24 and 31 December declared non-working and 1 January a rest day.
    expect(sessions[4]).toMatchObject({ noticeDeadline: '2027-01-05', quorum: null, attendance: null, link: null, place: 'Sala del ITAIT' });
    expect(sessions[3].cancellation).toEqual({ cancelledOn: '2026-10-28', reason: 'Sede no disponible' });
    expect(sessions[0]).toMatchObject({ id: 's1', minutes: { approvedOn: '2026-09-16' }, decisions: [expect.anything()] });
    expect(escalations).toEqual([
      expect.objectContaining({ id: 'cadencia:2026-09-15:escalamiento', kind: 'cadence_escalation', level: 'enlace', status: 'abierta' }),
    ]);
  });

  // A third absence in a row no longer proposes a removal: "alguno de los integrantes del STL propondrán la remoción"
  // (mecanismo-gobernanza-edomex.md, cap. III, 5); only runs begun before mechanisms still list one here.
  it('answers attendance with the quorum and the reason it failed, and proposes no removal on its own', async () => {
    expect(presentAttendance(await sessionRow('s1'), stored)).toMatchObject({ sessionId: 's1', sessionStatus: 'celebrada', quorum: true, removalsProposed: [] });
    expect(presentAttendance(await sessionRow('s1'), stored)).not.toHaveProperty('code');
    expect(presentAttendance(await sessionRow('s2'), stored)).toMatchObject({ quorum: false, code: 'NO_QUORUM', seatsPresent: 1, seatsActive: 5 });
    expect(presentAttendance(await sessionRow('s3'), stored)).toEqual({
      sessionId: 's3',
      sessionStatus: 'sin_quorum',
      present: ['gob-1', 'gar-1', 'sup-gob-1'],
      representedSeatIds: ['gob-1', 'gar-1'],
      absentSeatIds: ['gob-2', 'sc-1', 'sc-2'],
      seatsPresent: 2,
      seatsActive: 5,
      civilSocietyPresent: false,
      quorum: false,
      code: 'NO_QUORUM',
      removalsProposed: [],
    });
  });

  it('answers a decision with its outcome under the rule, numbered within the session', async () => {
    const recorded = stored.filter((event) => event.type === 'DecisionRecorded');

    expect(storedDecisionSeq('s1', recorded)).toBe(recorded[0].seq);
    expect(presentDecision(await sessionRow('s1'), 1)).toMatchObject({
      sessionId: 's1',
      number: 1,
      subject: 'Calendario',
      approved: true,
      rule: 'consensus_then_majority',
      via: 'mayoria',
    });
    expect(() => storedDecisionSeq('s1', [])).toThrow('No decision stored');
    const row = await sessionRow('s1');
    expect(() => presentDecision(row, 2)).toThrow('has no decision 2');
  });
});

describe('what an integrante reads of an STL: no address of anyone it convenes', () => {
  // Appointed with an address, as the board's form allows: the facilitador is convened like the members.
  const withFacilitador = fold(
    stlDecider,
    history([
      [INSTALLED_ON, 'RegisterStl', { entidad: '29', decisionRule: 'consensus_then_majority' }],
      titular('gob-1', 'gobierno', 'gob1@ejemplo.org.mx'),
      [INSTALLED_ON, 'AppointFacilitador', { facilitadorId: 'fac-1', nombre: 'Facilitadora', procedencia: 'academia', appointedOn: INSTALLED_ON, email: 'facilitadora@ejemplo.org.mx' }],
    ]),
  );
  const shownTo = async (role: string) => {
    const { row, ...parts } = await projectedRows(withFacilitador);
    const detail = stlDetailFromRows(row, { ...parts, extraNonWorkingDays: [] });
    return { detail: JSON.stringify(detailFor({ role }, detail)), list: JSON.stringify(summaryFor({ role }, stlResponse(detail.summary))) };
  };

  it('gives a garante the members’ and the facilitador’s addresses, and an integrante neither, in the detail and the list', async () => {
    const garante = await shownTo('garante');
    const integrante = await shownTo('integrante');

    expect(garante.detail).toContain('gob1@ejemplo.org.mx');
    expect(garante.detail).toContain('facilitadora@ejemplo.org.mx');
    expect(garante.list).toContain('facilitadora@ejemplo.org.mx');
    expect(integrante.detail).not.toMatch(/@ejemplo\.org\.mx/);
    expect(integrante.list).not.toMatch(/@ejemplo\.org\.mx/);
    expect(integrante.detail).toContain('Facilitadora');
  });
});

describe('quorumCode: the reason assessQuorum gave, from the recorded counts', () => {
  const seat = (seatId: string, sector: SeatHolders['sector']): SeatHolders => ({ seatId, sector, titularId: seatId, suplenteId: null, enlaceId: null });
  const seats = [seat('g1', 'gobierno'), seat('g2', 'gobierno'), seat('g3', 'gobierno'), seat('c1', 'sociedad_civil'), seat('c2', 'sociedad_civil'), seat('o1', 'garante')];

  it('agrees with the domain for every subset of six seats', () => {
    for (let mask = 0; mask < 2 ** seats.length; mask += 1) {
      const present = seats.filter((_seat, index) => mask & (1 << index)).map((s) => s.seatId);
      const assessment = assessQuorum(seats, present, true);
      expect([present, quorumCode(assessment)]).toEqual([present, assessment.code]);
    }
  });
});

describe('an amended roll call, as the API and the board show it (issue 17)', () => {
  // mecanismo-gobernanza-edomex.md, cap. III, 5: "b) Por inactividad, cuando se ausenten de las sesiones o reuniones
  // del trabajo del STL en tres ocasiones seguidas".
  const withoutGob2 = ['gob-1', 'sc-1', 'sc-2', 'gar-1'];
  const twoAbsences = heldSession(heldSession(edomexInstalled, 's1', '2026-09-23', withoutGob2), 's2', '2026-10-21', withoutGob2);
  const shown = async (history: readonly StlEvent[]) => {
    const { row, ...parts } = await projectedRows(fold(stlDecider, history));
    const detail = stlDetailFromRows(row, { ...parts, extraNonWorkingDays: [] });
    const board = governanceSection(row.summary).toString().replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    return { suggestions: json(detail.governance?.removalSuggestions), board };
  };

  it('shows the removal suggestion a first roll call with the same absences shows, and withdraws it when amended back', async () => {
    const firstPresent = heldSession(twoAbsences, 's3', '2026-11-18', [...withoutGob2, 'gob-2']);
    const amend = (history: readonly StlEvent[], present: readonly string[]) => [
      ...history,
      ...decideOn(history, [command('RecordAttendance', { sessionId: 's3', present }, on('2026-11-18', 18))]),
    ];
    const amendedAbsent = amend(firstPresent, withoutGob2);

    const first = await shown(heldSession(twoAbsences, 's3', '2026-11-18', withoutGob2));
    const amended = await shown(amendedAbsent);
    const amendedBack = await shown(amend(amendedAbsent, [...withoutGob2, 'gob-2']));

    expect(amended.suggestions).toEqual(first.suggestions);
    expect(amended.suggestions).toEqual([expect.objectContaining({ titularId: 'gob-2', absences: ['s1', 's2', 's3'] })]);
    expect(amended.board).toContain('La representación de Titular gob-2 suma 3 inasistencias seguidas: un integrante puede proponer su remoción');
    expect(amendedBack.suggestions).toEqual([]);
    expect(amendedBack.board).not.toContain('puede proponer su remoción');
  });
});
