import { type Decider, type Decision, type DecisionContext, decisionContext } from '../shared/decider';
import { incidentEscalation } from '../shared/escalation';
import { isOpenRefusalOf } from '../interplay/interplay';
import { type Instant } from '../shared/local-date';
import { spanishLongDate } from '../shared/spanish-date';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from '../shared/deadline';
import { type DomainError, isDomainError } from '../shared/domain-error';
import { decideRecordDecision } from './ballot';
import { decideAddMember } from './composition';
import { decideAnswerConvocation } from './convocation-answers';
import { compositionWarnings, sameWarnings, type VacancyRuleOptions } from './composition-warnings';
import { decideAdoptGovernanceMechanism, decideRecordWorkingMeeting } from './governance-decisions';
import { decideAppointFacilitador, decideConcludeFacilitadorSelection, decideVacateFacilitador } from './facilitador';
import { decideDecideRemoval, decideProposeRemoval, decideResignMember } from './membership';
import { decideChangeDecisionRule, decideInstallStl, decideRegisterStl, decideSetNonWorkingDays } from './registration';
import { decideCompleteCivilSocietyRenewal, decideRenewCivilSociety } from './renewal';
import {
  decideApproveMinutes,
  decideCancelSession,
  decideConveneSession,
  decideRecordAttendance,
  decideRescheduleSession,
} from './sessions';
import { decideAcknowledgeEscalation, decideFireDeadline, decideResolveEscalation } from './stl-alerts';
import { type StlCommand } from './stl-commands';
import { stlErrors } from './stl-errors';
import { type StlEvent } from './stl-events';
import { evolveStl } from './stl-evolve';
import { decideReportUndeliverableMail } from './undeliverable-mail';
import { requireInstalled, requireRegistered } from './stl-guards';
import { initialStlState, type RegisteredStl, type StlInstalado, type StlState } from './stl-state';

/**
 * The STL aggregate (stream `stl/<entidad>`): permanent, outlives every PAL. `policy` holds the deployment's
 * reminder and escalation numbers, used when a deadline is fired; `options` the rules older runs keep.
 */
export function stlDeciderWith(
  policy: DeadlinePolicy,
  options: Pick<DecisionContext, 'backdatedNoticeAccepted' | 'emptyAttendanceAccepted' | 'legacyGovernance'> &
    VacancyRuleOptions & {
      /** Runs begun before it kept the escalation of a refused installation open once the STL was installed. */
      readonly refusedInstallationStaysOpen?: boolean;
    } = {},
): Decider<StlCommand, StlEvent, StlState> {
  const { vacantBeforeSelectionDue, refusedInstallationStaysOpen, ...contextOptions } = options;
  return {
    initialState: initialStlState,
    evolve: evolveStl,
    decide(command, state) {
      const context = { ...decisionContext(command.metadata, policy), ...contextOptions };
      const decision = decideCommand(command, state, context);
      if (isDomainError(decision)) return decision;
      const resolved = refusedInstallationStaysOpen ? [] : refusalsResolvedBy(state, decision, context.now);
      return withWarnings(state, [...decision, ...resolved], { vacantBeforeSelectionDue });
    },
  };
}

/**
 * The STL refused the installation its exercise asked for at stage 10 (a sector without titular), which raised an
 * escalation to the coordinación; once installed (by the STL's own act), nothing is left to do about it.
 */
function refusalsResolvedBy(state: StlState, events: readonly StlEvent[], at: Instant): StlEvent[] {
  const installed = events.find((event) => event.type === 'StlInstalled');
  if (installed === undefined || state.status === 'unregistered') return [];
  const resolution = `El STL quedó instalado el ${spanishLongDate(installed.data.installedOn)}.`;
  return state.escalations
    .filter((escalation) => isOpenRefusalOf('InstallStl', escalation))
    .map((escalation) => ({ type: 'EscalationResolved', data: { escalationId: escalation.id, at, resolution } }));
}

export const stlDecider: Decider<StlCommand, StlEvent, StlState> = stlDeciderWith(DEFAULT_DEADLINE_POLICY);

