import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { html, type SafeHtml } from '../html/html';
import { page } from './layout.view';

export interface LoginPage {
  /** Where to go once signed in (a path of the board). */
  readonly next: string;
  readonly username?: string;
  readonly error?: string;
  /** Outside production, the demo accounts exist and the page names them. */
  readonly demo: boolean;
}

/** Works without JavaScript: a plain form POST; the answer sets the session cookie and redirects. */
export function loginView({ next, username, error, demo }: LoginPage): SafeHtml {
  const body = html`<div class="login card">
    <h1>Iniciar sesión</h1>
    <p class="lead">Tablero de seguimiento de los ejercicios locales de gobierno abierto.</p>
    ${error ? html`<div class="form-status error" role="alert" id="login-error" tabindex="-1">${error}</div>` : ''}
    <form method="post" action="/tablero/login">
      <input type="hidden" name="siguiente" value="${next}">
      <div class="field"><label for="usuario">Usuario</label>
        <input type="text" id="usuario" name="username" autocomplete="username" required autofocus value="${username ?? ''}"${error ? html` aria-describedby="login-error"` : ''}></div>
      <div class="field"><label for="contrasena">Contraseña</label>
        <input type="password" id="contrasena" name="password" autocomplete="current-password" required></div>
      <div><button type="submit">Entrar</button></div>
    </form>
    <p class="small"><a href="/tablero/contrasena">¿Olvidó su contraseña o recibió una invitación vencida?</a></p>
    ${demo
      ? html`<p class="small muted">Cuentas de demostración: <code>coordinador</code> (todo el país), <code>enlace</code>,
          <code>garante-14</code>, <code>facilitador-14</code>, <code>integrante-14</code>… con la contraseña de
          <code>DEMO_PASSWORD</code> (por omisión <code>cocreacion</code>).</p>`
      : ''}
  </div>`;
  return page({ title: 'Iniciar sesión', body });
}

/**
 * Reached from another site (a link in an e-mail), the browser does not send a SameSite=Strict cookie: this page
 * follows the same link again from here, where it does; without a session that second visit lands on the login.
 */
export function continueView(target: string): SafeHtml {
  const body = html`<div class="login card"><h1>Abriendo el tablero…</h1>
    <p><a href="${target}" data-continue>Continuar al tablero</a></p></div>`;
  return page({ title: 'Abriendo el tablero', body });
}

/** An error as a page; signed in, with the usual header (navigation and *Cerrar sesión*). */
export function errorView(title: string, message: string, status: number, user: AuthenticatedUser | undefined): SafeHtml {
  const body = html`<div class="card" style="max-width:40rem;margin:2rem auto">
    <h1>${title}</h1><p>${message}</p>
    <p class="small muted">Código ${status}.</p>
    <p><a href="/tablero">Volver al tablero nacional</a>${user ? '' : html` · <a href="/tablero/login">Iniciar sesión</a>`}</p>
  </div>`;
  return page({ title, body, ...(user && { user }) });
}
