import { type Entidad, entidadName, EXERCISE_STEPS, type LocalDate } from '@app/domain';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { canRead } from '../../auth/entidad-access';
import {
  type BoardFilter,
  type BoardRow,
  fold,
  PROBLEMS,
  type Problem,
  SORT_ORDERS,
  statesByStep,
  type UpcomingDate,
  upcomingDates,
} from '../board/country-board';
import { fechaLarga } from '../format/spanish-dates';
import { html, type SafeHtml } from '../html/html';
import { badge, emptyRow, progressBar, sectorCounts, trafficLight } from './components';
import { countryMap, type MapState, shortStepName, statesByStepChart } from './country-map.view';
import { page } from './layout.view';
import { facilitadorYetToBeChosen } from './stl.view';
import { ENTIDADES_EN_ORDEN } from '../board/entidades';

export interface BoardPage {
  readonly user: AuthenticatedUser;
  readonly today: LocalDate;
  /** Every state the account may read (for the figures and the map), and the ones the filter kept. */
  readonly all: readonly BoardRow[];
  readonly shown: readonly BoardRow[];
  readonly filter: BoardFilter;
}

const PROBLEM_TONE: Readonly<Record<Problem, 'bad' | 'warn'>> = {
  facilitador_vacante: 'bad',
  sesion_vencida: 'bad',
  sesion_por_vencer: 'warn',
  escalamientos: 'bad',
  sin_avance: 'warn',
  monitoreo_vencido: 'bad',
  evaluacion_vencida: 'bad',
  advertencias: 'warn',
};

function kpis(rows: readonly BoardRow[]): SafeHtml {
  const count = (problem: Problem) => rows.filter((row) => row.problems.includes(problem)).length;
  const escalations = rows.reduce((sum, row) => sum + row.openEscalations, 0);
  const item = (label: string, value: number, tone: string, problema?: Problem) =>
    html`<div class="kpi ${value > 0 ? tone : ''}"><dt>${label}</dt><dd>${problema && value > 0 ? html`<a href="/tablero?problema=${problema}">${value}</a>` : value}</dd></div>`;
  return html`<dl class="kpis" aria-label="Cifras del país">
    ${item('Entidades en el tablero', rows.length, '')}
    ${item('Facilitadores vacantes', count('facilitador_vacante'), 'bad', 'facilitador_vacante')}
    ${item('Sesiones vencidas', count('sesion_vencida'), 'bad', 'sesion_vencida')}
    ${item('Sesiones por vencer', count('sesion_por_vencer'), 'warn', 'sesion_por_vencer')}
    ${item('Escalamientos abiertos', escalations, 'bad', 'escalamientos')}
    ${item('Sin avance (30 días)', count('sin_avance'), 'warn', 'sin_avance')}
  </dl>`;
}

function upcoming(dates: readonly UpcomingDate[]): SafeHtml {
  return html`<h2 class="chart-title">Próximos plazos</h2>
    ${dates.length === 0
      ? html`<p class="small muted">Sin plazos próximos.</p>`
      : html`<ul class="upcoming">${dates.map(
          (date) => html`<li><span class="nowrap"><strong>${fechaLarga(date.on)}</strong></span>
            <span><a href="/tablero/entidades/${date.entidad}">${date.nombre}</a> · ${date.what}</span></li>`,
        )}</ul>`}`;
}

function filters(filter: BoardFilter): SafeHtml {
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  return html`<form class="filters" method="get" action="/tablero" role="search" aria-label="Filtrar el tablero">
    <div><label for="f-texto">Entidad</label><input type="search" id="f-texto" name="texto" value="${filter.texto ?? ''}" placeholder="Nombre o clave"></div>
    <div><label for="f-paso">Paso</label><select id="f-paso" name="paso">
      ${option('', 'Todos', filter.paso === undefined)}
      ${option('0', 'Sin ejercicio', filter.paso === 0)}
      ${EXERCISE_STEPS.map((step) => option(String(step.number), `${step.number}. ${step.name}`, filter.paso === step.number))}
    </select></div>
    <div><label for="f-problema">Problema</label><select id="f-problema" name="problema">
      ${option('', 'Todos', filter.problema === undefined)}
      ${Object.entries(PROBLEMS).map(([code, label]) => option(code, label, filter.problema === code))}
    </select></div>
    <div><label for="f-orden">Ordenar por</label><select id="f-orden" name="orden">
      ${Object.entries(SORT_ORDERS).map(([code, label]) => option(code, label, filter.orden === code))}
    </select></div>
    <div><button type="submit">Aplicar</button> <a href="/tablero" class="button secondary">Quitar filtros</a></div>
  </form>`;
}

