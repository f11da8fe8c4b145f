import { addDays, daysBetween, type ExerciseSummary, type LocalDate, stagesOfStep, type StepNumber } from '@app/domain';
import { fechaLarga } from '../format/spanish-dates';
import { evidenceLink, html, type SafeHtml } from '../html/html';
import { badge } from './components';
import { STEP_COLORS } from './country-map.view';

export interface TimelineBar {
  readonly label: string;
  readonly kind: 'step' | 'stage';
  readonly step: StepNumber;
  readonly from?: LocalDate;
  readonly to?: LocalDate;
  readonly state: 'done' | 'current' | 'pending' | 'skipped';
}

/**
 * Steps and stages as bars in the order the method walks them: each from where the previous one ended (or the
 * start) to its own completion; the one in course until today; the rest not drawn yet.
 */
export function timelineBars(exercise: ExerciseSummary, today: LocalDate): TimelineBar[] {
  const bars: TimelineBar[] = [];
  let stepStart = exercise.startedOn;
  let stageStart = exercise.startedOn;
  for (const step of exercise.steps) {
    const current = exercise.status === 'open' && step.number === exercise.currentStep;
    const stepFrom = step.number === 6 ? (exercise.palLaunchedOn ?? stepStart) : stepStart;
    bars.push({
      label: `Paso ${step.number}. ${step.name}`,
      kind: 'step',
      step: step.number,
      ...(step.completedOn ? { from: stepFrom, to: step.completedOn } : current ? { from: stepFrom, to: today } : {}),
      state: step.completedOn ? 'done' : current ? 'current' : 'pending',
    });
    if (step.completedOn) stepStart = step.completedOn;
    for (const number of stagesOfStep(step.number)) {
      const stage = exercise.stages[number - 1];
      const inCourse = exercise.status === 'open' && stage.status === 'pendiente' && number === exercise.currentStage;
      const to = stage.on ?? (inCourse ? today : undefined);
      bars.push({
        label: `Etapa ${number}. ${stage.name}`,
        kind: 'stage',
        step: step.number,
        ...(to ? { from: stageStart, to } : {}),
        state: stage.status === 'concluida' ? 'done' : stage.status === 'omitida' ? 'skipped' : inCourse ? 'current' : 'pending',
      });
      if (stage.on) stageStart = stage.on;
    }
  }
  return bars;
}

const MONTHS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
const ROW = 20;
const LABEL_WIDTH = 340;
const CHART_WIDTH = 1280;

/** First days of month between two dates, thinned to at most a dozen ticks. */
function monthTicks(from: LocalDate, to: LocalDate): LocalDate[] {
  const ticks: LocalDate[] = [];
  let [year, month] = from.split('-').map(Number);
  for (;;) {
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    const tick = `${year}-${String(month).padStart(2, '0')}-01`;
    if (tick > to) break;
    ticks.push(tick);
  }
  const every = Math.ceil(ticks.length / 10);
  return ticks.filter((_, index) => index % every === 0);
}

