import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { MIN_PASSWORD_LENGTH } from '../../users/account-rules';
import { html, type SafeHtml } from '../html/html';
import { page } from './layout.view';

const RULE = `Al menos ${MIN_PASSWORD_LENGTH} caracteres, sin su nombre de usuario. Una frase de varias palabras sirve bien.`;

function form(api: string, method: string, label: string, success: string, fields: SafeHtml, redirect = '/tablero/login'): SafeHtml {
  return html`<form class="action-form card" data-api="${api}" data-method="${method}" data-success="${success}" data-redirect="${redirect}" novalidate>
    ${fields}<div class="form-status" tabindex="-1"></div><div><button type="submit">${label}</button></div></form>`;
}

const newPassword = (name: string) => html`<div class="field"><label for="nueva">Contraseña nueva</label>
  <input id="nueva" name="${name}" type="password" autocomplete="new-password" required aria-describedby="nueva-ayuda">
  <p class="hint" id="nueva-ayuda">${RULE}</p></div>`;

/** From the e-mailed link: the token travels in a hidden field to POST /api/auth/password. */
export function setPasswordView(token: string): SafeHtml {
  const body = html`<div class="page-head"><h1>Definir su contraseña</h1>
    <p class="lead">El enlace sirve una sola vez y vence a las 72 horas de enviado.</p></div>
    ${form('/api/auth/password', 'POST', 'Guardar contraseña', 'Contraseña guardada; ya puede iniciar sesión.', html`
      <input type="hidden" name="token" value="${token}">${newPassword('password')}`)}`;
  return page({ title: 'Definir contraseña', body });
}

/** Signed in: change one's own; every session ends, this one included, so it leads to the login. */
export function changePasswordView(user: AuthenticatedUser): SafeHtml {
  const body = html`<div class="page-head"><h1>Cambiar su contraseña</h1>
    <p class="lead">Al cambiarla se cierran todas sus sesiones, también esta.</p></div>
    ${form('/api/auth/me/password', 'PUT', 'Cambiar contraseña', 'Contraseña cambiada; inicie sesión de nuevo.', html`
      <div class="field"><label for="actual">Contraseña actual</label><input id="actual" name="current" type="password" autocomplete="current-password" required></div>
      ${newPassword('new')}`)}`;
  return page({ title: 'Cambiar contraseña', body, user, section: 'contrasena' });
}

/** Without a session or a link: ask for a reset link (the answer never says whether the account exists). */
export function requestResetView(): SafeHtml {
  const body = html`<div class="page-head"><h1>Restablecer su contraseña</h1>
    <p class="lead">Si la cuenta existe y tiene correo, le enviaremos un enlace para definir una contraseña nueva.</p></div>
    ${form('/api/auth/password-reset', 'POST', 'Enviar enlace', 'Si la cuenta existe, el enlace va en camino a su correo.', html`
      <div class="field"><label for="usuario">Usuario</label><input id="usuario" name="username" autocomplete="username" required></div>`)}
    <p><a href="/tablero/login">Volver a iniciar sesión</a></p>`;
  return page({ title: 'Restablecer contraseña', body });
}