function decideCommand(command: StlCommand, state: StlState, context: DecisionContext): Decision<StlEvent> {
  if (command.type === 'RegisterStl') return decideRegisterStl(command, state, context);
  const stl = requireRegistered(state);
  if (isDomainError(stl)) return stl;
  switch (command.type) {
    case 'ChangeDecisionRule':
      return decideChangeDecisionRule(command, stl, context);
    case 'AdoptGovernanceMechanism':
      return decideAdoptGovernanceMechanism(command, stl, context);
    case 'RecordWorkingMeeting':
      return decideRecordWorkingMeeting(command, stl, context);
    case 'SetNonWorkingDays':
      return decideSetNonWorkingDays(command, stl);
    case 'AddMember':
      return decideAddMember(command, stl, context);
    case 'InstallStl':
      return decideInstallStl(command, stl, context);
    case 'AppointFacilitador':
      return decideAppointFacilitador(command, stl, context);
    case 'VacateFacilitador':
      return decideVacateFacilitador(command, stl, context);
    case 'ConcludeFacilitadorSelection':
      return decideConcludeFacilitadorSelection(command, stl, context);
    case 'ResignMember':
      return decideResignMember(command, stl, context);
    case 'CompleteCivilSocietyRenewal':
      return decideCompleteCivilSocietyRenewal(command, stl, context);
    case 'FireDeadline':
      return decideFireDeadline(command, stl, context);
    case 'AcknowledgeEscalation':
      return decideAcknowledgeEscalation(command, stl, context);
    case 'ResolveEscalation':
      return decideResolveEscalation(command, stl, context);
    case 'RecordIncident':
      return incidentEscalation(stl.escalations, command.data, context.now);
    case 'ReportUndeliverableMail':
      return decideReportUndeliverableMail(command, stl, context);
    default:
      return whenInstalled(stl, (installed) => decideInSession(command, installed, context));
  }
}

type SessionCommand = Extract<
  StlCommand,
  {
    type:
      | 'ConveneSession'
      | 'CancelSession'
      | 'RescheduleSession'
      | 'AnswerConvocation'
      | 'RecordAttendance'
      | 'RecordDecision'
      | 'ApproveMinutes'
      | 'ProposeRemoval'
      | 'DecideRemoval'
      | 'RenewCivilSociety';
  }
>;

/** What only an installed STL does: meet, decide, remove members, renew its civil-society representation. */
function decideInSession(command: SessionCommand, stl: StlInstalado, context: DecisionContext): Decision<StlEvent> {
  switch (command.type) {
    case 'ConveneSession':
      return decideConveneSession(command, stl, context);
    case 'CancelSession':
      return decideCancelSession(command, stl, context);
    case 'RescheduleSession':
      return decideRescheduleSession(command, stl, context);
    case 'AnswerConvocation':
      return decideAnswerConvocation(command, stl, context);
    case 'RecordAttendance':
      return decideRecordAttendance(command, stl, context);
    case 'RecordDecision':
      return decideRecordDecision(command, stl);
    case 'ApproveMinutes':
      return decideApproveMinutes(command, stl, context);
    case 'ProposeRemoval':
      return decideProposeRemoval(command, stl, context);
    case 'DecideRemoval':
      return decideDecideRemoval(command, stl, context);
    case 'RenewCivilSociety':
      return decideRenewCivilSociety(command, stl, context);
    default:
      return unknownCommand(command);
  }
}

function whenInstalled(
  stl: RegisteredStl,
  decide: (installed: StlInstalado) => Decision<StlEvent>,
): Decision<StlEvent> {
  const installed = requireInstalled(stl);
  return isDomainError(installed) ? installed : decide(installed);
}

/** Commands arrive from outside the type system (HTTP, Temporal updates): an unknown type is refused, not thrown. */
function unknownCommand(command: never): DomainError {
  return stlErrors.UNKNOWN_COMMAND((command as { type?: unknown }).type);
}

/** Composition warnings are kept current: any change to them is itself an event. */
function withWarnings(state: StlState, events: readonly StlEvent[], options: VacancyRuleOptions): readonly StlEvent[] {
  if (events.length === 0) return events;
  // Every event is about a registered STL (the first one registers it).
  const next = events.reduce(evolveStl, state) as RegisteredStl;
  const warnings = compositionWarnings(next, options);
  return sameWarnings(warnings, next.warnings)
    ? events
    : [...events, { type: 'CompositionWarningsChanged', data: { warnings } }];
}
