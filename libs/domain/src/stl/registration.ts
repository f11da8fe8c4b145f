import { type Decision } from '../shared/decider';
import { type DomainError } from '../shared/domain-error';
import { isEntidad } from '../shared/entidades';
import { type LocalDate } from '../shared/local-date';
import { type ChangeDecisionRule, type InstallStl, type RegisterStl, type SetNonWorkingDays } from './stl-commands';
import { stlErrors } from './stl-errors';
import { type StlEvent } from './stl-events';
import { checkDate, checkPastDate, checkText, type DecisionContext, firstError } from './stl-guards';
import { missingCoreSectors, type RegisteredStl, type StlState } from './stl-state';
import { isDecisionRule } from './stl-terms';

export function decideRegisterStl(command: RegisterStl, state: StlState): Decision<StlEvent> {
  if (state.status !== 'unregistered') return stlErrors.STL_ALREADY_REGISTERED(state.entidad);
  const { entidad, decisionRule, extraNonWorkingDays = [], extraSectorName } = command.data;
  const error = firstError(
    isEntidad(entidad) ? undefined : stlErrors.UNKNOWN_ENTIDAD(entidad),
    checkRule(decisionRule),
    checkDates(extraNonWorkingDays),
    extraSectorName === undefined ? undefined : checkText('extraSectorName', extraSectorName),
  );
  if (error) return error;
  return [
    {
      type: 'StlRegistered',
      data: {
        entidad,
        decisionRule,
        extraNonWorkingDays: normalizeDates(extraNonWorkingDays),
        extraSectorName: extraSectorName?.trim() ?? null,
      },
    },
  ];
}

export function decideChangeDecisionRule(command: ChangeDecisionRule, state: RegisteredStl): Decision<StlEvent> {
  const error = checkRule(command.data.decisionRule);
  if (error) return error;
  if (command.data.decisionRule === state.decisionRule) return [];
  return [{ type: 'DecisionRuleChanged', data: { from: state.decisionRule, to: command.data.decisionRule } }];
}

export function decideSetNonWorkingDays(command: SetNonWorkingDays, state: RegisteredStl): Decision<StlEvent> {
  const error = checkDates(command.data.dates);
  if (error) return error;
  const dates = normalizeDates(command.data.dates);
  if (dates.join() === state.extraNonWorkingDays.join()) return [];
  return [{ type: 'NonWorkingDaysSet', data: { dates } }];
}

/**
 * Stage 10 of the guide (guia-instalacion-stl.txt, Anexo 1). Already installed → no events, so the exercise
 * workflow may forward its stage 10 as often as it needs to.
 */
export function decideInstallStl(
  command: InstallStl,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  if (state.status === 'instalado') return [];
  const { installedOn, actaUrl } = command.data;
  const error = firstError(checkPastDate('installedOn', installedOn, context), missingTitulares(state));
  if (error) return error;
  return [{ type: 'StlInstalled', data: actaUrl === undefined ? { installedOn } : { installedOn, actaUrl } }];
}

/** At least one titular of gobierno, sociedad civil and garante (guia-instalacion-stl.txt, requerimientos mínimos). */
function missingTitulares(state: RegisteredStl): DomainError | undefined {
  const missing = missingCoreSectors(state);
  if (missing.length === 0) return undefined;
  return stlErrors.MISSING_SECTOR_TITULAR(missing, 'installation');
}

function checkRule(rule: unknown): DomainError | undefined {
  return isDecisionRule(rule) ? undefined : stlErrors.UNKNOWN_DECISION_RULE(rule);
}

function checkDates(dates: readonly unknown[]): DomainError | undefined {
  return firstError(...dates.map((date, index) => checkDate(`dates[${index}]`, date)));
}

function normalizeDates(dates: readonly LocalDate[]): LocalDate[] {
  return [...new Set(dates)].sort();
}
