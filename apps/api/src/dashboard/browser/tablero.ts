/**
 * The board's only script, compiled by the build to tablero.js and served as /tablero/recursos/tablero.js (same
 * origin, so the CSP needs no inline script). It turns `form[data-api]` into JSON calls to the API with the session
 * cookie, the header that proves the call comes from this page (CSRF) and one Idempotency-Key per submission; checks
 * the fields first and shows every refusal next to its field, in Spanish; keeps what was typed when the sign-in
 * expired or the page was reloaded before the answer; and computes the notice deadline as a session date is chosen.
 * Everything it does is also reachable with the keyboard; pages read fine without it.
 */
(() => {
  type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
  type Body = Record<string, Json>;

  interface ApiResult {
    readonly status: number;
    readonly ok: boolean;
    readonly data: {
      code?: string;
      message?: string;
      errors?: { field: string; message: string }[];
      /** The one field a domain refusal is about (e.g. `convokedOn` of CONVOCATION_BACKDATED). */
      field?: string;
      deadline?: string;
      noticeBusinessDays?: number;
    } | null;
  }

  /** What a form held when it was sent, to put back after a reload or a new sign-in. */
  interface Draft {
    readonly values: Record<string, string | boolean>;
    /** Sent and not yet answered: after a reload the same submission (same key) goes again. */
    readonly pending?: { readonly key: string };
  }

  const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
  const KEY_PREFIX = 'tablero.clave:';
  const DRAFT_PREFIX = 'tablero.borrador:';
  const EXPIRED_FLAG = 'tablero.expirada';

  function fechaLarga(date: string): string {
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    return parts ? `${Number(parts[3])} de ${MONTHS[Number(parts[2]) - 1]} de ${parts[1]}` : date;
  }

  function stored(name: string): string | null {
    try {
      return sessionStorage.getItem(name);
    } catch {
      return null;
    }
  }

  function store(name: string, value: string | null): void {
    try {
      if (value === null) sessionStorage.removeItem(name);
      else sessionStorage.setItem(name, value);
    } catch {
      // Storage off or full: this page's memory is all there is.
    }
  }

  function loginUrl(): string {
    return `/tablero/login?siguiente=${encodeURIComponent(location.pathname + location.search)}`;
  }

  async function apiCall(method: string, url: string, body?: Body, idempotencyKey?: string): Promise<ApiResult> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-requested-with': 'tablero' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let data: ApiResult['data'] = null;
    try {
      data = text ? (JSON.parse(text) as ApiResult['data']) : null;
    } catch {
      data = null;
    }
    return { status: response.status, ok: response.ok, data };
  }

  function newKey(): string {
    if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => (byte + 256).toString(16).slice(1)).join('');
  }

  // One Idempotency-Key per submission, kept in this tab (also across a reload) until the API answers for good: the
  // same filled form sent again (a double click, a retry after a 503) gets the first answer instead of a second act.
  const keysInMemory: Record<string, string> = {};

  function submissionKey(signature: string): { key: string; done: () => void } {
    const name = KEY_PREFIX + signature;
    const key = stored(name) ?? keysInMemory[name] ?? newKey();
    keysInMemory[name] = key;
    store(name, key);
    return {
      key,
      done: () => {
        delete keysInMemory[name];
        store(name, null);
      },
    };
  }

  // Not final: signed out, the server failed, or the first submission is still running; the same key is sent again.
  function answeredForGood(result: ApiResult): boolean {
    return result.status !== 401 && result.status < 500 && result.data?.code !== 'IDEMPOTENCY_KEY_IN_USE';
  }

  function fieldsOf(form: HTMLFormElement): Field[] {
    return Array.from(form.elements).filter(
      (element): element is Field =>
        element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement,
    );
  }

  function isEmpty(value: Json | undefined): boolean {
    return value === '' || value === undefined || value === null || (Array.isArray(value) && value.length === 0);
  }

  function valueOf(field: Field): Json | undefined {
    if (field instanceof HTMLInputElement && field.type === 'checkbox') return field.checked;
    if (field.hasAttribute('data-boolean')) return field.value === '' ? '' : field.value === 'true';
    if (field.hasAttribute('data-lines')) {
      return field.value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    }
    return field.value.trim();
  }

  /** Adds one field to the object it belongs to: a list of ticked boxes, a vote by name, or a (dotted) plain value. */
  function collect(target: Body, field: Field): void {
    if (field.hasAttribute('data-vote')) {
      const votes = (target[field.name] ??= []) as Json[];
      if (field.value) votes.push({ memberId: field.getAttribute('data-member') ?? '', vote: field.value });
      return;
    }
    if (field instanceof HTMLInputElement && field.type === 'checkbox' && field.hasAttribute('data-list')) {
      const list = (target[field.name] ??= []) as Json[];
      if (field.checked) list.push(field.value);
      return;
    }
    const value = valueOf(field);
    if (isEmpty(value) && !field.hasAttribute('data-keep-empty')) return;
    // `historical.justification` is the field `justification` of the object `historical`.
    const path = field.name.split('.');
    const leaf = path.pop() as string;
    let object = target;
    for (const key of path) object = (object[key] ??= {}) as Body;
    object[leaf] = value as Json;
  }

  /**
   * The body and the URL of a form. `{name}` in data-api comes from that field; a `fieldset[data-item=name]` is one
   * object of the list `name`, left out while its `[data-item-key]` field (a title) is empty.
   */
  function serialize(form: HTMLFormElement): { url: string; body: Body } {
    const body: Body = {};
    const pathValues: Record<string, string> = {};
    const template = form.getAttribute('data-api') ?? '';
    const items = new Map<HTMLFieldSetElement, Body>();
    for (const field of fieldsOf(form)) {
      if (!field.name || field.disabled || field.hasAttribute('data-omit')) continue;
      if (template.includes(`{${field.name}}`)) {
        pathValues[field.name] = field.value;
        continue;
      }
      const group = field.closest<HTMLFieldSetElement>('fieldset[data-item]');
      if (group && form.contains(group)) {
        if (!items.has(group)) items.set(group, {});
        collect(items.get(group) as Body, field);
      } else collect(body, field);
    }
    for (const [group, item] of items) {
      const list = (body[group.getAttribute('data-item') ?? 'items'] ??= []) as Json[];
      const filled = Array.from(group.querySelectorAll<Field>('[data-item-key]')).some((field) => field.value.trim() !== '');
      if (filled) list.push(item);
    }
    const url = template.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(pathValues[name] ?? ''));
    return { url, body };
  }

  function labelOf(field: Field): string {
    const label = field.labels?.[0];
    const text = label ? (label.querySelector('.label-text')?.textContent ?? label.textContent ?? '') : field.name;
    return text.replace(/\s*\(opcional\)\s*$/, '').trim();
  }

  function show(form: HTMLFormElement, kind: 'error' | 'success' | 'pending', message: string): void {
    const status = form.querySelector<HTMLElement>('.form-status');
    if (!status) return;
    status.className = `form-status ${kind}`;
    status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    status.textContent = message;
    if (kind === 'error') status.focus();
  }

  function clearFieldErrors(form: HTMLFormElement): void {
    form.querySelectorAll('.field-error').forEach((element) => element.remove());
    for (const field of fieldsOf(form)) {
      if (!field.hasAttribute('aria-invalid')) continue;
      field.removeAttribute('aria-invalid');
      const describedBy = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
      if (describedBy.length > 0) field.setAttribute('aria-describedby', describedBy.join(' '));
      else field.removeAttribute('aria-describedby');
    }
  }

  /** The message under its field, the field marked invalid and pointing at it. */
  function markField(field: Field, message: string, label = labelOf(field)): void {
    const id = `${field.id || field.name}-error`;
    if (document.getElementById(id)) return;
    const error = document.createElement('p');
    error.className = 'field-error';
    error.id = id;
    // The API's refusals often name the field already («Fecha de adopción» no puede…): once is enough.
    error.textContent = message.includes(`«${label}»`) ? message : `${label}: ${message}`;
    const container = field.closest('.field, fieldset') ?? field.parentElement;
    container?.appendChild(error);
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', [field.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
  }

  function fieldNamed(form: HTMLFormElement, path: string): Field | undefined {
    const name = path.replace(/\[\d+\].*$/, '').replace(/\..*$/, '');
    return fieldsOf(form).find((field) => field.name === name && field.type !== 'hidden');
  }

  /** The API's words made the page's: field names become their labels, people's ids their names. */
  function humanize(form: HTMLFormElement, message: string): string {
    let text = message;
    for (const field of fieldsOf(form)) {
      if (field.name && field.type !== 'hidden') text = text.split(`«${field.name}»`).join(`«${labelOf(field)}»`);
    }
    const names = JSON.parse(form.getAttribute('data-names') ?? '{}') as Record<string, string>;
    for (const [id, name] of Object.entries(names)) text = text.split(id).join(name);
    return text;
  }

  const DATE = /^\d{4}-\d{2}-\d{2}$/;

  /** The board's own checks, in Spanish, before anything is sent (the API checks again). */
  function validate(form: HTMLFormElement): boolean {
    let valid = true;
    const fail = (field: Field, message: string) => {
      markField(field, message);
      valid = false;
    };
    for (const field of fieldsOf(form)) {
      if (field.disabled || field.type === 'hidden' || !field.name) continue;
      const value = field.value.trim();
      // A date typed halfway reads as empty (value ""): the browser only says so through `badInput`.
      if (field.type === 'date' && field instanceof HTMLInputElement && field.validity.badInput) fail(field, 'escriba una fecha válida (día, mes y año).');
      else if (field.required && field.type !== 'checkbox' && value === '') fail(field, 'es obligatorio.');
      else if (value === '') continue;
      else if (field.type === 'date' && !DATE.test(value)) fail(field, 'escriba una fecha válida (día, mes y año).');
      else if (field.type === 'date' && field instanceof HTMLInputElement && field.max && value > field.max) {
        fail(field, `no puede ser posterior al ${fechaLarga(field.max)}.`);
      } else if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) fail(field, 'escriba un correo válido, como nombre@ejemplo.mx.');
      else if (field.type === 'url' && !/^https?:\/\/\S+$/i.test(value)) fail(field, 'escriba un enlace que empiece con http:// o https://.');
      else if (field.hasAttribute('data-urls')) {
        const bad = value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !/^https?:\/\/\S+$/i.test(line));
        if (bad.length > 0) fail(field, `cada línea debe ser un enlace que empiece con http:// o https:// (revise «${bad[0]}»).`);
      }
    }
    form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-need-one]').forEach((group) => {
      const ticked = group.querySelectorAll('input[type=checkbox]:checked').length > 0;
      const confirmId = group.getAttribute('data-need-one');
      const confirm = confirmId ? form.querySelector<HTMLInputElement>(`#${confirmId}`) : null;
      if (ticked || confirm?.checked) return;
      const first = group.querySelector<HTMLInputElement>('input[type=checkbox]') ?? confirm;
      if (!first) return;
      markField(first, group.getAttribute('data-need-one-message') ?? 'marque al menos una opción.', group.querySelector('legend')?.textContent?.trim());
      valid = false;
    });
    return valid;
  }

  function showRefusal(form: HTMLFormElement, result: ApiResult): void {
    const data = result.data;
    let placed = 0;
    // A domain refusal names its one field at the top level; it goes under that field like a validation error.
    const errors = data?.errors ?? (data?.field && data.message ? [{ field: data.field, message: data.message }] : []);
    for (const error of errors) {
      const field = fieldNamed(form, error.field);
      if (!field) continue;
      markField(field, humanize(form, error.message));
      placed += 1;
    }
    if (placed > 0 && placed === errors.length) {
      show(form, 'error', 'Revise los campos marcados.');
      form.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    const message = data?.message ? humanize(form, data.message) : `La solicitud no pudo completarse (${result.status}).`;
    show(form, 'error', message);
  }

  function draftName(form: HTMLFormElement): string {
    return `${DRAFT_PREFIX}${location.pathname}#${form.id}`;
  }

  function saveDraft(form: HTMLFormElement, pending?: { key: string }): void {
    if (!form.id) return;
    const values: Record<string, string | boolean> = {};
    fieldsOf(form).forEach((field, index) => {
      if (field.type === 'hidden') return;
      values[field.id || `#${index}`] = field instanceof HTMLInputElement && field.type === 'checkbox' ? field.checked : field.value;
    });
    store(draftName(form), JSON.stringify({ values, ...(pending && { pending }) } satisfies Draft));
  }

  function readDraft(form: HTMLFormElement): Draft | undefined {
    const text = stored(draftName(form));
    return text ? (JSON.parse(text) as Draft) : undefined;
  }

  function restoreDraft(form: HTMLFormElement, draft: Draft): void {
    fieldsOf(form).forEach((field, index) => {
      const value = draft.values[field.id || `#${index}`];
      if (value === undefined) return;
      if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = value === true;
      else field.value = String(value);
    });
    const details = form.closest('details');
    if (details) details.open = true;
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Sends with the same key while the first submission is still running (a reload mid-request). */
  async function send(method: string, url: string, body: Body | undefined, key: string | undefined): Promise<ApiResult> {
    for (let attempt = 0; ; attempt += 1) {
      const result = await apiCall(method, url, body, key);
      if (result.data?.code !== 'IDEMPOTENCY_KEY_IN_USE' || attempt >= 10) return result;
      await sleep(500);
    }
  }

  function afterSuccess(form: HTMLFormElement): void {
    show(form, 'success', form.getAttribute('data-success') ?? 'Listo.');
    const next = form.getAttribute('data-redirect');
    const section = form.closest('section')?.querySelector('h2[id]')?.id;
    setTimeout(() => {
      if (next) {
        location.assign(next);
        return;
      }
      // Back to the section of the form, with what the act changed: a reload (a new hash alone would not reload).
      if (section) history.replaceState(null, '', `${location.pathname}${location.search}#${section}`);
      location.reload();
    }, 600);
  }

  async function submit(form: HTMLFormElement, resumedKey?: string): Promise<void> {
    clearFieldErrors(form);
    if (!resumedKey && !validate(form)) {
      show(form, 'error', 'Revise los campos marcados.');
      form.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    const confirmText = form.getAttribute('data-confirm');
    if (!resumedKey && confirmText && !window.confirm(confirmText)) return;
    const request = serialize(form);
    const dates = (form.getAttribute('data-existing-dates') ?? '').split(' ').filter(Boolean);
    const date = typeof request.body.date === 'string' ? request.body.date : '';
    if (!resumedKey && date && dates.includes(date) && !window.confirm(`Ya hay una sesión el ${fechaLarga(date)}. ¿Convocar otra el mismo día?`)) return;
    const method = (form.getAttribute('data-method') ?? 'POST').toUpperCase();
    const button = form.querySelector<HTMLButtonElement>('[type=submit]');
    if (button) button.disabled = true;
    show(form, 'pending', resumedKey ? 'La página se recargó antes de la respuesta; confirmando la solicitud…' : 'Enviando…');
    const submission = submissionKey(`${method} ${request.url} ${JSON.stringify(request.body)}`);
    const key = resumedKey ?? submission.key;
    saveDraft(form, { key });
    try {
      const result = await send(method, request.url, request.body, key);
      if (answeredForGood(result)) submission.done();
      if (result.status === 401) {
        saveDraft(form);
        store(EXPIRED_FLAG, location.pathname);
        show(form, 'error', 'Su sesión expiró. Lo que escribió se conserva: inicie sesión de nuevo para enviarlo.');
        setTimeout(() => location.assign(loginUrl()), 1500);
        return;
      }
      if (!result.ok) {
        saveDraft(form);
        showRefusal(form, result);
        if (button) button.disabled = false;
        return;
      }
      store(draftName(form), null);
      afterSuccess(form);
    } catch {
      // No answer (a dropped connection, a reload mid-request): the API may have acted, so the submission stays
      // pending and this page, or the next one, sends it again with the same key.
      saveDraft(form, { key });
      show(form, 'error', 'No hubo respuesta del servidor; revise su conexión e intente de nuevo.');
      if (button) button.disabled = false;
    }
  }

  function watchNoticeDeadline(input: HTMLInputElement): void {
    const hint = document.getElementById(input.getAttribute('data-deadline-hint') ?? '');
    const convoked = input.form?.elements.namedItem('convokedOn');
    const update = async () => {
      if (!hint) return;
      if (!input.value) {
        hint.className = 'hint';
        hint.textContent = 'Elija la fecha para ver hasta cuándo puede convocarse.';
        return;
      }
      const result = await apiCall('GET', `${input.getAttribute('data-notice-deadline') ?? ''}&sessionDate=${encodeURIComponent(input.value)}`);
      const deadline = result.data?.deadline;
      const days = result.data?.noticeBusinessDays;
      if (!result.ok || !deadline || days === undefined) {
        hint.className = 'hint bad';
        hint.textContent = result.data?.message ?? 'No se pudo calcular el plazo de aviso.';
        return;
      }
      const convokedOn = convoked instanceof HTMLInputElement ? convoked.value : '';
      const enough = !convokedOn || convokedOn <= deadline;
      hint.className = `hint ${enough ? 'ok' : 'bad'}`;
      hint.textContent =
        `Plazo de aviso: convocar a más tardar el ${fechaLarga(deadline)} (${days === 1 ? 'un día hábil' : `${days} días hábiles`} antes, según el mecanismo del STL). ` +
        (enough ? 'La convocatoria cumple con el aviso.' : 'Aviso insuficiente: elija una fecha posterior.');
    };
    input.addEventListener('change', () => void update());
    if (convoked instanceof HTMLInputElement) convoked.addEventListener('change', () => void update());
    void update();
  }

  /** A link to a form (`#form-…`, the guidance of each step) opens its `details` and puts the cursor in it. */
  function openTarget(): void {
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!(target instanceof HTMLDetailsElement)) return;
    target.open = true;
    target.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-api')) return;
    event.preventDefault();
    void submit(form);
  });

  /** Each cell carries its column's name, which the phone layout shows above it (tables become stacked rows). */
  function labelCells(table: HTMLTableElement): void {
    const headers = Array.from(table.tHead?.rows[0]?.cells ?? [], (cell) => cell.textContent?.trim() ?? '');
    for (const body of Array.from(table.tBodies)) {
      for (const row of Array.from(body.rows)) {
        const offset = headers.length - row.cells.length;
        Array.from(row.cells).forEach((cell, index) => {
          const header = headers[index + Math.max(offset, 0)];
          if (cell.tagName === 'TD' && header && cell.colSpan === 1 && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', header);
        });
      }
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('table').forEach(labelCells);
    document.querySelectorAll<HTMLInputElement>('input[data-notice-deadline]').forEach(watchNoticeDeadline);
    const expired = stored(EXPIRED_FLAG) === location.pathname;
    if (expired) store(EXPIRED_FLAG, null);
    document.querySelectorAll<HTMLFormElement>('form[data-api][id]').forEach((form) => {
      const draft = readDraft(form);
      if (!draft) return;
      if (!draft.pending && !expired) {
        store(draftName(form), null);
        return;
      }
      restoreDraft(form, draft);
      if (draft.pending) void submit(form, draft.pending.key);
      else show(form, 'pending', 'Recuperamos lo que escribió antes de que su sesión expirara; revíselo y envíelo.');
    });
    openTarget();
    window.addEventListener('hashchange', openTarget);
    const onward = document.querySelector('[data-continue]');
    if (onward) location.replace(onward.getAttribute('href') ?? '/tablero');
  });
})();
