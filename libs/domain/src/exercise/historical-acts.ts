import { type HistoricalAct } from '../shared/historical-act';
import { compareDates, type LocalDate } from '../shared/local-date';
import { type PalAct } from './exercise-commands';
import { exerciseErrors } from './exercise-errors';
import { type Check, type DecisionContext, isBlank } from './exercise-guards';

/**
 * An act of the PAL dated before the day it is recorded moves the PAL's clock (six and twelve months) into the past,
 * so its deadlines fall due on arrival and the board shows history instead of news. Like a backdated convocation it
 * is a historical act, accepted only with its justification; it obeys every other rule of the act. Called once the
 * date itself is valid.
 */
export function checkHistorical(field: string, date: LocalDate, act: PalAct, context: DecisionContext): Check {
  const historical = act.historical ?? undefined;
  if (historical !== undefined) {
    const justification = (historical as { justification?: unknown }).justification;
    return isBlank(justification) ? exerciseErrors.HISTORICAL_JUSTIFICATION_REQUIRED(field) : undefined;
  }
  if (compareDates(date, context.today) >= 0 || context.backdatedPalActsAccepted === true) return undefined;
  return exerciseErrors.PAL_ACT_BACKDATED(field, date, context.today);
}

/** What the event keeps of it: the trimmed justification, or nothing for an act recorded on its day. */
export function historicalRecord(act: PalAct): { historical?: HistoricalAct } {
  const justification = act.historical?.justification;
  return justification === undefined ? {} : { historical: { justification: justification.trim() } };
}
