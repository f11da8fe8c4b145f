import { type DomainError, isDomainError } from '../shared/domain-error';
import { stlErrors } from './stl-errors';
import { checkText } from './stl-guards';
import { type RecordedDecision, type RegisteredStl, type Session } from './stl-state';

/**
 * Acts the seeds reserve to the STL itself, so that no sector decides them alone ("definir reglas que eviten el
 * control sistemático de las decisiones por parte de un sector", guia-instalacion-stl.txt): once installed, each
 * rests on a decision the STL approved about that very act, or is recorded as a historical act with its reason.
 */
export type ReservedActKind = 'add_titular' | 'change_mechanism' | 'appoint_facilitador' | 'remove_member';
export const RESERVED_ACT_KINDS: readonly ReservedActKind[] = [
  'add_titular',
  'change_mechanism',
  'appoint_facilitador',
  'remove_member',
];

/** What a decision is about, when it authorises a reserved act; `memberId` names the titular or the member removed. */
export interface ReservedAct {
  readonly kind: ReservedActKind;
  readonly memberId?: string;
}

/** A decision of a session: `decisionId` is its number in the session, from 1, in the order recorded. */
export interface DecisionRef {
  readonly sessionId: string;
  readonly decisionId: string;
}

/** What a reserved act rests on, kept with the act. */
export type ActBasis =
  | ({ readonly kind: 'decision' } & DecisionRef)
  | { readonly kind: 'historico'; readonly justification: string };

export interface ActAuthority {
  readonly decision?: DecisionRef;
  readonly historical?: { readonly justification: string };
}

const ACT_NAMES: Readonly<Record<ReservedActKind, string>> = {
  add_titular: 'la incorporación de un titular',
  change_mechanism: 'la adopción o el cambio del mecanismo de gobernanza o de la regla de decisión',
  appoint_facilitador: 'el nombramiento del facilitador',
  remove_member: 'la remoción de un integrante',
};

/** The act in words; the member it is about by name where `nameOf` knows them, by id otherwise. */
export function reservedActName(act: ReservedAct, nameOf: (memberId: string) => string | undefined = () => undefined): string {
  return act.memberId === undefined ? ACT_NAMES[act.kind] : `${ACT_NAMES[act.kind]} («${nameOf(act.memberId) ?? act.memberId}»)`;
}

export function isReservedActKind(value: unknown): value is ReservedActKind {
  return typeof value === 'string' && (RESERVED_ACT_KINDS as readonly string[]).includes(value);
}

export function decisionKey(ref: DecisionRef): string {
  return `${ref.sessionId}#${ref.decisionId}`;
}

export function decisionsWithIds(session: Session): (RecordedDecision & { readonly decisionId: string })[] {
  return session.decisions.map((decision, index) => ({ ...decision, decisionId: String(index + 1) }));
}

/** The decisions already spent on an act: one decision authorises one act. */
export function usedDecisions(state: RegisteredStl): readonly string[] {
  return state.usedDecisions ?? [];
}

/**
 * The basis of a reserved act, or why there is none: an approved decision about this act, not yet spent on another,
 * or a historical act with its justification. The session's date is when the act took effect.
 */
export function authorize(
  state: RegisteredStl,
  act: ReservedAct,
  authority: ActAuthority,
): DomainError | { readonly basis: ActBasis; readonly session?: Session } {
  if (authority.decision !== undefined && authority.decision !== null) return approvedDecision(state, act, authority.decision);
  if (authority.historical !== undefined && authority.historical !== null) {
    const justification = (authority.historical as { justification?: unknown }).justification;
    const missing = checkText('historical.justification', justification);
    if (missing) return missing;
    return { basis: { kind: 'historico', justification: (justification as string).trim() } };
  }
  return stlErrors.DECISION_REQUIRED(reservedActName(act), act);
}

function approvedDecision(
  state: RegisteredStl,
  act: ReservedAct,
  ref: DecisionRef,
): DomainError | { readonly basis: ActBasis; readonly session: Session } {
  const found = decisionAbout(state, act, ref);
  if (isDomainError(found)) return found;
  if (!found.decision.approved) {
    return stlErrors.DECISION_NOT_APPROVED(ref, act);
  }
  return { basis: { kind: 'decision', sessionId: ref.sessionId, decisionId: ref.decisionId }, session: found.session };
}

/** The decision a reference names, when it is about this act and not yet spent, approved or not. */
export function decisionAbout(
  state: RegisteredStl,
  act: ReservedAct,
  ref: DecisionRef,
): DomainError | { readonly session: Session; readonly decision: RecordedDecision } {
  const session = state.sessions[ref.sessionId];
  const decision = session === undefined ? undefined : decisionsWithIds(session).find((d) => d.decisionId === ref.decisionId);
  if (session === undefined || decision === undefined) {
    return stlErrors.DECISION_NOT_FOUND(ref, act);
  }
  if (decision.act?.kind !== act.kind || (act.memberId !== undefined && decision.act.memberId !== act.memberId)) {
    return stlErrors.DECISION_NOT_ABOUT_ACT(ref, decision.subject, reservedActName(act), act);
  }
  if (usedDecisions(state).includes(decisionKey(ref))) {
    return stlErrors.DECISION_ALREADY_USED(ref, act);
  }
  return { session, decision };
}
