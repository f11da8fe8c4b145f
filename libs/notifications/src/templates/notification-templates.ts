import { daysBetween, entidadName, DEFAULT_PROGRESS_REPORT_MONTHS, progressPeriodName } from '@app/domain';
import { type Addressee } from '../plan/notification-kind';
import {
  type ConveneSessionContent,
  type ConvocationReminderContent,
  type EscalationContent,
  type EscalationResolvedContent,
  type FacilitadorVacantContent,
  type HistoryRecordedContent,
  type MinutesReadyContent,
  type NotificationContent,
  type PalReviewContent,
  type ProgressReminderContent,
  type SessionCancelledContent,
  type SessionRescheduledContent,
  type SessionConvenedContent,
  type SessionFacts,
  type SessionTomorrowContent,
  type StageStalledContent,
  type TermWarningContent,
} from '../plan/notification-content';
import { type MessageParts } from './message-parts';
import { spanishDate as short, spanishLongDate as long } from '@app/domain';

/** The Spanish words of each kind of e-mail: subject with the state and the date, what happened, what to do. */
export function messageParts(content: NotificationContent, addressee: Addressee, suplente = false): MessageParts {
  switch (content.kind) {
    case 'convene_session':
      return conveneSession(content);
    case 'session_convened':
      return sessionConvened(content, suplente);
    case 'session_cancelled':
      return sessionCancelled(content);
    case 'session_rescheduled':
      return sessionRescheduled(content, suplente);
    case 'session_tomorrow':
      return sessionTomorrow(content, suplente);
    case 'convocation_reminder':
      return convocationReminder(content, suplente);
    case 'stage_stalled':
      return stageStalled(content);
    case 'facilitador_vacant':
      return facilitadorVacant(content, addressee);
    case 'monitoring_due':
    case 'evaluation_due':
      return palReview(content);
    case 'term_warning':
      return termWarning(content);
    case 'progress_reminder':
      return progressReminder(content);
    case 'escalation_enlace':
    case 'escalation_coordinador':
      return escalation(content, addressee);
    case 'escalation_resolved':
      return escalationResolvedParts(content);
    case 'minutes_ready':
      return minutesReady(content);
    case 'history_recorded':
      return historyRecorded(content);
    default: {
      const _exhaustive: never = content;
      throw new Error(`Tipo de aviso desconocido: ${JSON.stringify(_exhaustive)}`);
    }
  }
}

const stl = (content: NotificationContent) => `STL de ${entidadName(content.entidad)}`;

function conveneSession(content: ConveneSessionContent): MessageParts {
  return {
    subject: `${stl(content)}: convoque la sesión bimestral a más tardar el ${short(content.convokeBy)}`,
    paragraphs: [content.message],
    action:
      `Emita la convocatoria con al menos cinco días hábiles de anticipación, a más tardar el ` +
      `${long(content.convokeBy)}, para que el STL sesione a más tardar el ${long(content.sessionDueOn)}.`,
    deadline: content.convokeBy,
  };
}

/** " de 10:00 a 12:00 h (hora de la Ciudad de México)"; nothing for a session convened without an hour. */
function hourOf(session: SessionConvenedContent['session']): string {
  if (session.startTime === undefined) return '';
  const span = session.endTime === undefined ? `a las ${session.startTime} h` : `de ${session.startTime} a ${session.endTime} h`;
  return `, ${span} (hora de la Ciudad de México)`;
}

function sessionConvened(content: SessionConvenedContent, suplente: boolean): MessageParts {
  const { session } = content;
  return {
    subject: `${stl(content)}: sesión ${session.kind} convocada para el ${short(session.date)}`,
    paragraphs: [
      `Se le convoca a la sesión ${session.kind} del Secretariado Técnico Local de ${entidadName(content.entidad)} ` +
        `el ${long(session.date)}${hourOf(session)} (convocatoria del ${long(content.convokedOn)}).`,
      ...whereAndHow(session),
    ],
    list: { title: 'Orden del día', items: session.agenda },
    action:
      (suplente
        ? `${STAND_IN} ${ANSWER}`
        : `${ANSWER} Si no puede asistir, avise a su suplente para que su representación cuente para el quórum.`) +
      ' Agregue la sesión a su calendario con el archivo adjunto (.ics).',
    deadline: session.date,
  };
}

function sessionCancelled(content: SessionCancelledContent): MessageParts {
  const { session } = content;
  return {
    subject: `${stl(content)}: se canceló la sesión ${session.kind} del ${short(session.date)}`,
    paragraphs: [
      `La sesión ${session.kind} del Secretariado Técnico Local de ${entidadName(content.entidad)} convocada para el ` +
        `${long(session.date)} no se celebrará: se canceló el ${long(content.cancelledOn)}.`,
      `Motivo: ${asSentence(content.reason)}`,
    ],
    action:
      'No acuda a la sesión. El archivo adjunto (.ics) la quita de su calendario; la nueva convocatoria, si la hay, ' +
      'le llegará por separado.',
    deadline: null,
  };
}

