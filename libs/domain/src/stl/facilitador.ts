import { type Decision } from '../shared/decider';
import { isDomainError } from '../shared/domain-error';
import { authorize } from './reserved-acts';
import { type AppointFacilitador, type ConcludeFacilitadorSelection, type VacateFacilitador } from './stl-commands';
import { checkUniqueId } from './composition';
import { resolveOpenEscalations } from './stl-alerts';
import { stlErrors } from './stl-errors';
import { type StlEvent } from './stl-events';
import { checkPastDate, checkText, type DecisionContext, firstError } from './stl-guards';
import { type Facilitador, type RegisteredStl } from './stl-state';

/**
 * The facilitador: neutral technical secretary with voice and no vote (guia-instalacion-stl.txt, "figura del
 * facilitador"). Appointing one ends the vacancy, so its open escalations resolve themselves.
 */
export function decideAppointFacilitador(
  command: AppointFacilitador,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const data = command.data;
  if (state.facilitador !== null) return stlErrors.FACILITADOR_ALREADY_APPOINTED(state.facilitador.nombre);
  const facilitadorId = data.facilitadorId ?? `facilitador:${data.appointedOn}`;
  const error = firstError(
    checkText('nombre', data.nombre),
    checkText('procedencia', data.procedencia),
    checkPastDate('appointedOn', data.appointedOn, context),
    checkUniqueId(state, facilitadorId),
  );
  if (error) return error;
  const authorized =
    state.status === 'instalado' && context.legacyGovernance !== true
      ? authorize(state, { kind: 'appoint_facilitador' }, data)
      : undefined;
  if (isDomainError(authorized)) return authorized;
  const facilitador: Facilitador = {
    facilitadorId,
    nombre: data.nombre.trim(),
    procedencia: data.procedencia.trim(),
    ...(data.organizacion === undefined ? {} : { organizacion: data.organizacion.trim() }),
    ...(data.email === undefined ? {} : { email: data.email }),
    appointedOn: data.appointedOn,
    ...(authorized === undefined ? {} : { authorizedBy: authorized.basis }),
  };
  return [
    { type: 'FacilitadorAppointed', data: facilitador },
    ...resolveOpenEscalations(
      state,
      'vacancy_escalation',
      context.now,
      `Se nombró facilitador: ${facilitador.nombre}.`,
    ),
  ];
}

/**
 * Stage 7 of the exercise is closed: an STL still without facilitador now has a vacancy (before, the post was "por
 * elegir"). Only the first closing counts; an installed STL already treats a missing facilitador as vacant.
 */
export function decideConcludeFacilitadorSelection(
  command: ConcludeFacilitadorSelection,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const { concludedOn } = command.data;
  const error = checkPastDate('concludedOn', concludedOn, context);
  if (error) return error;
  if (state.status === 'instalado' || state.facilitadorSelectionConcludedOn !== undefined) return [];
  return [{ type: 'FacilitadorSelectionConcluded', data: { concludedOn } }];
}

export function decideVacateFacilitador(
  command: VacateFacilitador,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const facilitador = state.facilitador;
  if (facilitador === null) return stlErrors.FACILITADOR_ALREADY_VACANT();
  const { vacatedOn = context.today, reason } = command.data;
  const error = firstError(
    checkPastDate('vacatedOn', vacatedOn, context),
    reason === undefined ? undefined : checkText('reason', reason),
    vacatedOn < facilitador.appointedOn ? stlErrors.VACATED_BEFORE_APPOINTED(facilitador.appointedOn) : undefined,
  );
  if (error) return error;
  const data = { facilitadorId: facilitador.facilitadorId, vacatedOn, ...(reason !== undefined && { reason }) };
  return [{ type: 'FacilitadorVacated', data }];
}
