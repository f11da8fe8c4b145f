import { daysBetween, type LocalDate } from '../shared/local-date';
import { spanishLongDate } from '../shared/spanish-date';
import { type Session } from './stl-state';

/** The Spanish sentences of reminders and escalations: what to do, or what is late and since when. */
export const deadlineTexts = {
  vacancyReminder: (stl: string, since: LocalDate) =>
    `El puesto de facilitador del STL de ${stl} está vacante desde el ${spanishLongDate(since)}: ` +
    'nombre a un facilitador, preferentemente de la academia o de la sociedad civil.',

  vacancyEscalation: (stl: string, since: LocalDate, firedOn: LocalDate) =>
    `El puesto de facilitador del STL de ${stl} sigue vacante desde el ${spanishLongDate(since)} ` +
    `(${daysBetween(since, firedOn)} días).`,

  cadenceReminder: (stl: string, mark: LocalDate, convokeBy: LocalDate) =>
    `El STL de ${stl} debe sesionar a más tardar el ${spanishLongDate(mark)} (sesión bimestral): ` +
    `convoque a más tardar el ${spanishLongDate(convokeBy)}.`,

  cadenceEscalation: (stl: string, anchor: LocalDate, fromInstallation: boolean, mark: LocalDate) =>
    `El STL de ${stl} no ha sesionado desde ${fromInstallation ? 'su instalación, ' : ''}el ${spanishLongDate(anchor)}: ` +
    `la sesión bimestral vencía el ${spanishLongDate(mark)}.`,

  confirmationReminder: (session: Session) =>
    `Sesión ${session.kind} del STL el ${spanishLongDate(session.date)}: confirme o decline su asistencia ` +
    'con el enlace personal de su convocatoria.',

  sessionTomorrow: (session: Session) => {
    const where = session.place ?? session.link;
    return (
      `Mañana, ${spanishLongDate(session.date)}, sesión ${session.kind} del STL${where === undefined ? '' : ` (${where})`}. ` +
      `Orden del día: ${session.agenda.join('; ')}.`
    );
  },
};
