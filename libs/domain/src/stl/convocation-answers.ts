import { type Decision } from '../shared/decider';
import { isDomainError } from '../shared/domain-error';
import { type AnswerConvocation } from './stl-commands';
import { stlErrors } from './stl-errors';
import { type StlEvent } from './stl-events';
import { type DecisionContext, findSession, firstError } from './stl-guards';
import { type RegisteredStl, type Session } from './stl-state';

/** What a convened person says through the personal link of the convocation (acuse de recibo, issue 22). */
export type ConvocationAnswer = 'asistire' | 'no_asistire';

export function isConvocationAnswer(value: unknown): value is ConvocationAnswer {
  return value === 'asistire' || value === 'no_asistire';
}

/**
 * A convened person (a current member, or the facilitador) confirms or declines a session still ahead. Answering
 * what is already on record changes nothing; answering otherwise replaces it, since plans change and the forecast
 * of the quorum must follow the latest word.
 */
export function decideAnswerConvocation(
  command: AnswerConvocation,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const { sessionId, memberId, answer } = command.data;
  const session = findSession(state, sessionId);
  if (isDomainError(session)) return session;
  const error = firstError(
    isConvocationAnswer(answer)
      ? undefined
      : stlErrors.INVALID_ANSWER(answer),
    convenedPeople(state).includes(memberId)
      ? undefined
      : stlErrors.NOT_CONVENED(memberId),
    answersOpen(session, context),
  );
  if (error) return error;
  if (session.answers?.[memberId]?.answer === answer) return [];
  return [{ type: 'ConvocationAnswered', data: { sessionId, memberId, answer, answeredAt: context.now } }];
}

/** Until the session's own day, while it is still convened; a historical convocation was answered back then. */
function answersOpen(session: Session, context: DecisionContext) {
  const closed = session.status !== 'convocada' || session.historical !== undefined || session.date < context.today;
  return closed ? stlErrors.CONVOCATION_CLOSED(session.sessionId, session.status, session.date) : undefined;
}

/** Everyone a convocation goes to: the current members of every role, and the facilitador. */
export function convenedPeople(state: RegisteredStl): string[] {
  return [...Object.keys(state.members), ...(state.facilitador ? [state.facilitador.facilitadorId] : [])];
}

/** The convened who have not answered this session's convocation yet. */
export function unansweredOf(state: RegisteredStl, session: Session): string[] {
  return convenedPeople(state).filter((personId) => session.answers?.[personId] === undefined);
}