function sessionRescheduled(content: SessionRescheduledContent, suplente: boolean): MessageParts {
  const { session } = content;
  return {
    subject: `${stl(content)}: la sesión ${session.kind} del ${short(content.previousDate)} cambia al ${short(session.date)}`,
    paragraphs: [
      `La sesión ${session.kind} del Secretariado Técnico Local de ${entidadName(content.entidad)} convocada para el ` +
        `${long(content.previousDate)} se celebrará el ${long(session.date)}.`,
      `Motivo: ${asSentence(content.reason)}`,
      ...whereAndHow(session),
    ],
    list: { title: 'Orden del día', items: session.agenda },
    action:
      (suplente ? STAND_IN : 'Reserve la nueva fecha; si no puede asistir, avise a su suplente.') +
      ` ${ANSWER} El archivo adjunto (.ics) mueve la sesión en su calendario.`,
    deadline: session.date,
  };
}

function sessionTomorrow(content: SessionTomorrowContent, suplente: boolean): MessageParts {
  const { session } = content;
  const action = suplente ? STAND_IN : ATTEND;
  if (session === null) {
    return { subject: `${stl(content)}: sesión mañana`, paragraphs: [content.message], action, deadline: null };
  }
  return {
    subject: `${stl(content)}: mañana, ${short(session.date)}, sesión ${session.kind}`,
    paragraphs: [
      `Mañana, ${long(session.date)}, sesiona el STL de ${entidadName(content.entidad)} (sesión ${session.kind}).`,
      ...whereAndHow(session),
    ],
    list: { title: 'Orden del día', items: session.agenda },
    action,
    deadline: session.date,
  };
}

function convocationReminder(content: ConvocationReminderContent, suplente: boolean): MessageParts {
  const { session } = content;
  return {
    subject: `${stl(content)}: confirme su asistencia a la sesión del ${short(session.date)}`,
    paragraphs: [
      `El ${long(session.date)} sesiona el STL de ${entidadName(content.entidad)} (sesión ${session.kind}) y aún no ` +
        'sabemos si asistirá: su respuesta permite prever si habrá quórum.',
      ...whereAndHow(session),
    ],
    list: { title: 'Orden del día', items: session.agenda },
    action: suplente ? `${STAND_IN} ${ANSWER}` : `${ANSWER} Si no puede asistir, avise a su suplente.`,
    deadline: session.date,
  };
}

/** The personal link itself goes under the action, one per recipient (render-notification.ts). */
const ANSWER = 'Confirme o decline su asistencia con su enlace personal, sin iniciar sesión.';

const STAND_IN =
  'Como suplente, asista si el titular de su sector no puede hacerlo: su presencia cuenta entonces para el quórum.';

const ATTEND =
  'Asista a la sesión o, si no puede, avise hoy a su suplente para que su representación cuente para el quórum.';

function whereAndHow(session: SessionFacts): string[] {
  return [
    ...(session.place === undefined ? [] : [`Lugar: ${session.place}.`]),
    ...(session.link === undefined ? [] : [`Enlace para conectarse: ${session.link}`]),
  ];
}

function stageStalled(content: StageStalledContent): MessageParts {
  const estado = entidadName(content.entidad);
  return {
    subject: `${estado}: el ejercicio ${content.exerciseNumber} no registra avances; regístrelos antes del ${short(content.actBy)}`,
    paragraphs: [content.message],
    action:
      'Registre en el sistema el avance de la etapa en curso o informe la causa del retraso. Si no hay avance ' +
      `antes del ${long(content.actBy)}, el caso se escalará al enlace del INAI.`,
    deadline: content.actBy,
  };
}

function facilitadorVacant(content: FacilitadorVacantContent, addressee: Addressee): MessageParts {
  const { vacantSince, escalatesOn, reason } = content;
  const subject = content.followUp
    ? `${stl(content)}: el puesto de facilitador sigue vacante` +
      (escalatesOn === null ? '' : `; nómbrelo antes del ${short(escalatesOn)}`)
    : `${stl(content)}: el puesto de facilitador quedó vacante el ${short(vacantSince)}`;
  const todo =
    addressee === 'enlace'
      ? 'Dé seguimiento con el organismo garante para que el STL nombre a un nuevo facilitador.'
      : 'Proponga al STL un nuevo facilitador, preferentemente de la academia o de la sociedad civil, y registre ' +
        'su nombramiento en el sistema.';
  const escalation = addressee === 'enlace' ? 'se le escalará formalmente' : 'se escalará al enlace del INAI';
  const then = escalatesOn === null ? '' : ` Si el puesto sigue vacante el ${long(escalatesOn)}, ${escalation}.`;
  return {
    subject,
    paragraphs: [
      `El puesto de facilitador del STL de ${entidadName(content.entidad)} está vacante desde el ${long(vacantSince)}.`,
      ...(reason === null ? [] : [`Motivo registrado: ${asSentence(reason)}`]),
    ],
    action: todo + then,
    deadline: escalatesOn,
  };
}

