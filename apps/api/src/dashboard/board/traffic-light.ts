import { type LocalDate, type StlSummary } from '@app/domain';

/**
 * The bimonthly cadence as a traffic light: green while the two-month mark is not near (or a session is convened
 * on or before it), amber once the STL's cadence reminder has gone out (the summary's date, under the STL's own
 * deadline policy and calendar), red once the mark has passed without a session held. `sin_plazo` while the STL is
 * not installed.
 */
export type TrafficLight = 'verde' | 'ambar' | 'rojo' | 'sin_plazo';

export interface CadenceStatus {
  readonly light: TrafficLight;
  /** The two-month mark. */
  readonly dueOn?: LocalDate;
  /** When the reminder to convene goes (went) out. */
  readonly reminderOn?: LocalDate;
}

type CadenceFacts = Pick<StlSummary, 'nextSessionDueOn' | 'cadenceReminderOn' | 'nextSession'>;

export function cadenceStatus(stl: CadenceFacts | undefined, today: LocalDate): CadenceStatus {
  const dueOn = stl?.nextSessionDueOn;
  if (!dueOn) return { light: 'sin_plazo' };
  // A row written before the summary kept the reminder's date turns amber only at the mark, until it is rewritten.
  const reminderOn = stl.cadenceReminderOn ?? dueOn;
  const status = (light: TrafficLight): CadenceStatus => ({ light, dueOn, reminderOn });
  if (today > dueOn) return status('rojo');
  // A session convened on or before the mark covers the period (the domain lists no reminder for it).
  if (stl.nextSession && stl.nextSession.date <= dueOn) return status('verde');
  return status(reminderOn <= today ? 'ambar' : 'verde');
}

export const TRAFFIC_LIGHT_LABELS: Readonly<Record<TrafficLight, string>> = {
  verde: 'Al día',
  ambar: 'Por vencer',
  rojo: 'Vencida',
  sin_plazo: 'Sin plazo',
};
