import { domainError, type DomainError } from '../shared/domain-error';
import { type Instant, type LocalDate } from '../shared/local-date';
import { spanishLongDate } from '../shared/spanish-date';
import { type DecisionRef, type ReservedAct } from './reserved-acts';
import { type SessionStatus } from './stl-state';
import { type MemberRole, type Sector, sectorLabel } from './stl-terms';

/** Every code the STL can answer with; stable for clients (HTTP 409 for conflict, 422 for invalid). */
export type StlErrorCode = keyof typeof stlErrors;

const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  domainError('conflict', code, message, details);
const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  domainError('invalid', code, message, details);
const list = (items: readonly string[]) => items.join(', ');

export const stlErrors = {
  STL_NOT_REGISTERED: (): DomainError =>
    conflict('STL_NOT_REGISTERED', 'El Secretariado Técnico Local no está registrado.'),
  STL_NOT_INSTALLED: (): DomainError =>
    conflict('STL_NOT_INSTALLED', 'El Secretariado Técnico Local aún no está instalado.'),
  STL_ALREADY_REGISTERED: (entidad: string): DomainError =>
    conflict('STL_ALREADY_REGISTERED', `El STL de la entidad ${entidad} ya está registrado.`),
  UNKNOWN_ENTIDAD: (entidad: unknown): DomainError =>
    invalid('UNKNOWN_ENTIDAD', `«${String(entidad)}» no es una clave INEGI de entidad federativa.`),
  UNKNOWN_DECISION_RULE: (rule: unknown): DomainError =>
    invalid('UNKNOWN_DECISION_RULE', `«${String(rule)}» no es una regla de decisión conocida.`),
  /** Installing names every core sector missing; a renewal only ever misses the civil society. */
  MISSING_SECTOR_TITULAR: (missing: readonly Sector[], act: 'installation' | 'renewal'): DomainError =>
    conflict(
      'MISSING_SECTOR_TITULAR',
      act === 'installation'
        ? `Para instalar el STL falta al menos un titular de: ${list(missing.map((sector) => sectorLabel(sector, null)))}.`
        : 'La sociedad civil aún no tiene titular en el STL.',
      { missing },
    ),
  UNKNOWN_COMMAND: (type: unknown): DomainError =>
    invalid('UNKNOWN_COMMAND', 'Comando desconocido para el STL.', { type }),
  INVALID_DATE: (field: string): DomainError =>
    invalid('INVALID_DATE', `La fecha «${field}» no es válida (formato AAAA-MM-DD).`, { field }),
  DATE_IN_FUTURE: (field: string, date: LocalDate, today: LocalDate): DomainError =>
    invalid(
      'DATE_IN_FUTURE',
      `La fecha «${field}» (${spanishLongDate(date)}) no puede ser posterior a hoy (${spanishLongDate(today)}).`,
      { field, date, today },
    ),
  FIELD_REQUIRED: (field: string): DomainError =>
    invalid('FIELD_REQUIRED', `El campo «${field}» es obligatorio.`, { field }),
  UNKNOWN_SECTOR: (sector: unknown): DomainError =>
    invalid('UNKNOWN_SECTOR', `«${String(sector)}» no es un sector del STL.`),
  UNKNOWN_ROLE: (role: unknown): DomainError =>
    invalid('UNKNOWN_ROLE', `«${String(role)}» no es un papel de integrante.`),
  SECTOR_NOT_DECLARED: (): DomainError =>
    conflict('SECTOR_NOT_DECLARED', 'Este STL no declaró un sector adicional al registrarse.'),
  INVALID_VOTE_CAPACITY: (): DomainError =>
    invalid('INVALID_VOTE_CAPACITY', 'Solo un enlace puede nombrarse con voz y sin voto.'),
  DUPLICATE_MEMBER: (memberId: string): DomainError =>
    conflict('DUPLICATE_MEMBER', `Ya existe un integrante con el identificador «${memberId}».`, { memberId }),
  /** A voter is named alone (`memberId`); people listed together (attendance, removal) are named as a list. */
  UNKNOWN_MEMBER: (who: string | readonly string[]): DomainError =>
    typeof who === 'string'
      ? conflict('UNKNOWN_MEMBER', `«${who}» no es integrante del STL.`, { memberId: who })
      : conflict('UNKNOWN_MEMBER', `No son integrantes del STL: ${list(who)}.`, { memberIds: who }),
  SEAT_NOT_FOUND: (seatId: string): DomainError =>
    conflict('SEAT_NOT_FOUND', `No existe la representación «${seatId}».`, { seatId }),
  SEAT_OCCUPIED: (seatId: string, titularId: string): DomainError =>
    conflict('SEAT_OCCUPIED', `La representación «${seatId}» ya tiene titular.`, { seatId, titularId }),
  TITULAR_REQUIRED: (role: MemberRole): DomainError =>
    invalid('TITULAR_REQUIRED', `Indique el titular al que corresponde el ${role}.`),
  TITULAR_NOT_FOUND: (titularId: string): DomainError =>
    conflict('TITULAR_NOT_FOUND', `«${titularId}» no es titular del STL.`, { titularId }),
  SUPLENTE_ALREADY_ASSIGNED: (titularId: string, memberId: string): DomainError =>
    conflict('SUPLENTE_ALREADY_ASSIGNED', `El titular «${titularId}» ya tiene suplente («${memberId}»).`, {
      titularId,
      memberId,
    }),
  ENLACE_ALREADY_ASSIGNED: (titularId: string, memberId: string): DomainError =>
    conflict('ENLACE_ALREADY_ASSIGNED', `El titular «${titularId}» ya tiene enlace («${memberId}»).`, {
      titularId,
      memberId,
    }),
  SECTOR_MISMATCH: (role: MemberRole, sector: Sector, seatSector: Sector, extraSectorName: string | null): DomainError =>
    invalid(
      'SECTOR_MISMATCH',
      `El ${role} debe pertenecer al mismo sector que su titular (${sectorLabel(seatSector, extraSectorName)}).`,
      { sector, seatSector },
    ),
  INVALID_SEAT_REFERENCE: (field: 'titularId' | 'seatId', role: MemberRole): DomainError =>
    invalid('INVALID_SEAT_REFERENCE', `El campo «${field}» no corresponde a un ${role}.`, { field, role }),
  FACILITADOR_ALREADY_APPOINTED: (nombre: string): DomainError =>
    conflict(
      'FACILITADOR_ALREADY_APPOINTED',
      `El STL ya tiene facilitador (${nombre}); primero registre la vacante.`,
    ),
  FACILITADOR_ALREADY_VACANT: (): DomainError =>
    conflict('FACILITADOR_ALREADY_VACANT', 'El puesto de facilitador ya está vacante.'),
  VACATED_BEFORE_APPOINTED: (appointedOn: LocalDate): DomainError =>
    invalid('VACATED_BEFORE_APPOINTED', 'La vacante no puede ser anterior al nombramiento.', { appointedOn }),
  INVALID_REMOVAL_CAUSE: (): DomainError =>
    invalid('INVALID_REMOVAL_CAUSE', 'Causa de remoción: inactividad, probidad, incumplimiento_normas o afectacion_pal.'),
  REMOVAL_ALREADY_PROPOSED: (memberId: string): DomainError =>
    conflict('REMOVAL_ALREADY_PROPOSED', `Ya hay una propuesta de remoción de «${memberId}».`),
  REMOVAL_NOT_PROPOSED: (memberId: string): DomainError =>
    conflict('REMOVAL_NOT_PROPOSED', `No hay propuesta de remoción de «${memberId}».`),
  REMOVAL_NOT_AT_LATER_SESSION: (proposedOn: LocalDate, sessionDate: LocalDate): DomainError =>
    conflict(
      'REMOVAL_NOT_AT_LATER_SESSION',
      'La remoción se decide en una sesión posterior a la propuesta, tras escuchar al integrante.',
      { proposedOn, sessionDate },
    ),
  SESSION_NOT_FOUND: (sessionId: string): DomainError =>
    conflict('SESSION_NOT_FOUND', `No existe la sesión «${sessionId}».`, { sessionId }),
  SESSION_ALREADY_EXISTS: (sessionId: string): DomainError =>
    conflict('SESSION_ALREADY_EXISTS', `Ya existe la sesión «${sessionId}».`),
  INVALID_SESSION_KIND: (): DomainError =>
    invalid('INVALID_SESSION_KIND', 'La sesión debe ser «ordinaria» o «extraordinaria».'),
  AGENDA_REQUIRED: (): DomainError =>
    invalid('AGENDA_REQUIRED', 'La convocatoria debe acompañarse del orden del día.'),
  CONVOCATION_BACKDATED: (convokedOn: LocalDate, today: LocalDate): DomainError =>
    invalid(
      'CONVOCATION_BACKDATED',
      `La anticipación se cuenta desde que la convocatoria se registra y se envía (hoy, ${spanishLongDate(today)}), ` +
        `no desde el ${spanishLongDate(convokedOn)}. Si la convocatoria ya se emitió entonces, regístrela como acto ` +
        'histórico con su justificación.',
      // `field` lets a form put the refusal beside the convocation's date, where the person typed it.
      { convokedOn, today, field: 'convokedOn' },
    ),
  /** The days are the mechanism's in force on the convocation's date (five in both templates). */
  NOTICE_TOO_SHORT: (sessionDate: LocalDate, deadline: LocalDate, convokedOn: LocalDate, businessDays: number): DomainError =>
    invalid(
      'NOTICE_TOO_SHORT',
      `La convocatoria requiere ${businessDays === 5 ? 'cinco' : businessDays} días hábiles de anticipación: para la sesión del ${spanishLongDate(sessionDate)} ` +
        `debió emitirse a más tardar el ${spanishLongDate(deadline)}.`,
      { deadline, sessionDate, convokedOn, businessDays },
    ),
  SESSION_ALREADY_HELD: (sessionId: string): DomainError =>
    conflict('SESSION_ALREADY_HELD', `La sesión «${sessionId}» ya tiene asistencia registrada.`),
  SESSION_NOT_RESCHEDULABLE: (sessionId: string, status: SessionStatus): DomainError =>
    conflict(
      'SESSION_NOT_RESCHEDULABLE',
      `La sesión «${sessionId}» ya se celebró o se canceló: no puede cambiar de fecha.`,
      { sessionId, status },
    ),
  SAME_SESSION_DATE: (date: LocalDate): DomainError =>
    invalid('SAME_SESSION_DATE', `La sesión ya está convocada para el ${spanishLongDate(date)}.`, { date }),
  SESSION_CANCELLED: (sessionId: string): DomainError =>
    conflict('SESSION_CANCELLED', `La sesión «${sessionId}» fue cancelada.`, { sessionId }),
  ATTENDANCE_EMPTY: (sessionId: string): DomainError =>
    invalid(
      'ATTENDANCE_EMPTY',
      `Nadie figura como presente en la sesión «${sessionId}». Marque a quienes asistieron o, si la sesión se ` +
        'celebró sin asistentes, confírmelo expresamente (withoutAttendees: true).',
      { sessionId, field: 'present' },
    ),
  INVALID_SESSION_TIME: (field: 'startTime' | 'endTime', value: unknown): DomainError =>
    invalid(
      'INVALID_SESSION_TIME',
      field === 'startTime'
        ? `La hora de inicio «${String(value)}» no es válida: use HH:MM, hora de la Ciudad de México.`
        : `La hora de término «${String(value)}» no es válida: use HH:MM, posterior a la hora de inicio (que debe indicarse).`,
      { field },
    ),
  ATTENDANCE_ALREADY_RECORDED: (sessionId: string): DomainError =>
    conflict(
      'ATTENDANCE_ALREADY_RECORDED',
      'La asistencia de esta sesión ya no puede corregirse: la sesión ya tomó acuerdos o su acta fue aprobada.',
      { sessionId },
    ),
  SESSION_NOT_YET_HELD: (sessionId: string, date: LocalDate): DomainError =>
    conflict(
      'SESSION_NOT_YET_HELD',
      `La sesión es el ${spanishLongDate(date)}: su asistencia se registra a partir de ese día.`,
      { sessionId },
    ),
  /** Refusing the minutes has always answered without details; decisions name the session in them. */
  ATTENDANCE_NOT_RECORDED: (sessionId: string): DomainError =>
    conflict('ATTENDANCE_NOT_RECORDED', `Primero registre la asistencia de la sesión «${sessionId}».`, { sessionId }),
  NO_QUORUM: (sessionId: string): DomainError =>
    conflict('NO_QUORUM', `La sesión «${sessionId}» no tuvo quórum: no puede tomar decisiones.`, { sessionId }),
  MINUTES_ALREADY_APPROVED: (sessionId: string): DomainError =>
    conflict('MINUTES_ALREADY_APPROVED', `El acta de la sesión «${sessionId}» ya fue aprobada.`, { sessionId }),
  MINUTES_BEFORE_SESSION: (): DomainError =>
    invalid('MINUTES_BEFORE_SESSION', 'El acta no puede aprobarse antes de la sesión.'),
  SIGNER_NOT_PRESENT: (memberIds: readonly string[]): DomainError =>
    conflict('SIGNER_NOT_PRESENT', `No asistieron a la sesión: ${list(memberIds)}.`, { memberIds }),
  MISSING_SIGNATURES: (missing: readonly string[]): DomainError =>
    conflict('MISSING_SIGNATURES', `Faltan las firmas de: ${list(missing)}.`, { missing }),
  NON_VOTING_ROLE: (memberId: string): DomainError =>
    invalid(
      'NON_VOTING_ROLE',
      'El facilitador, los miembros invitados y los enlaces sin voto tienen voz, pero no voto.',
      { memberId },
    ),
  DUPLICATE_SEAT_VOTE: (seatId: string): DomainError =>
    invalid('DUPLICATE_SEAT_VOTE', `La representación «${seatId}» ya votó: un voto por representación.`, { seatId }),
  INVALID_VOTE: (memberId: string): DomainError =>
    invalid('INVALID_VOTE', 'El voto debe ser «favor», «contra» o «impedimento».', { memberId }),
  IMPEDIMENT_REASON_REQUIRED: (memberId: string): DomainError =>
    invalid(
      'IMPEDIMENT_REASON_REQUIRED',
      'Nadie puede abstenerse salvo impedimento justificado o conflicto de interés: indique el motivo.',
      { memberId },
    ),
  VOTER_NOT_PRESENT: (nombre: string, memberId: string): DomainError =>
    conflict('VOTER_NOT_PRESENT', `«${nombre}» no asistió a la sesión.`, { memberId }),
  SEAT_VACANT: (nombre: string, memberId: string): DomainError =>
    conflict('SEAT_VACANT', `La representación de «${nombre}» está vacante.`, { memberId }),
  /** Both named: with several suplentes ticked, the person must see whose vote is the one refused. */
  TITULAR_PRESENT: (role: MemberRole, nombre: string, titularNombre: string, memberId: string): DomainError =>
    conflict(
      'TITULAR_PRESENT',
      `«${nombre}» es ${role} y su titular, «${titularNombre}», está presente: el ${role} tiene voz, pero no voto.`,
      { memberId },
    ),
  CONSENSUS_CONTRADICTED: (): DomainError =>
    invalid('CONSENSUS_CONTRADICTED', 'Hay votos en contra: no hubo consenso.'),
  VOTES_MISSING: (seatIds: readonly string[]): DomainError =>
    invalid('VOTES_MISSING', `Faltan los votos de las representaciones: ${list(seatIds)}.`, { seatIds }),
  RENEWAL_ALREADY_PENDING: (palEndedOn: LocalDate): DomainError =>
    conflict(
      'RENEWAL_ALREADY_PENDING',
      `La renovación de la sociedad civil por el PAL concluido el ${palEndedOn} sigue pendiente.`,
      { palEndedOn },
    ),
  RENEWAL_NOT_PENDING: (): DomainError =>
    conflict('RENEWAL_NOT_PENDING', 'No hay una renovación de la sociedad civil en curso.'),
  RENEWAL_BEFORE_PAL_END: (): DomainError =>
    invalid('RENEWAL_BEFORE_PAL_END', 'La renovación no puede concluir antes del fin del PAL.'),
  DEADLINE_NOT_FOUND: (deadlineId: string): DomainError =>
    conflict('DEADLINE_NOT_FOUND', `No hay un plazo pendiente «${deadlineId}»: ya se atendió o no existe.`, {
      deadlineId,
    }),
  DEADLINE_NOT_DUE: (deadlineId: string, dueAt: Instant): DomainError =>
    conflict('DEADLINE_NOT_DUE', `El plazo «${deadlineId}» vence hasta ${dueAt}.`, { deadlineId, dueAt }),
  ESCALATION_NOT_FOUND: (escalationId: string): DomainError =>
    conflict('ESCALATION_NOT_FOUND', `No existe el escalamiento «${escalationId}».`, { escalationId }),
  ESCALATION_ALREADY_RESOLVED: (escalationId: string): DomainError =>
    conflict('ESCALATION_ALREADY_RESOLVED', `El escalamiento «${escalationId}» ya fue resuelto.`, { escalationId }),
  INVALID_ANSWER: (answer: unknown): DomainError =>
    invalid('INVALID_ANSWER', 'La respuesta debe ser «asistire» o «no_asistire».', { answer }),
  NOT_CONVENED: (memberId: string): DomainError =>
    conflict('NOT_CONVENED', 'La persona no figura entre los convocados del STL.', { memberId }),
  CONVOCATION_CLOSED: (sessionId: string, status: SessionStatus, date: LocalDate): DomainError =>
    conflict(
      'CONVOCATION_CLOSED',
      `La convocatoria ya no admite respuestas: la sesión ${status === 'cancelada' ? 'se canceló' : `fue el ${spanishLongDate(date)}`}.`,
      { sessionId, status },
    ),

  // The mechanism and the acts reserved to the STL (governance.ts, reserved-acts.ts).
  INVALID_MECHANISM: (field: string, message: string): DomainError => invalid('INVALID_MECHANISM', message, { field }),
  MECHANISM_BEFORE_CURRENT: (validFrom: LocalDate, currentFrom: LocalDate): DomainError =>
    conflict(
      'MECHANISM_BEFORE_CURRENT',
      `La versión vigente del mecanismo rige desde el ${spanishLongDate(currentFrom)}: una nueva no puede regir antes.`,
      { validFrom, currentFrom },
    ),
  DECISION_REQUIRED: (actName: string, act: ReservedAct): DomainError =>
    conflict(
      'DECISION_REQUIRED',
      `${actName.charAt(0).toUpperCase()}${actName.slice(1)} corresponde al STL: indique la sesión y el acuerdo aprobado ` +
        'que lo sustenta o, si no se registró la sesión, regístrelo como acto sin sesión registrada con su justificación.',
      { act },
    ),
  DECISION_NOT_FOUND: (ref: DecisionRef, act: ReservedAct): DomainError =>
    conflict('DECISION_NOT_FOUND', `No existe la decisión ${ref.decisionId} en la sesión «${ref.sessionId}».`, { ...ref, act }),
  DECISION_NOT_ABOUT_ACT: (ref: DecisionRef, subject: string, actName: string, act: ReservedAct): DomainError =>
    conflict(
      'DECISION_NOT_ABOUT_ACT',
      `La decisión ${ref.decisionId} de la sesión «${ref.sessionId}» («${subject}») no trata sobre ${actName}.`,
      { ...ref, act },
    ),
  DECISION_NOT_APPROVED: (ref: DecisionRef, act: ReservedAct): DomainError =>
    conflict('DECISION_NOT_APPROVED', `La decisión ${ref.decisionId} de la sesión «${ref.sessionId}» no fue aprobada.`, {
      ...ref,
      act,
    }),
  DECISION_ALREADY_USED: (ref: DecisionRef, act: ReservedAct): DomainError =>
    conflict(
      'DECISION_ALREADY_USED',
      `La decisión ${ref.decisionId} de la sesión «${ref.sessionId}» ya sustentó otro acto.`,
      { ...ref, act },
    ),
  UNKNOWN_RESERVED_ACT: (kind: unknown): DomainError =>
    invalid(
      'UNKNOWN_RESERVED_ACT',
      'El acto debe ser «add_titular», «change_mechanism», «appoint_facilitador» o «remove_member».',
      { kind },
    ),
  NO_REMOVAL_FOR_ABSENCES: (): DomainError =>
    conflict('NO_REMOVAL_FOR_ABSENCES', 'El mecanismo de gobernanza de este STL no prevé la remoción por inasistencias.'),
  ABSENCES_BELOW_THRESHOLD: (memberId: string, absences: number, consecutive: boolean): DomainError =>
    conflict(
      'ABSENCES_BELOW_THRESHOLD',
      `La representación de «${memberId}» no suma las ${absences} inasistencias${consecutive ? ' seguidas' : ''} que el ` +
        'mecanismo pide para proponer su remoción.',
      { memberId, absences, consecutive },
    ),
  WORKING_MEETING_EXISTS: (meetingId: string): DomainError =>
    conflict('WORKING_MEETING_EXISTS', `Ya existe la reunión de trabajo «${meetingId}».`, { meetingId }),
};
