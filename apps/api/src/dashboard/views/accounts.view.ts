import { entidadName, isEntidad } from '@app/domain';
import { USER_ROLES, type UserRole } from '@app/persistence';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { type AuditEntry } from '../../users/account-audit';
import { type AccountView } from '../../users/accounts';
import { type ContactWarning } from '../../users/contact-warnings';
import { roleName } from '../format/labels';
import { html, type SafeHtml } from '../html/html';
import { badge, emptyRow } from './components';
import { page } from './layout.view';

export interface AccountsPage {
  readonly user: AuthenticatedUser;
  readonly accounts: readonly AccountView[];
  readonly audit: readonly AuditEntry[];
  readonly warnings: readonly ContactWarning[];
}

const ACTIONS: Readonly<Record<string, string>> = {
  created: 'Alta',
  updated: 'Cambio de datos',
  deactivated: 'Desactivación',
  activated: 'Reactivación',
  'password-link-sent': 'Enlace de contraseña enviado',
  'password-set': 'Contraseña definida desde el enlace',
  'password-changed': 'Cambio de contraseña',
  'logged-out': 'Cierre de sesión',
};

const places = (entidades: readonly string[]) =>
  entidades.length === 0 ? 'Todas' : entidades.map((code) => (isEntidad(code) ? `${entidadName(code)} (${code})` : code)).join(', ');

function form(api: string, label: string, success: string, fields: SafeHtml, method = 'POST'): SafeHtml {
  return html`<form class="action-form" data-api="${api}" data-method="${method}" data-success="${success}" novalidate>
    ${fields}<div class="form-status" tabindex="-1"></div><div><button type="submit">${label}</button></div></form>`;
}

function accountRow(account: AccountView, index: number): SafeHtml {
  const id = `cuenta-${index}`;
  const who = html`<input type="hidden" name="username" value="${account.username}">`;
  const state = account.active ? (account.hasPassword ? badge('Activa', 'ok') : badge('Invitada', 'warn')) : badge('Inactiva', 'bad');
  return html`<tr>
    <th scope="row">${account.username}</th><td>${roleName(account.role)}</td><td>${places(account.entidades)}</td>
    <td>${account.nombre}<br><span class="small">${account.email ?? 'sin correo'}</span></td><td>${state}</td>
    <td><details class="action"><summary>Editar<span class="sr-only"> ${account.username}</span></summary>
      ${form('/api/users/{username}', 'Guardar', 'Cuenta actualizada.', html`${who}
        <div class="field"><label for="${id}-nombre">Nombre</label><input id="${id}-nombre" name="nombre" value="${account.nombre}"></div>
        <div class="field"><label for="${id}-correo">Correo</label><input id="${id}-correo" name="email" type="email" value="${account.email ?? ''}"></div>
        <div class="field"><label><input type="checkbox" name="active"${account.active ? html` checked` : ''}> Cuenta activa (al desactivarla, sus sesiones terminan)</label></div>`, 'PATCH')}
      ${form('/api/users/{username}/password-reset', 'Enviar enlace para restablecer la contraseña', 'Enlace enviado por correo.', who)}
    </details></td></tr>`;
}

function inviteForm(user: AuthenticatedUser): SafeHtml {
  const roles: readonly UserRole[] = user.role === 'coordinador' ? USER_ROLES : ['garante', 'facilitador', 'integrante'];
  return html`<details class="action"><summary>Invitar a una persona</summary>
    ${form('/api/users', 'Enviar invitación', 'Invitación enviada.', html`
      <div class="field"><label for="nueva-usuario">Usuario</label><input id="nueva-usuario" name="username" required aria-describedby="nueva-usuario-ayuda">
        <p class="hint" id="nueva-usuario-ayuda">Minúsculas, dígitos, punto o guion; por ejemplo, garante-14.</p></div>
      <div class="field"><label for="nueva-rol">Rol</label><select id="nueva-rol" name="role">${roles.map((role) => html`<option value="${role}">${roleName(role)}</option>`)}</select></div>
      <div class="field"><label for="nueva-nombre">Nombre</label><input id="nueva-nombre" name="nombre" required></div>
      <div class="field"><label for="nueva-correo">Correo (recibe la invitación)</label><input id="nueva-correo" name="email" type="email" required></div>
      <div class="field"><label for="nueva-entidades">Entidades</label><textarea id="nueva-entidades" name="entidades" data-lines rows="2" aria-describedby="nueva-entidades-ayuda"></textarea>
        <p class="hint" id="nueva-entidades-ayuda">Una clave INEGI por línea (14 para Jalisco); vacía para la coordinación.</p></div>`)}
  </details>`;
}

function auditTable(audit: readonly AuditEntry[]): SafeHtml {
  return html`<div class="table-wrap"><table><caption>Últimos cambios de cuentas</caption>
    <thead><tr><th scope="col">Cuándo (UTC)</th><th scope="col">Quién</th><th scope="col">Cuenta</th><th scope="col">Qué</th></tr></thead>
    <tbody>${audit.length === 0 ? emptyRow(4, 'Sin cambios registrados.') : audit.map((entry) => html`<tr>
      <td>${entry.at.replace('T', ' ').replace('Z', '')}</td><td>${entry.actor}</td><td>${entry.username}</td>
      <td>${ACTIONS[entry.action] ?? entry.action}${Object.keys(entry.details).length > 0 ? html` <span class="small">${JSON.stringify(entry.details)}</span>` : ''}</td></tr>`)}</tbody></table></div>`;
}

/** Cuentas: who can sign in, the invitations and resets, the contacts the reminders need, and the audit. */
export function accountsView({ user, accounts, audit, warnings }: AccountsPage): SafeHtml {
  const body = html`<div class="page-head"><h1>Cuentas</h1>
      <p class="lead">${user.role === 'coordinador' ? 'Todas las cuentas.' : 'Garantes, facilitadores e integrantes de sus entidades.'}</p></div>
    ${warnings.length > 0
      ? html`<section class="card" aria-labelledby="contactos"><h2 id="contactos">Contactos</h2><ul>${warnings.map(
          ({ entidad, warnings: lines }) => html`<li><strong>${entidadName(entidad)}</strong>: ${lines.join(' ')}</li>`,
        )}</ul></section>`
      : ''}
    ${inviteForm(user)}
    <div class="table-wrap"><table><caption>Cuentas (${accounts.length})</caption>
      <thead><tr><th scope="col">Usuario</th><th scope="col">Rol</th><th scope="col">Entidades</th><th scope="col">Nombre y correo</th><th scope="col">Estado</th><th scope="col">Acciones</th></tr></thead>
      <tbody>${accounts.length === 0 ? emptyRow(6, 'Ninguna cuenta.') : accounts.map(accountRow)}</tbody></table></div>
    ${auditTable(audit)}`;
  return page({ title: 'Cuentas', body, user, section: 'cuentas' });
}
