import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { ASSET_PATHS } from '../assets/dashboard-assets';
import { roleName } from '../format/labels';
import { html, type HtmlValue, type SafeHtml } from '../html/html';

export type Section = 'tablero' | 'escalamientos' | 'entidad' | 'cuentas' | 'contrasena';

export interface PageOptions {
  readonly title: string;
  readonly body: HtmlValue;
  /** Signed-in pages show the navigation and the account; the login and public pages do not. */
  readonly user?: AuthenticatedUser;
  readonly section?: Section;
}

const APP_NAME = 'Cocreación desde lo Local';

function document(title: string, bodyClass: string, content: HtmlValue): SafeHtml {
  return html`<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${APP_NAME}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSET_PATHS.css}">
<script src="${ASSET_PATHS.js}" defer></script>
</head>
<body class="${bodyClass}">
${content}
</body>
</html>`;
}

function navigation(user: AuthenticatedUser, section: Section | undefined): SafeHtml {
  const link = (href: string, label: string, own: Section) =>
    html`<li><a href="${href}"${section === own ? html` aria-current="page"` : ''}>${label}</a></li>`;
  const inbox = user.role === 'coordinador' || user.role === 'enlace';
  return html`<nav aria-label="Principal"><ul>
    ${link('/tablero', 'Tablero nacional', 'tablero')}
    ${inbox ? link('/tablero/escalamientos', 'Escalamientos', 'escalamientos') : ''}
    ${inbox ? link('/tablero/cuentas', 'Cuentas', 'cuentas') : ''}
    ${link('/tablero/contrasena', 'Contraseña', 'contrasena')}
  </ul></nav>`;
}

/** A signed-in page: skip link, header with navigation and account, the content in `main`. */
export function page({ title, body, user, section }: PageOptions): SafeHtml {
  const header = user
    ? html`<header class="site-header">
  <a class="brand" href="/tablero">${APP_NAME}</a>
  ${navigation(user, section)}
  <div class="account">
    <span><strong>${user.nombre}</strong> · ${roleName(user.role)}</span>
    <form method="post" action="/tablero/salir"><button type="submit" class="link-button">Cerrar sesión</button></form>
  </div>
</header>`
    : html`<header class="site-header"><span class="brand">${APP_NAME}</span></header>`;
  return document(
    title,
    'app',
    html`<a class="skip-link" href="#contenido">Saltar al contenido</a>
${header}
<main id="contenido" tabindex="-1">
${body}
</main>
<footer class="site-footer">INAI · Gobierno Abierto: Cocreación desde lo Local · Fechas en hora de la Ciudad de México</footer>`,
  );
}

/** The public tracking board: no navigation, no account, made to sit inside the garante's micrositio. */
export function embeddablePage(title: string, body: HtmlValue): SafeHtml {
  return document(
    title,
    'public',
    html`<a class="skip-link" href="#contenido">Saltar al contenido</a>
<main id="contenido" tabindex="-1">
${body}
</main>`,
  );
}
