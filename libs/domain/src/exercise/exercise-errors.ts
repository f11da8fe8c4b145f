import { domainError, type DomainError } from '../shared/domain-error';
import { spanishLongDate } from '../shared/spanish-date';
import { type LocalDate } from '../shared/local-date';
import { type PalViolation } from './commitment-rules';

/** Every code the exercise can answer with; stable for clients (HTTP 409 for conflict, 422 for invalid). */
export type ExerciseErrorCode = keyof typeof exerciseErrors;

const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  domainError('conflict', code, message, details);
const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  domainError('invalid', code, message, details);
const list = (items: readonly (string | number)[]) => items.join(', ');

export const exerciseErrors = {
  EXERCISE_NOT_STARTED: (): DomainError => conflict('EXERCISE_NOT_STARTED', 'El ejercicio aún no ha iniciado.'),
  EXERCISE_ALREADY_STARTED: (): DomainError => conflict('EXERCISE_ALREADY_STARTED', 'El ejercicio ya fue iniciado.'),
  EXERCISE_CLOSED: (): DomainError =>
    conflict('EXERCISE_CLOSED', 'El ejercicio ya concluyó con su evaluación; no admite cambios.'),
  INVALID_ENTIDAD: (entidad: unknown): DomainError =>
    invalid('INVALID_ENTIDAD', `La entidad federativa «${String(entidad)}» no es una clave INEGI válida.`),
  INVALID_EXERCISE_NUMBER: (number: unknown): DomainError =>
    invalid('INVALID_EXERCISE_NUMBER', `El número de ejercicio «${String(number)}» debe ser un entero positivo.`),
  INVALID_DATE: (field: string, value: unknown): DomainError =>
    invalid('INVALID_DATE', `La fecha «${String(value)}» de ${field} no es válida (AAAA-MM-DD).`, { field }),
  INVALID_URL: (field: string, value: unknown): DomainError =>
    invalid('INVALID_URL', `«${String(value)}» en ${field} no es una dirección http(s) válida.`, { field }),
  DATE_IN_FUTURE: (field: string, date: LocalDate, today: LocalDate): DomainError =>
    invalid('DATE_IN_FUTURE', `La fecha de ${field} (${spanishLongDate(date)}) es posterior a hoy.`, {
      field,
      date,
      today,
    }),
  DATE_BEFORE_PREVIOUS: (field: string, date: LocalDate, previous: LocalDate): DomainError =>
    conflict(
      'DATE_BEFORE_PREVIOUS',
      `La fecha de ${field} (${spanishLongDate(date)}) es anterior al registro previo (${spanishLongDate(previous)}).`,
      { field, date, previous },
    ),
  INVALID_STAGE: (stage: unknown): DomainError =>
    invalid('INVALID_STAGE', `«${String(stage)}» no es una etapa de instalación (1 a 10) distinta de las demás.`),
  STAGE_ALREADY_COMPLETED: (stages: readonly number[]): DomainError =>
    conflict('STAGE_ALREADY_COMPLETED', `La etapa ${list(stages)} ya está concluida.`, { stages }),
  /** `pending`: earlier open stages the act would skip silently; `passed`: the stage was skipped already. */
  STAGE_OUT_OF_ORDER: (stage: number, pending: readonly number[], reason: 'pending' | 'passed'): DomainError =>
    conflict(
      'STAGE_OUT_OF_ORDER',
      reason === 'pending'
        ? `La etapa ${stage} no puede concluirse antes que la(s) etapa(s) ${list(pending)}; ` +
            'para omitirlas registre una justificación.'
        : `La etapa ${stage} ya fue omitida con justificación y las etapas siguientes avanzaron; no puede concluirse.`,
      { stage, pending },
    ),
  JUSTIFICATION_REQUIRED: (stages: readonly number[]): DomainError =>
    invalid(
      'JUSTIFICATION_REQUIRED',
      `Fusionar las etapas ${list(stages)} en un solo acto requiere una justificación registrada.`,
      { stages },
    ),
  INVALID_STEP: (step: unknown): DomainError =>
    invalid('INVALID_STEP', `«${String(step)}» no es uno de los seis pasos.`),
  STEP_ALREADY_COMPLETED: (step: number): DomainError =>
    conflict('STEP_ALREADY_COMPLETED', `El paso ${step} ya está concluido.`, { step }),
  STEP_OUT_OF_ORDER: (step: number, pending: readonly number[]): DomainError =>
    conflict('STEP_OUT_OF_ORDER', `El paso ${step} requiere concluir antes el paso ${list(pending)}.`, {
      step,
      pending,
    }),
  STEP_REQUIREMENTS_MISSING: (step: number, missing: readonly string[], labels: readonly string[]): DomainError =>
    conflict('STEP_REQUIREMENTS_MISSING', `Para concluir el paso ${step} falta: ${labels.join('; ')}.`, {
      step,
      missing,
    }),
  INVALID_FACILITADOR: (): DomainError =>
    invalid('INVALID_FACILITADOR', 'El facilitador debe tener nombre, o ser nulo si el puesto está vacante.'),
  INVALID_PROGRESS_PERIOD: (months: unknown): DomainError =>
    invalid(
      'INVALID_PROGRESS_PERIOD',
      `El periodo de reporte de avance «${String(months)}» no es válido: debe ser un número entero de meses, de 1 a 12.`,
    ),
  COMMITMENTS_INVALID: (violations: readonly PalViolation[]): DomainError =>
    invalid('COMMITMENTS_INVALID', 'Los compromisos no pueden registrarse: ' + messages(violations), { violations }),
  PAL_INVALID: (violations: readonly PalViolation[]): DomainError =>
    invalid('PAL_INVALID', 'El PAL no cumple la estructura mínima: ' + messages(violations), { violations }),
  PAL_ALREADY_LAUNCHED: (launchedOn: LocalDate): DomainError =>
    conflict('PAL_ALREADY_LAUNCHED', `El PAL ya fue lanzado el ${spanishLongDate(launchedOn)}.`, { launchedOn }),
  PAL_NOT_LAUNCHED: (): DomainError => conflict('PAL_NOT_LAUNCHED', 'El PAL aún no ha sido lanzado.'),
  COMMITMENT_NOT_FOUND: (commitmentId: string): DomainError =>
    conflict('COMMITMENT_NOT_FOUND', `El PAL no tiene el compromiso «${commitmentId}».`, { commitmentId }),
  INVALID_COMPLETION: (completion: unknown): DomainError =>
    invalid('INVALID_COMPLETION', `«${String(completion)}» no es un grado de avance de la escala del MRI.`),
  SUMMARY_REQUIRED: (): DomainError =>
    invalid('SUMMARY_REQUIRED', 'Registre un resumen de los resultados del monitoreo o la evaluación.'),
  PAL_ACT_BACKDATED: (field: string, date: LocalDate, today: LocalDate): DomainError =>
    invalid(
      'PAL_ACT_BACKDATED',
      `La fecha de ${field} (${spanishLongDate(date)}) es anterior a hoy (${spanishLongDate(today)}). Si el acto ` +
        'ocurrió entonces, regístrelo como acto histórico con su justificación.',
      { field, date, today },
    ),
  HISTORICAL_JUSTIFICATION_REQUIRED: (field: string): DomainError =>
    invalid(
      'HISTORICAL_JUSTIFICATION_REQUIRED',
      `Un acto histórico requiere su justificación: explique por qué ${field} se registra después de su fecha.`,
      { field: 'historical.justification' },
    ),
  MONITORING_NOT_DUE: (dueOn: LocalDate): DomainError =>
    conflict('MONITORING_NOT_DUE', `El monitoreo corresponde a partir del ${spanishLongDate(dueOn)}.`, { dueOn }),
  MONITORING_ALREADY_RECORDED: (): DomainError =>
    conflict('MONITORING_ALREADY_RECORDED', 'El monitoreo de este PAL ya fue registrado.'),
  EVALUATION_NOT_DUE: (dueOn: LocalDate): DomainError =>
    conflict(
      'EVALUATION_NOT_DUE',
      `La evaluación corresponde al concluir el año del PAL (${spanishLongDate(dueOn)}).`,
      {
        dueOn,
      },
    ),
  DEADLINE_NOT_DUE: (deadlineId: string): DomainError =>
    conflict('DEADLINE_NOT_DUE', `El plazo «${deadlineId}» no está pendiente o aún no vence.`, { deadlineId }),
  ESCALATION_NOT_FOUND: (escalationId: string): DomainError =>
    conflict('ESCALATION_NOT_FOUND', `No existe el escalamiento «${escalationId}».`, { escalationId }),
  ESCALATION_ALREADY_RESOLVED: (escalationId: string): DomainError =>
    conflict('ESCALATION_ALREADY_RESOLVED', `El escalamiento «${escalationId}» ya fue resuelto.`, { escalationId }),
  ACTOR_REQUIRED: (): DomainError =>
    invalid('ACTOR_REQUIRED', 'Se requiere saber quién atiende el escalamiento (metadata.actor).'),
  RESOLUTION_REQUIRED: (): DomainError => invalid('RESOLUTION_REQUIRED', 'Describa cómo se resolvió el escalamiento.'),
};

function messages(violations: readonly PalViolation[]): string {
  return violations.map((violation) => violation.message).join(' ');
}
