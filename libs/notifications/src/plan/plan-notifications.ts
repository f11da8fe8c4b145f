import { DEFAULT_DEADLINE_POLICY, type ExerciseState, type StlState } from '@app/domain';
import { exerciseNotifications } from './exercise-notifications';
import { type AppendedEvents, type PlannedNotification } from './planned-notification';
import { stlNotifications } from './stl-notifications';

/**
 * The e-mails that one append of events calls for: which kind, to which audience, about what. Pure: the same
 * events and state always give the same plan, so a retried append can never plan differently.
 */
export function planNotifications(appended: AppendedEvents): PlannedNotification[] {
  const events = appended.events.map((event, index) => ({ ...event, seq: appended.firstSeq + index }));
  const { aggregate } = appended;
  const policy = appended.policy ?? DEFAULT_DEADLINE_POLICY;
  switch (aggregate) {
    case 'exercise':
      return exerciseNotifications(events, appended.state as ExerciseState, policy);
    case 'stl':
      return stlNotifications(events, appended.state as StlState, policy);
    default: {
      const _exhaustive: never = aggregate;
      throw new Error(`Agregado desconocido: ${String(_exhaustive)}`);
    }
  }
}