function progressCell(row: BoardRow): SafeHtml {
  const exercise = row.exercise;
  if (!exercise) return html`<span class="muted">Sin ejercicio</span>`;
  const steps = exercise.completedSteps.length;
  const stages = exercise.completedStages.length + exercise.skippedStages.length;
  const stepLabel = exercise.status === 'closed' ? 'Concluido' : `Paso ${exercise.currentStep}/6 · ${shortStepName(exercise.currentStep)}`;
  const installed = row.stl?.status === 'instalado';
  const stageLabel = stages === 10 ? `Etapas 10/10 · ${installed ? 'STL instalado' : 'STL sin instalar'}` : `Etapa ${exercise.currentStage}/10`;
  return html`<div class="nowrap" data-paso="${exercise.currentStep}">${stepLabel}</div>${progressBar(steps, 6, `Pasos concluidos: ${steps} de 6`)}
    <div class="nowrap small" data-etapa="${stages}">${stageLabel}</div>${progressBar(stages, 10, `Etapas de instalación concluidas: ${stages} de 10`, 'stage')}`;
}

function stlCell(row: BoardRow): SafeHtml {
  if (!row.stl) return html`<span class="muted">Sin STL</span>`;
  const warnings = row.stl.warnings.filter((warning) => warning.code !== 'FACILITADOR_VACANT');
  return html`${sectorCounts(row.stl)}
    ${warnings.length > 0 ? html`<div>${badge(`${warnings.length} advertencia${warnings.length > 1 ? 's' : ''}`, 'warn', warnings.map((w) => w.message).join(' · '))}</div>` : ''}`;
}

function facilitadorCell(row: BoardRow): SafeHtml {
  if (!row.stl) return html`<span class="muted">—</span>`;
  if (facilitadorYetToBeChosen(row.stl, row.exercise)) return html`<span class="small muted">Por elegir (etapa 7)</span>`;
  if (!row.stl.facilitador && row.stl.status !== 'instalado') return badge('Sin nombrar', 'warn');
  if (row.stl.facilitadorVacante) {
    return html`${badge('Vacante', 'bad')}${row.stl.vacantSince ? html`<div class="small muted">desde el ${fechaLarga(row.stl.vacantSince)}</div>` : ''}`;
  }
  return html`${row.stl.facilitador?.nombre ?? '—'}`;
}

function sessionsCell(row: BoardRow): SafeHtml {
  if (!row.stl) return html`<span class="muted">—</span>`;
  const next = row.stl.nextSession;
  return html`<div class="small nowrap">Última: ${row.stl.lastSessionOn ? fechaLarga(row.stl.lastSessionOn) : 'ninguna'}</div>
    <div class="small nowrap">Próxima: ${next ? fechaLarga(next.date) : 'sin convocar'}</div>
    <div>${trafficLight(row.cadence)}</div>`;
}

function reviewsCell(row: BoardRow): SafeHtml {
  const exercise = row.exercise;
  if (!exercise?.monitoringDueOn) return html`<span class="small muted">PAL sin lanzar</span>`;
  const line = (label: string, due: string | undefined, done: string | undefined) =>
    html`<div class="small">${label}: ${done ? html`${badge('hecho', 'ok')} ${fechaLarga(done)}` : fechaLarga(due)}</div>`;
  return html`${line('Monitoreo', exercise.monitoringDueOn, exercise.monitoringCompletedOn)}
    ${line('Evaluación', exercise.evaluationDueOn, exercise.evaluationCompletedOn)}`;
}

function boardRowHtml(row: BoardRow, inbox: boolean): SafeHtml {
  const escalations =
    row.openEscalations === 0
      ? html`<span class="muted">0</span>`
      : inbox
        ? html`<a href="/tablero/escalamientos?entidad=${row.entidad}">${badge(row.openEscalations, 'bad')}</a>`
        : badge(row.openEscalations, 'bad');
  return html`<tr data-entidad="${row.entidad}">
    <th scope="row"><a class="state-name" href="/tablero/entidades/${row.entidad}">${row.nombre}</a>
      <div class="small muted">${row.entidad}${row.exercise ? html` · ejercicio ${row.exercise.number}${row.exercise.status === 'closed' ? ' (cerrado)' : ''}` : ''}</div></th>
    <td>${progressCell(row)}</td>
    <td>${stlCell(row)}</td>
    <td data-col="facilitador">${facilitadorCell(row)}</td>
    <td>${sessionsCell(row)}</td>
    <td>${reviewsCell(row)}</td>
    <td class="num">${escalations}</td>
    <td><span class="badges">${row.problems.map((problem) => badge(PROBLEMS[problem], PROBLEM_TONE[problem]))}</span></td>
  </tr>`;
}

