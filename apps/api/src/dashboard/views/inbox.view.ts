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
  /** For the coordinación: undeliverable e-mails with an address not yet queued again. */
  readonly requeueable?: number;
}

const STATUS_OPTIONS: readonly (readonly [EscalationFilter['status'] | '', string])[] = [
  ['pendientes', 'Pendientes (abiertas y reconocidas)'],
  ['abierta', 'Abiertas'],
  ['reconocida', 'Reconocidas'],
  ['resuelta', 'Resueltas'],
  ['', 'Todas'],
];

/** Bandeja de escalamientos: what needs the INAI's attention, in the states the account follows. */
export function inboxView({ user, escalations, filter, entidades, requeueable }: InboxPage): SafeHtml {
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
    ${requeueable ? requeueForm(requeueable) : ''}
    <p class="small muted" aria-live="polite">${escalations.length} escalamiento${escalations.length === 1 ? '' : 's'}</p>
    ${escalationsTable(escalations, { showEntidad: true, canAct: (entidad) => canHandleEscalations(user, entidad) })}`;
  return page({ title: 'Bandeja de escalamientos', body, user, section: 'escalamientos' });
}

/** Once the cause of *correo no entregado* is fixed, the coordinación sends those e-mails again (each only once). */
function requeueForm(count: number): SafeHtml {
  return html`<section class="card" id="correo-no-entregado" aria-labelledby="correo-no-entregado-titulo">
    <h2 id="correo-no-entregado-titulo">Correo no entregado</h2>
    <p>${count} correo${count === 1 ? '' : 's'} con dirección ${count === 1 ? 'fue rechazado' : 'fueron rechazados'} por el servidor SMTP.
      Corrija antes la causa (credenciales de <code>SMTP_URL</code>, remitente <code>MAIL_FROM</code>); cada correo se reenvía una sola vez.</p>
    <form class="inline-form" data-api="/api/notifications/requeue" data-success="Correos en cola de nuevo: salen en segundos." novalidate>
      <button type="submit">Reenviar los correos no entregados</button>
      <div class="form-status" tabindex="-1"></div>
    </form>
  </section>`;
}
