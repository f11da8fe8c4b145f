import { type Decision } from '../shared/decider';
import { type CompleteCivilSocietyRenewal, type RenewCivilSociety } from './stl-commands';
import { stlErrors } from './stl-errors';
import { type StlEvent } from './stl-events';
import { checkPastDate, type DecisionContext, firstError } from './stl-guards';
import { activeSeats, type RegisteredStl } from './stl-state';

/**
 * "La representación de las organizaciones de sociedad civil se renovará al finalizar cada Plan de Acción Local"
 * (mecanismo-gobernanza-edomex.md, cap. III, 3 d). The exercise workflow sends `RenewCivilSociety` when its PAL
 * ends (the same date again is a no-op). The organisations elect their representatives by their own method
 * (3 b), so the people change through ResignMember/AddMember (or stay, re-elected); `CompleteCivilSocietyRenewal`
 * closes the renewal once civil society has a titular again.
 */
export function decideRenewCivilSociety(
  command: RenewCivilSociety,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const { palEndedOn } = command.data;
  const error = checkPastDate('palEndedOn', palEndedOn, context);
  if (error) return error;
  if (state.renewal?.palEndedOn === palEndedOn) return [];
  if (state.renewal !== null) return stlErrors.RENEWAL_ALREADY_PENDING(state.renewal.palEndedOn);
  const seatIds = civilSocietySeats(state).map((seat) => seat.seatId);
  return [{ type: 'CivilSocietyRenewalStarted', data: { palEndedOn, seatIds } }];
}

export function decideCompleteCivilSocietyRenewal(
  command: CompleteCivilSocietyRenewal,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const renewal = state.renewal;
  if (renewal === null) return stlErrors.RENEWAL_NOT_PENDING();
  const { completedOn } = command.data;
  const titularIds = civilSocietySeats(state).map((seat) => seat.titularId as string);
  const error = firstError(
    checkPastDate('completedOn', completedOn, context),
    completedOn < renewal.palEndedOn ? stlErrors.RENEWAL_BEFORE_PAL_END() : undefined,
    titularIds.length > 0 ? undefined : stlErrors.MISSING_SECTOR_TITULAR(['sociedad_civil'], 'renewal'),
  );
  if (error) return error;
  return [{ type: 'CivilSocietyRenewalCompleted', data: { completedOn, titularIds } }];
}

function civilSocietySeats(state: RegisteredStl) {
  return activeSeats(state).filter((seat) => seat.sector === 'sociedad_civil');
}
