import {
  exerciseCommandSignal,
  exerciseOpenedSignal,
  getStlState,
  stlCommandSignal,
  stlUpdates,
  type StlWorkflowInput,
  stlWorkflowId,
} from '@app/contracts';
import {
  stlDeciderWith,
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
  type StlCommand,
  stlDeadlines,
  type StlEvent,
  type StlState,
  stlStatusReport,
  stlSummary,
} from '@app/domain';
import { patched, setHandler } from '@temporalio/workflow';
import { setSignalHandlerAfterUpdates } from '../runtime/after-updates';
import { type EntityDefinition, EventSourcedEntity } from '../runtime/event-sourced-entity';
import { signalQuietly } from '../runtime/signal-quietly';

const VERSIONED_STATUS_REPORTS = 'versioned-status-reports';
/** A convocation's notice runs from its recording; an earlier `convokedOn` needs a historical act's justification. */
const NOTICE_FROM_RECORDING = 'notice-from-recording';
/**
 * Each STL judged by its own mecanismo de gobernanza: a mechanism version at registration, reserved acts resting on
 * the STL's decisions, inactivity suggested (never proposed by the system), removals decided by vote.
 */
const STL_GOVERNANCE_MECHANISM = 'stl-governance-mechanism';
/** The two-month mark reported to the exercise is the one this STL keeps under its own policy, not the default. */
const REPORT_UNDER_STREAM_POLICY = 'report-under-stream-policy';
/** A timer three business days before each session, reminding the convened who have not answered its convocation. */
const CONFIRMATION_REMINDERS = 'confirmation-reminders';
/** An empty attendance list is refused unless the session is said to have been held without attendees. */
const ATTENDANCE_NEEDS_ATTENDEES = 'attendance-needs-attendees';
/** Without facilitador an STL is vacant only once the selection is due (installed, or stage 7 closed): no flag before. */
const VACANT_WHEN_SELECTION_DUE = 'vacant-when-selection-due';
/** Reports tell the exercise the titulares and suplentes of each sector: its step 3 needs them. */
const REPORT_STL_COMPOSITION = 'report-stl-composition';
/** Reports tell the exercise how often its commitments report progress under the STL's mechanism. */
const REPORT_PROGRESS_PERIODS = 'report-progress-periods';
/** Reports tell the exercise the day the STL adopted its own mechanism: its step 3 waits for it. */
const REPORT_MECHANISM_ADOPTION = 'report-mechanism-adoption';
/** The STL's installation resolves the escalation of the installation it refused at its exercise's stage 10. */
const INSTALLATION_RESOLVES_REFUSAL = 'installation-resolves-refusal';

/** What a run decides once, at its start: a run begun under older code keeps its rules until it continues as new. */
interface RunRules {
  readonly noticeFromRecording: boolean;
  readonly confirmationReminders: boolean;
  readonly attendanceNeedsAttendees: boolean;
  readonly governanceMechanism: boolean;
  readonly vacantWhenSelectionDue: boolean;
  readonly installationResolvesRefusal: boolean;
}

/** Tells the state's running exercise what it needs to know of its STL, once per change. */
class ExerciseReporter {
  private lastReport?: string;

  constructor(
    private readonly streamId: string,
    private readonly policy: DeadlinePolicy,
    private exerciseId?: string,
  ) {}

  get linkedExerciseId(): string | undefined {
    return this.exerciseId;
  }

  link(exerciseId: string): void {
    this.exerciseId = exerciseId;
    this.lastReport = undefined;
  }

