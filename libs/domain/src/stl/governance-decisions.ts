import { type Decision } from '../shared/decider';
import { isDomainError } from '../shared/domain-error';
import { stlErrors } from './stl-errors';
import { type LocalDate } from '../shared/local-date';
import { type GovernanceBasis, type GovernanceMechanism, mechanismFrom, nextVersionNumber } from './governance';
import { type ActAuthority, authorize } from './reserved-acts';
import { type AdoptGovernanceMechanism, type ChangeDecisionRule, type RecordWorkingMeeting } from './stl-commands';
import { type StlEvent } from './stl-events';
import { checkPastDate, checkText, type DecisionContext, firstError } from './stl-guards';
import { currentGovernance, governanceVersions, type RegisteredStl, seatList } from './stl-state';
import { isDecisionRule } from './stl-terms';

/**
 * Stage 9 (guia-instalacion-stl.txt: "se acordará el mecanismo de gobernanza que regirá su actuación"): while the STL
 * is being integrated its representatives adopt it; once installed only the STL's own decision changes it, so
 * every version keeps the day it took effect and what it rests on.
 */
export function decideAdoptGovernanceMechanism(
  command: AdoptGovernanceMechanism,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const { adoptedOn = context.today } = command.data;
  const dateError = checkPastDate('adoptedOn', adoptedOn, context);
  if (dateError) return dateError;
  const mechanism = mechanismFrom(
    command.data.mechanism ?? ({} as AdoptGovernanceMechanism['data']['mechanism']),
    state.decisionRule,
    seatList(state).map((seat) => seat.seatId),
  );
  if (isDomainError(mechanism)) return mechanism;
  return adoption(state, mechanism, adoptedOn, command.data);
}

/** A new decision rule is a new version of the mechanism, the rest of it unchanged. */
export function decideChangeDecisionRuleByMechanism(
  command: ChangeDecisionRule,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const rule = command.data.decisionRule;
  if (!isDecisionRule(rule)) {
    return stlErrors.UNKNOWN_DECISION_RULE(rule);
  }
  const current = currentGovernance(state).mechanism;
  if (rule === current.decision.rule) return [];
  const mechanism: GovernanceMechanism = { ...current, decision: { ...current.decision, rule } };
  return adoption(state, mechanism, context.today, command.data);
}

function adoption(
  state: RegisteredStl,
  mechanism: GovernanceMechanism,
  adoptedOn: LocalDate,
  authority: ActAuthority,
): Decision<StlEvent> {
  const current = currentGovernance(state);
  let basis: GovernanceBasis = { kind: 'integracion' };
  let validFrom = adoptedOn;
  if (state.status === 'instalado') {
    const authorized = authorize(state, { kind: 'change_mechanism' }, authority);
    if (isDomainError(authorized)) return authorized;
    basis = authorized.basis;
    validFrom = authorized.session?.date ?? adoptedOn;
  }
  if (sameMechanism(current.mechanism, mechanism) && current.basis.kind !== 'registro' && current.basis.kind !== 'anterior') {
    return [];
  }
  if (current.basis.kind !== 'registro' && current.validFrom !== null && validFrom < current.validFrom) {
    return stlErrors.MECHANISM_BEFORE_CURRENT(validFrom, current.validFrom);
  }
  const version = nextVersionNumber(governanceVersions(state));
  return [{ type: 'GovernanceMechanismAdopted', data: { version, mechanism, validFrom, basis } }];
}

function sameMechanism(a: GovernanceMechanism, b: GovernanceMechanism): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * "El STL deberá celebrar reuniones de trabajo por lo menos una vez al bimestre" (mecanismo-gobernanza-edomex.md,
 * cap. VI, 5): a working meeting has a minuta, not an acta, takes no decision and never counts as an absence.
 */
export function decideRecordWorkingMeeting(
  command: RecordWorkingMeeting,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const { meetingId, date, topic, participants } = command.data;
  const known = (memberId: string) =>
    state.members[memberId] !== undefined || memberId === state.facilitador?.facilitadorId;
  const unknown = [...new Set(participants)].filter((memberId) => !known(memberId));
  const error = firstError(
    checkText('meetingId', meetingId),
    (state.workingMeetings ?? []).some((meeting) => meeting.meetingId === meetingId)
      ? stlErrors.WORKING_MEETING_EXISTS(meetingId)
      : undefined,
    checkPastDate('date', date, context),
    checkText('topic', topic),
    unknown.length === 0
      ? undefined
      : stlErrors.UNKNOWN_MEMBER(unknown),
  );
  if (error) return error;
  const data = { meetingId: meetingId.trim(), date, topic: topic.trim(), participants: [...new Set(participants)] };
  return [{ type: 'WorkingMeetingRecorded', data }];
}