export function ganttChart(exercise: ExerciseSummary, today: LocalDate): SafeHtml {
  const bars = timelineBars(exercise, today);
  const from = addDays(exercise.startedOn, -7);
  const ends = [today, exercise.evaluationDueOn, exercise.closedOn].filter((date): date is string => Boolean(date));
  const to = addDays(ends.sort().pop() ?? today, 14);
  const span = Math.max(1, daysBetween(from, to));
  const x = (date: LocalDate) => LABEL_WIDTH + (daysBetween(from, date) / span) * (CHART_WIDTH - LABEL_WIDTH - 10);
  const height = bars.length * ROW + 34;
  const rows = bars.map((bar, index) => {
    const y = 22 + index * ROW;
    const color = bar.kind === 'step' ? STEP_COLORS[Math.max(bar.step, 3)] : '#8b6bb0';
    const label = html`<text x="${bar.kind === 'step' ? 6 : 20}" y="${y + 14}" font-size="12" font-weight="${bar.kind === 'step' ? 700 : 400}" fill="#1d2433">${truncate(bar.label, 50)}</text>`;
    const drawn =
      bar.from && bar.to
        ? html`<rect x="${x(bar.from)}" y="${y + 3}" width="${Math.max(3, x(bar.to) - x(bar.from))}" height="${ROW - 6}" rx="3" fill="${color}" opacity="${bar.state === 'current' ? 0.45 : 1}"${bar.state === 'current' ? html` stroke="${color}" stroke-dasharray="3 2"` : ''}><title>${bar.label}: ${fechaLarga(bar.from)} – ${bar.state === 'current' ? 'en curso' : fechaLarga(bar.to)}</title></rect>`
        : '';
    return html`${label}${drawn}`;
  });
  const marker = (date: LocalDate | undefined, label: string, color: string) =>
    date
      ? html`<line x1="${x(date)}" x2="${x(date)}" y1="14" y2="${height - 6}" stroke="${color}" stroke-width="1.5" stroke-dasharray="4 3"></line>
        <text x="${x(date) + 3}" y="${height - 8}" font-size="11" fill="${color}">${label}</text>`
      : '';
  return html`<svg class="gantt" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-label="Cronograma de los seis pasos y las diez etapas; el detalle está en la tabla siguiente">
    ${monthTicks(from, to).map((tick) => {
      const [year, month] = tick.split('-').map(Number);
      return html`<line x1="${x(tick)}" x2="${x(tick)}" y1="14" y2="${height - 20}" stroke="#e3e7ee"></line>
        <text x="${x(tick) + 3}" y="11" font-size="11" fill="#566074">${MONTHS[month - 1]} ${year}</text>`;
    })}
    ${rows}
    ${marker(today, 'hoy', '#a4221b')}
    ${marker(exercise.monitoringDueOn, 'monitoreo', '#245d9b')}
    ${marker(exercise.evaluationDueOn, 'evaluación', '#143d6b')}
  </svg>`;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** The same steps and stages as a table: dates, status and evidence links (what the chart cannot say). */
export function timelineTable(exercise: ExerciseSummary): SafeHtml {
  const status = (done: boolean, skipped = false, current = false, doneLabel = 'Concluido') =>
    done ? badge(doneLabel, 'ok') : skipped ? badge('Omitida', 'warn') : current ? badge('En curso', 'warn') : badge('Pendiente', 'none');
  const evidence = (links: readonly string[]) =>
    links.length > 0 ? html`<ul class="evidence">${links.map((link) => html`<li>${evidenceLink(link)}</li>`)}</ul>` : html`<span class="muted">—</span>`;
  const rows = exercise.steps.flatMap((step) => [
    html`<tr data-step="${step.number}"><th scope="row">Paso ${step.number}. ${step.name}</th>
      <td>${status(step.status === 'concluido', false, exercise.status === 'open' && step.number === exercise.currentStep)}</td>
      <td>${fechaLarga(step.completedOn)}</td><td>${evidence(step.evidence)}</td></tr>`,
    ...stagesOfStep(step.number).map((number) => {
      const stage = exercise.stages[number - 1];
      const current = exercise.status === 'open' && stage.status === 'pendiente' && number === exercise.currentStage;
      return html`<tr data-stage="${number}"><th scope="row" style="padding-left:1.4rem;font-weight:400">Etapa ${number}. ${stage.name}
        ${stage.justification ? html`<div class="small muted">Justificación: ${stage.justification}</div>` : ''}</th>
        <td>${status(stage.status === 'concluida', stage.status === 'omitida', current, 'Concluida')}</td>
        <td>${fechaLarga(stage.on)}</td><td>${evidence(stage.evidence)}</td></tr>`;
    }),
  ]);
  return html`<div class="table-wrap"><table>
    <caption class="sr-only">Pasos y etapas del ejercicio</caption>
    <thead><tr><th scope="col">Paso o etapa</th><th scope="col">Estado</th><th scope="col">Fecha</th><th scope="col">Evidencia</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`;
}