/** Free text the STL typed, closed with a period unless it already ends a sentence. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function palReview(content: PalReviewContent): MessageParts {
  const estado = entidadName(content.entidad);
  const monitoring = content.kind === 'monitoring_due';
  const what = monitoring ? 'el monitoreo de los seis meses del PAL' : 'la evaluación anual del PAL';
  const subject = content.arrived
    ? `${estado}: hoy, ${short(content.dueOn)}, corresponde ${what}`
    : `${estado}: ${what} vence el ${short(content.dueOn)}`;
  return {
    subject,
    paragraphs: [content.message],
    action: monitoring
      ? 'Actualice el avance de cada compromiso del PAL en el sistema y en el micrositio, y prepare el informe de ' +
        `monitoreo a más tardar el ${long(content.dueOn)}.`
      : 'Prepare la evaluación de desempeño del PAL y la renovación de la representación de la sociedad civil en ' +
        `el STL a más tardar el ${long(content.dueOn)}.`,
    deadline: content.dueOn,
  };
}

/** "seis pasos mínimos a lo largo de un periodo de 12 meses" (seis-pasos-2016.txt): month 11, to the garante. */
function termWarning(content: TermWarningContent): MessageParts {
  const estado = entidadName(content.entidad);
  const { startedOn, warningOn, termEndsOn, writtenOn } = content;
  const eleven = writtenOn > warningOn ? `cumplió once meses el ${long(warningOn)}` : 'hoy cumple once meses';
  const twelve = termEndsOn === writtenOn ? `se cumplen hoy, ${long(termEndsOn)}` : `se cumplen el ${long(termEndsOn)}`;
  return {
    subject: `${estado}: el ejercicio ${content.exerciseNumber} lleva once meses; los doce meses de los seis pasos vencen el ${short(termEndsOn)}`,
    paragraphs: [
      `El ejercicio ${content.exerciseNumber} de ${estado} inició el ${long(startedOn)} y ${eleven}: lleva ` +
        `${daysBetween(startedOn, writtenOn)} días. Va en el ${content.standing}.`,
      `Los seis pasos mínimos deben seguirse a lo largo de un periodo de doce meses, que ${twelve}.`,
    ],
    action:
      `Registre en el sistema el avance de los pasos pendientes y lance el PAL a más tardar el ${long(termEndsOn)}; ` +
      'si para entonces no se ha lanzado, el caso se escalará al enlace del INAI y a la coordinación.',
    deadline: termEndsOn,
  };
}

/** At the end of a progress period of the PAL's year: each commitment without a report in it, and since when. */
function progressReminder(content: ProgressReminderContent): MessageParts {
  const estado = entidadName(content.entidad);
  const count = content.commitments.length;
  const period = progressPeriodName(content.periodMonths ?? DEFAULT_PROGRESS_REPORT_MONTHS);
  const since = (commitment: ProgressReminderContent['commitments'][number]) =>
    commitment.lastReportedOn === null
      ? `sin reportes desde el lanzamiento del PAL, hace ${daysBetween(content.launchedOn, content.writtenOn)} días`
      : `último reporte el ${long(commitment.lastReportedOn)}, hace ${daysBetween(commitment.lastReportedOn, content.writtenOn)} días`;
  const next = content.nextReminderOn;
  return {
    subject: `${estado}: ${count} ${count === 1 ? 'compromiso' : 'compromisos'} del PAL sin reporte de avance en el ${period} que concluyó el ${short(content.periodTo)}`,
    paragraphs: [
      `En el ${period} del ${long(content.periodFrom)} al ${long(content.periodTo)} no se registró avance de ` +
        `${count === 1 ? 'un compromiso' : `${count} compromisos`} del PAL de ${estado} (ejercicio ${content.exerciseNumber}, ` +
        `lanzado el ${long(content.launchedOn)}).`,
    ],
    list: {
      title: count === 1 ? `Compromiso sin reporte en el ${period}` : `Compromisos sin reporte en el ${period}`,
      items: content.commitments.map((commitment) => `${commitment.title} (${commitment.id}): ${since(commitment)}.`),
    },
    action:
      'Registre en el sistema el avance de cada compromiso con su evidencia y actualice el tablero de seguimiento del ' +
      (next === null ? 'micrositio.' : `micrositio antes del ${long(next)}, cuando se revisa el ${period} siguiente.`),
    deadline: next,
  };
}