  /**
   * Reports carry the STL's version, so the exercise ignores one that arrives after a newer one. An exercise that
   * has closed no longer listens, which is no incident: the next exercise links itself when it opens.
   */
  async report(state: StlState, version: number): Promise<void> {
    const summary = stlSummary(state, patched(REPORT_UNDER_STREAM_POLICY) ? this.policy : DEFAULT_DEADLINE_POLICY);
    if (!this.exerciseId || !summary) return;
    // Asked at each report, not once per run: an STL run begun before it starts telling its composition at once.
    const options = {
      composition: patched(REPORT_STL_COMPOSITION),
      progressReports: patched(REPORT_PROGRESS_PERIODS),
      mechanismAdoption: patched(REPORT_MECHANISM_ADOPTION),
    };
    const serialized = JSON.stringify(stlStatusReport(summary, undefined, options));
    if (serialized === this.lastReport) return;
    this.lastReport = serialized;
    const status = patched(VERSIONED_STATUS_REPORTS)
      ? stlStatusReport(summary, version, options)
      : stlStatusReport(summary, undefined, options);
    const commandId = `${this.streamId}@${version}`;
    await signalQuietly(this.exerciseId, exerciseCommandSignal, { type: 'RecordStlStatus', data: status, commandId });
  }
}

function stlDefinition(
  input: StlWorkflowInput,
  reporter: ExerciseReporter,
  rules: RunRules,
): EntityDefinition<StlCommand, StlEvent, 'stl'> {
  const policy = stlPolicy(input);
  return {
    aggregate: 'stl',
    policy,
    decider: stlDeciderWith(policy, {
      backdatedNoticeAccepted: !rules.noticeFromRecording,
      emptyAttendanceAccepted: !rules.attendanceNeedsAttendees,
      legacyGovernance: !rules.governanceMechanism,
      vacantBeforeSelectionDue: !rules.vacantWhenSelectionDue,
      refusedInstallationStaysOpen: !rules.installationResolvesRefusal,
    }),
    deadlines: (state) =>
      stlDeadlines(state, policy).filter((deadline) => rules.confirmationReminders || deadline.kind !== 'confirmation_reminder'),
    // The STL is permanent; a workflow whose registration was refused has nothing to run.
    isFinished: (state) => state.status === 'unregistered',
    searchAttributes: (state) => {
      const summary = stlSummary(state, policy);
      return {
        entidad: input.entidad,
        escalacionesAbiertas: summary?.openEscalations ?? 0,
        facilitadorVacante: rules.vacantWhenSelectionDue
          ? (summary?.facilitadorVacante ?? false)
          : summary?.facilitador === null,
      };
    },
    react: (_events, state, version) => reporter.report(state, version),
  };
}

/** Workflows started before the deployment chose a policy run under DOMAIN.md's numbers. */
function stlPolicy(input: StlWorkflowInput): DeadlinePolicy {
  return input.policy ?? DEFAULT_DEADLINE_POLICY;
}

/** The state's permanent secretariat, `stl/<entidad>`: members, facilitador, sessions, cadence. */
export async function stlWorkflow(input: StlWorkflowInput): Promise<StlState> {
  const streamId = stlWorkflowId(input.entidad);
  const reporter = new ExerciseReporter(streamId, stlPolicy(input), input.exerciseId);
  const rules: RunRules = {
    noticeFromRecording: patched(NOTICE_FROM_RECORDING),
    confirmationReminders: patched(CONFIRMATION_REMINDERS),
    attendanceNeedsAttendees: patched(ATTENDANCE_NEEDS_ATTENDEES),
    governanceMechanism: patched(STL_GOVERNANCE_MECHANISM),
    vacantWhenSelectionDue: patched(VACANT_WHEN_SELECTION_DUE),
    installationResolvesRefusal: patched(INSTALLATION_RESOLVES_REFUSAL),
  };
  const entity = new EventSourcedEntity(stlDefinition(input, reporter, rules), streamId, input.snapshot);
  entity.handleUpdates(stlUpdates);
  setSignalHandlerAfterUpdates(stlCommandSignal, (request) => entity.executeQuietly(request));
  setSignalHandlerAfterUpdates(exerciseOpenedSignal, ({ exerciseId }) => {
    reporter.link(exerciseId);
    return reporter.report(entity.state, entity.version);
  });
  setHandler(getStlState, () => entity.state);
  return entity.run((snapshot) => [{ ...input, snapshot, exerciseId: reporter.linkedExerciseId }]);
}
