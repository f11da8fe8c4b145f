/**
 * HTML built by tagged templates: every interpolated value is escaped unless it is already `SafeHtml` (the result of
 * another `html` template or of `raw`). Views are plain functions returning `SafeHtml`; no template engine.
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (character) => ESCAPES[character]);
}

/** What a template accepts: text and numbers (escaped), markup, lists of either, and nothing (empty). */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1];
  });
  return new SafeHtml(out);
}

/** Markup this code wrote itself (never user data). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** `href`s only for http(s) links and the app's own paths: a stored `javascript:` URL is never made clickable. */
export function safeUrl(url: string): string | undefined {
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/** A link to external evidence, opened apart from the board (also when the board is framed). */
export function evidenceLink(url: string, label?: string): SafeHtml {
  const href = safeUrl(url);
  const text = label ?? url.replace(/^https?:\/\//i, '');
  return href
    ? html`<a href="${href}" target="_blank" rel="noopener noreferrer">${text}</a>`
    : html`<span>${text}</span>`;
}

/** `data-*` and other attributes from a record, escaped; `undefined` and `false` leave the attribute out. */
export function attributes(record: Readonly<Record<string, string | number | boolean | undefined>>): SafeHtml {
  return raw(
    Object.entries(record)
      .filter(([, value]) => value !== undefined && value !== false)
      .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`))
      .join(''),
  );
}
