/** Examples for the OpenAPI document (Swagger UI shows them beside each STL endpoint). */

export const SESSION_EXAMPLE = {
  id: '2027-02-10-1',
  date: '2027-02-10',
  kind: 'ordinaria',
  status: 'convocada',
  convokedOn: '2027-01-27',
  noticeDeadline: '2027-02-03',
  agenda: ['Lista de asistencia y declaración de quórum', 'Seguimiento de los compromisos del PAL', 'Asuntos generales'],
  place: 'Sala de Plenos del organismo garante',
  link: null,
  quorum: null,
  attendance: null,
  decisions: [],
  minutes: null,
  cancellation: null,
};

export const NOTICE_TOO_SHORT_EXAMPLE = {
  statusCode: 422,
  code: 'NOTICE_TOO_SHORT',
  message:
    'La convocatoria requiere cinco días hábiles de anticipación: para la sesión del 10 de febrero de 2027 debió ' +
    'emitirse a más tardar el 3 de febrero de 2027.',
  deadline: '2027-02-03',
  sessionDate: '2027-02-10',
  convokedOn: '2027-02-05',
};

export const ATTENDANCE_EXAMPLE = {
  sessionId: '2027-02-10-1',
  sessionStatus: 'sin_quorum',
  quorum: false,
  code: 'NO_CIVIL_SOCIETY_PRESENT',
  present: ['14-gobierno-1', '14-gobierno-2', '14-gobierno-3', '14-gobierno-4', '14-garante-1'],
  representedSeatIds: ['14-gobierno-1', '14-gobierno-2', '14-gobierno-3', '14-gobierno-4', '14-garante-1'],
  absentSeatIds: ['14-sociedadcivil-1', '14-sociedadcivil-2', '14-sociedadcivil-3', '14-sociedadcivil-4'],
  seatsPresent: 5,
  seatsActive: 9,
  civilSocietyPresent: false,
  removalsProposed: [],
};

export const DECISION_EXAMPLE = {
  sessionId: '2027-02-10-1',
  number: 1,
  subject: 'Aprobación del calendario de sesiones 2027',
  consensus: false,
  votes: [
    { memberId: '14-gobierno-1', vote: 'favor' },
    { memberId: '14-sociedadcivil-1', vote: 'contra' },
  ],
  approved: false,
  rule: 'consensus_then_majority_with_civil_society_vote',
  via: 'mayoria',
  code: 'NO_CIVIL_SOCIETY_VOTE',
  tally: { favor: 5, contra: 4, impedimento: 0, bySector: {} },
};

const SUMMARY_EXAMPLE = {
  entidad: '14',
  status: 'instalado',
  decisionRule: 'consensus_then_majority_with_civil_society_vote',
  installedOn: '2026-04-20',
  extraSectorName: null,
  titularesBySector: { gobierno: 4, sociedad_civil: 4, garante: 1, adicional: 0 },
  members: 9,
  facilitador: null,
  facilitadorVacante: true,
  vacantSince: '2026-04-20',
  warnings: [{ code: 'FACILITADOR_VACANT', message: 'El puesto de facilitador está vacante.' }],
  lastSessionOn: '2026-10-15',
  nextSessionDueOn: '2026-12-15',
  cadenceReminderOn: '2026-12-01',
  sessions: { convocada: 0, celebrada: 1, sin_quorum: 0, cancelada: 0 },
  openEscalations: 1,
  pendingRemovals: 0,
  renewalPending: false,
};

export const STL_LIST_EXAMPLE = [{ nombre: 'Jalisco', workflowId: 'stl/14', ...SUMMARY_EXAMPLE }];

export const STL_DETAIL_EXAMPLE = {
  entidad: '14',
  nombre: 'Jalisco',
  workflowId: 'stl/14',
  summary: SUMMARY_EXAMPLE,
  extraNonWorkingDays: ['2026-12-24'],
  members: [
    {
      memberId: '14-gobierno-1',
      sector: 'gobierno',
      role: 'titular',
      nombre: 'Titular 1 de gobierno (Jalisco)',
      organizacion: 'Dependencia 1 del Gobierno de Jalisco',
      cargo: null,
      email: 'gobierno1.14@ejemplo.org.mx',
      seatId: '14-gobierno-1',
      hasVote: true,
      joinedOn: '2026-04-20',
    },
  ],
  sessions: [{ ...SESSION_EXAMPLE, id: 'sesion-1', date: '2026-10-15', status: 'celebrada', quorum: true }],
  escalations: [
    {
      id: 'facilitador-vacante:2026-04-20:escalamiento:2026-05-20',
      kind: 'vacancy_escalation',
      level: 'enlace',
      status: 'abierta',
      reason: 'El puesto de facilitador del STL de Jalisco está vacante desde el 20 de abril de 2026.',
      raisedAt: '2026-05-20T15:00:00.000Z',
      acknowledgedBy: null,
      acknowledgedAt: null,
    },
  ],
};