function escalation(content: EscalationContent, addressee: Addressee): MessageParts {
  const estado = entidadName(content.entidad);
  const toEnlace = content.kind === 'escalation_enlace';
  const instead =
    toEnlace && addressee === 'coordinador'
      ? [`Le llega a la coordinación porque ningún enlace del INAI con correo tiene asignada ${estado}.`]
      : [];
  const then = content.nextOn === null ? '' : ` Si no se resuelve, el ${long(content.nextOn)} se enviará un nuevo escalamiento.`;
  // An escalation to the coordinación that the enlace receives as well (the twelve months) asks the enlace its own act.
  const enlaceActs = toEnlace || addressee === 'enlace';
  return {
    subject:
      `Escalamiento ${toEnlace ? 'al enlace del INAI' : 'a la coordinación'} — ${estado}: ${content.topic}, ` +
      `plazo vencido el ${short(content.dueOn)}`,
    paragraphs: [content.reason, ...late(content), ...instead],
    action:
      (enlaceActs
        ? `Comuníquese con el organismo garante de ${estado} para destrabar el caso y registre en el tablero que `
        : `Revise el caso con el enlace del INAI y el organismo garante de ${estado}, y registre en el tablero que `) +
      `atiende el escalamiento${content.nextOn === null ? ' a la brevedad' : ''}.${then}`,
    deadline: content.nextOn,
  };
}

function escalationResolvedParts(content: EscalationResolvedContent): MessageParts {
  const estado = entidadName(content.entidad);
  return {
    subject: `Resuelto — ${estado}: ${content.topic} (${short(content.resolvedOn)})`,
    paragraphs: [
      `El escalamiento que se le envió sobre ${estado} (${content.topic}) quedó resuelto el ${long(content.resolvedOn)}.`,
      `Resolución: ${asSentence(content.resolution)}`,
    ],
    action: 'Nada: este aviso solo cierra el escalamiento anterior.',
    deadline: null,
  };
}

/** Raised days after its deadline (history recorded at once, a worker that was down): both dates, in the past. */
function late(content: EscalationContent): string[] {
  if (content.raisedOn <= content.dueOn) return [];
  return [`El plazo venció el ${long(content.dueOn)}; el escalamiento se registró el ${long(content.raisedOn)}.`];
}

function minutesReady(content: MinutesReadyContent): MessageParts {
  const { session, signBy } = content;
  return {
    subject: `${stl(content)}: acta de la sesión del ${short(session.date)} lista para firma`,
    paragraphs: [
      `La sesión ${session.kind} del ${long(session.date)} se celebró con quórum. Como asistente, le corresponde ` +
        'aprobar, rubricar en cada hoja y firmar al calce el acta de la sesión.',
    ],
    list: { title: 'Orden del día de la sesión', items: session.agenda },
    action:
      'Revise el acta con los acuerdos tomados, rubríquela y fírmela' +
      (signBy === null ? ' antes de la siguiente sesión.' : ` a más tardar el ${long(signBy)}, antes de la siguiente sesión.`),
    deadline: signBy,
  };
}

function historyRecorded(content: HistoryRecordedContent): MessageParts {
  const estado = entidadName(content.entidad);
  const count = content.overdue.length;
  return {
    subject: `Se registró el historial de ${estado} (${short(content.recordedOn)}): ${count} ${count === 1 ? 'plazo vencido' : 'plazos vencidos'}`,
    paragraphs: [
      `El ${long(content.recordedOn)} se registraron hechos pasados de ${estado}. Con ellos, ` +
        `${count === 1 ? 'este plazo ya había vencido' : 'estos plazos ya habían vencido'} antes de registrarse; ` +
        'sus recordatorios y escalamientos constan en el tablero y no se enviaron por correo.',
    ],
    list: {
      title: count === 1 ? 'Plazo vencido' : 'Plazos vencidos',
      items: content.overdue.map((item) => `${deadlineStep(item.kind)} por ${item.topic}: venció el ${long(item.dueOn)}.`),
    },
    action: `Revise en el tablero los escalamientos abiertos de ${estado} y atiéndalos con el organismo garante.`,
    deadline: null,
  };
}

/** What a deadline of this kind would have sent: a reminder or an escalation. */
function deadlineStep(kind: HistoryRecordedContent['overdue'][number]['kind']): string {
  if (kind === 'session_tomorrow') return 'Aviso de la víspera';
  if (kind === 'term_warning') return 'Aviso de los once meses';
  return kind.endsWith('_reminder') ? 'Recordatorio' : 'Escalamiento';
}
