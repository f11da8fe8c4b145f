import { convenedPeople } from './convocation-answers';
import { assessQuorum, type QuorumAssessment } from './quorum';
import { seatsWithDecisionCapacity } from './sessions';
import { mechanismOn, type RegisteredStl, type Session } from './stl-state';

/** Who said they will come, who will not, who has not answered, and the quorum the confirmed would make. */
export interface ConvocationForecast {
  readonly confirmed: readonly string[];
  readonly declined: readonly string[];
  readonly unanswered: readonly string[];
  /** The STL's own quorum rule, in force on the session's date, applied to the confirmed as if they were the attendance. */
  readonly quorum: QuorumAssessment;
}

export function convocationForecast(state: RegisteredStl, session: Session): ConvocationForecast {
  const answerOf = (personId: string) => session.answers?.[personId]?.answer;
  const convened = convenedPeople(state);
  const confirmed = convened.filter((personId) => answerOf(personId) === 'asistire');
  return {
    confirmed,
    declined: convened.filter((personId) => answerOf(personId) === 'no_asistire'),
    unanswered: convened.filter((personId) => answerOf(personId) === undefined),
    quorum: assessQuorum(
      seatsWithDecisionCapacity(state),
      confirmed,
      mechanismOn(state, session.date).quorum.civilSocietyRequired,
    ),
  };
}