function sortHeader(label: string, order: BoardFilter['orden'], filter: BoardFilter): SafeHtml {
  const active = filter.orden === order;
  const query = new URLSearchParams({
    ...(filter.texto && { texto: filter.texto }),
    ...(filter.paso !== undefined && { paso: String(filter.paso) }),
    ...(filter.problema && { problema: filter.problema }),
    orden: order,
  });
  return html`<th scope="col"${active ? html` aria-sort="${order === 'problemas' ? 'descending' : 'ascending'}"` : ''}><a href="/tablero?${query.toString()}">${label}</a></th>`;
}

export function boardView({ user, today, all, shown, filter }: BoardPage): SafeHtml {
  const inbox = user.role === 'coordinador' || user.role === 'enlace';
  const steps = new Map(all.map((row) => [row.entidad, row.exercise?.currentStep ?? 0]));
  const readable = ENTIDADES_EN_ORDEN.filter((entidad) => canRead(user, entidad));
  const mapStates = new Map<Entidad, MapState>(readable.map((entidad) => [entidad, { step: steps.get(entidad) ?? 0, linked: true }]));
  const idle = readable.filter((entidad) => !steps.has(entidad));
  // States with neither exercise nor STL are listed apart; a filter that can match them (no exercise, a name) says so.
  const filtering = filter.paso === 0 || filter.texto !== undefined;
  const idleShown = idle.filter(
    (entidad) =>
      (filter.paso === undefined || filter.paso === 0) &&
      filter.problema === undefined &&
      (filter.texto === undefined || fold(entidadName(entidad)).includes(fold(filter.texto))),
  );
  const listedIdle = filtering ? idleShown : idle;
  const emptyText =
    filtering && idleShown.length > 0
      ? `Ninguna entidad con ejercicio o STL cumple el filtro; ${idleShown.length === 1 ? 'la que lo cumple aparece' : `las ${idleShown.length} que lo cumplen aparecen`} abajo, sin ejercicio ni STL.`
      : 'Ninguna entidad cumple el filtro.';
  const body = html`<div class="page-head">
    <h1>Tablero nacional</h1>
    <p class="lead">Situación al ${fechaLarga(today)} de cada entidad con ejercicio o STL.</p>
  </div>
  <section aria-label="El país de un vistazo">
    ${kpis(all)}
    <div class="overview">
      <div class="card"><h2 class="chart-title">Entidades por paso del ejercicio</h2>${countryMap(mapStates)}</div>
      <div class="card">${statesByStepChart(statesByStep(all))}</div>
      <div class="card">${upcoming(upcomingDates(all, today))}</div>
    </div>
  </section>
  <h2 id="entidades" class="sr-only">Entidades</h2>
  ${filters(filter)}
  <p class="small muted" aria-live="polite">${shown.length === all.length ? `${all.length} entidades` : `${shown.length} de ${all.length} entidades`}</p>
  <div class="table-wrap">
  <table class="board" aria-labelledby="entidades">
    <thead><tr>
      ${sortHeader('Entidad', 'entidad', filter)}
      ${sortHeader('Paso y etapa', 'paso', filter)}
      <th scope="col">STL (titulares por sector)</th>
      <th scope="col">Facilitador</th>
      <th scope="col">Sesiones</th>
      <th scope="col">Monitoreo y evaluación</th>
      <th scope="col" class="num">Escala&shy;mientos abiertos</th>
      ${sortHeader('Problemas', 'problemas', filter)}
    </tr></thead>
    <tbody>${shown.length > 0 ? shown.map((row) => boardRowHtml(row, inbox)) : emptyRow(8, emptyText)}</tbody>
  </table>
  </div>
  ${listedIdle.length > 0
    ? html`<details class="card" style="margin-top:1rem"${filtering ? html` open` : ''} id="sin-ejercicio"><summary>Entidades sin ejercicio ni STL registrados${filtering ? ' que cumplen el filtro' : ''} (${listedIdle.length})</summary>
        <p class="small">${listedIdle.map((entidad, index) => html`${index > 0 ? ' · ' : ''}<a href="/tablero/entidades/${entidad}">${entidadName(entidad)}</a>`)}</p>
      </details>`
    : ''}`;
  return page({ title: 'Tablero nacional', body, user, section: 'tablero' });
}
