import { type Entidad, entidadName } from '@app/domain';
import { type EscalationView } from '@app/persistence';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { canHandleEscalations } from '../../auth/entidad-access';
import { html, type SafeHtml } from '../html/html';
import { type EscalationFilter } from '../read-model/dashboard-reader';
import { escalationsTable } from './escalations.view';
import { page } from './layout.view';

export interface InboxPage {
  readonly user: AuthenticatedUser;
  readonly escalations: readonly EscalationView[];
  readonly filter: EscalationFilter;
  /** The states the account follows, for the filter. */
  readonly entidades: readonly Entidad[];
}

const STATUS_OPTIONS: readonly (readonly [EscalationFilter['status'] | '', string])[] = [
  ['pendientes', 'Pendientes (abiertas y reconocidas)'],
  ['abierta', 'Abiertas'],
  ['reconocida', 'Reconocidas'],
  ['resuelta', 'Resueltas'],
  ['', 'Todas'],
];

/** Bandeja de escalamientos: what needs the INAI's attention, in the states the account follows. */
export function inboxView({ user, escalations, filter, entidades }: InboxPage): SafeHtml {
  const status = filter.status ?? '';
  const body = html`<div class="page-head"><h1>Bandeja de escalamientos</h1>
      <p class="lead">Estancamientos de ejercicios, facilitadores vacantes y sesiones bimestrales vencidas.</p></div>
    <form class="filters" method="get" action="/tablero/escalamientos" aria-label="Filtrar escalamientos">
      <div><label for="e-estado">Estado</label><select id="e-estado" name="estado">${STATUS_OPTIONS.map(
        ([value, label]) => html`<option value="${value ?? ''}"${value === status ? html` selected` : ''}>${label}</option>`,
      )}</select></div>
      <div><label for="e-entidad">Entidad</label><select id="e-entidad" name="entidad">
        <option value="">Todas</option>${entidades.map(
          (entidad) => html`<option value="${entidad}"${filter.entidad === entidad ? html` selected` : ''}>${entidadName(entidad)}</option>`,
        )}</select></div>
      <div><button type="submit">Aplicar</button></div>
    </form>
    <p class="small muted" aria-live="polite">${escalations.length} escalamiento${escalations.length === 1 ? '' : 's'}</p>
    ${escalationsTable(escalations, { showEntidad: true, canAct: (entidad) => canHandleEscalations(user, entidad) })}`;
  return page({ title: 'Bandeja de escalamientos', body, user, section: 'escalamientos' });
}
