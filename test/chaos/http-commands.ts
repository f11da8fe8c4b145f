import { type DecisionRule } from '@app/domain';
import { type Scenario, type ScenarioStep } from '../simulation/scenario';
import { todayInMexicoCity } from '../support/dates';

/** A scenario step as a person sends it through the API. */
export interface HttpCommand {
  readonly method: 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/**
 * The API registers a state's STL with its first exercise (POST /api/exercises with the decision rule), so the
 * scenario's `RegisterStl` becomes that exercise's start, carrying the rule, and the exercise's own start is dropped.
 * Everything else keeps its place.
 */
export function throughTheApi(scenario: Scenario): Scenario {
  const firstStart = new Map<string, ScenarioStep>();
  for (const step of scenario.steps) {
    if (step.aggregate === 'exercise' && step.number === 1 && step.command.type === 'StartExercise') firstStart.set(step.entidad, step);
  }
  const steps = scenario.steps.flatMap((step): ScenarioStep[] => {
    if (step.aggregate === 'exercise' && step.number === 1 && step.command.type === 'StartExercise') return [];
    if (step.aggregate !== 'stl' || step.command.type !== 'RegisterStl') return [step];
    const start = firstStart.get(step.entidad);
    if (!start || start.aggregate !== 'exercise' || start.command.type !== 'StartExercise') return [];
    const { decisionRule } = step.command.data as { decisionRule: DecisionRule };
    return [{ ...start, on: step.on, hour: step.hour, command: { type: 'StartExercise', data: { ...start.command.data, decisionRule } as never } }];
  });
  return { ...scenario, steps };
}

/** Session ids as the API chose them (it picks its own), by the scenario's id; one map per state. */
export type SessionIds = Map<string, string>;

/** The scenario ends today, so most of a PAL's acts are history by the time they are sent: recorded as such. */
function palAct(body: Record<string, unknown>, date: unknown): Record<string, unknown> {
  const backdated = typeof date === 'string' && date < todayInMexicoCity();
  return backdated ? { ...body, historical: { justification: 'Acto del PAL registrado después del hecho (corrida de caos).' } } : body;
}

/** The route and body of a step; undefined when it refers to a session the API never confirmed. */
export function httpCommandOf(step: ScenarioStep, sessions: SessionIds): HttpCommand | undefined {
  const data = step.command.data as Record<string, unknown>;
  if (step.aggregate === 'exercise') {
    const exercise = `/api/exercises/${step.entidad}-${step.number}`;
    switch (step.command.type) {
      case 'StartExercise': {
        const { entidad, startedOn, decisionRule } = data;
        return { method: 'POST', path: '/api/exercises', body: { entidad, startedOn, ...(decisionRule ? { decisionRule } : {}) } };
      }
      case 'CompleteStage': {
        const { stage, ...body } = data;
        return { method: 'POST', path: `${exercise}/stages/${String(stage)}/complete`, body };
      }
      case 'CompleteStep': {
        const { step: number, ...body } = data;
        return { method: 'POST', path: `${exercise}/steps/${String(number)}/complete`, body };
      }
      case 'RecordGovernanceMechanism':
        return { method: 'POST', path: `${exercise}/governance-mechanism`, body: data };
      case 'RecordAnnualAgenda':
        return { method: 'POST', path: `${exercise}/annual-agenda`, body: data };
      case 'DefineCommitments':
        // The mesas met on the scenario's day, as the step that concludes them says.
        return { method: 'PUT', path: `${exercise}/commitments`, body: palAct({ ...data, definedOn: step.on }, step.on) };
      case 'LaunchPal':
        return { method: 'POST', path: `${exercise}/pal`, body: palAct(data, data.launchedOn) };
      case 'UpdateCommitmentProgress': {
        const { commitmentId, ...body } = data;
        return { method: 'POST', path: `${exercise}/commitments/${String(commitmentId)}/progress`, body: palAct(body, body.reportedOn) };
      }
      case 'RecordMonitoring':
        return { method: 'POST', path: `${exercise}/monitoring`, body: palAct(data, data.completedOn) };
      case 'RecordEvaluation':
        return { method: 'POST', path: `${exercise}/evaluation`, body: palAct(data, data.completedOn) };
      default:
        throw new Error(`the chaos driver has no route for ${step.command.type}`);
    }
  }
  const stl = `/api/stls/${step.entidad}`;
  const session = (id: unknown) => sessions.get(String(id));
  switch (step.command.type) {
    case 'AddMember':
      return { method: 'POST', path: `${stl}/members`, body: data };
    case 'AppointFacilitador':
      return { method: 'PUT', path: `${stl}/facilitador`, body: data };
    case 'AdoptGovernanceMechanism':
      return { method: 'PUT', path: `${stl}/governance`, body: data };
    case 'VacateFacilitador':
      return { method: 'DELETE', path: `${stl}/facilitador`, body: data };
    case 'ResignMember': {
      const { memberId, ...body } = data;
      return { method: 'POST', path: `${stl}/members/${String(memberId)}/resign`, body };
    }
    case 'CompleteCivilSocietyRenewal':
      return { method: 'POST', path: `${stl}/civil-society-renewal/complete`, body: data };
    case 'ConveneSession': {
      const { sessionId: _chosenByTheApi, ...body } = data;
      // The scenario ends today, so most convocations are history by the time they are sent: recorded as such.
      const backdated = typeof body.convokedOn === 'string' && body.convokedOn < todayInMexicoCity();
      const historical = { justification: 'Convocatoria registrada después del hecho (corrida de caos).' };
      return { method: 'POST', path: `${stl}/sessions`, body: backdated ? { ...body, historical } : body };
    }
    case 'RecordAttendance':
    case 'RecordDecision':
    case 'ApproveMinutes': {
      const { sessionId, ...body } = data;
      const id = session(sessionId);
      const action = { RecordAttendance: 'attendance', RecordDecision: 'decisions', ApproveMinutes: 'minutes' }[step.command.type];
      return id === undefined ? undefined : { method: 'POST', path: `${stl}/sessions/${id}/${action}`, body };
    }
    default:
      throw new Error(`the chaos driver has no route for ${step.command.type}`);
  }
}
