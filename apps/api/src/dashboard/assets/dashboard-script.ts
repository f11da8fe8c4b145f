/**
 * The board's only script, served as /tablero/recursos/tablero.js (same origin, so the CSP needs no inline script).
 * It turns `form[data-api]` into JSON calls to the API with the session cookie, the header that proves the call
 * comes from this page (CSRF) and one Idempotency-Key per submission, shows the API's Spanish message on refusal, and computes the notice deadline as a
 * session date is chosen. Everything it does is also reachable with the keyboard; pages read fine without it.
 */
export const DASHBOARD_SCRIPT = String.raw`
(function () {
  'use strict';
  var MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

  function fechaLarga(date) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
    if (!parts) return date || '';
    return Number(parts[3]) + ' de ' + MONTHS[Number(parts[2]) - 1] + ' de ' + parts[1];
  }

  function loginUrl() {
    return '/tablero/login?siguiente=' + encodeURIComponent(location.pathname + location.search);
  }

  function apiCall(method, url, body, idempotencyKey) {
    var headers = { 'accept': 'application/json', 'x-requested-with': 'tablero' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    return fetch(url, {
      method: method,
      headers: headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { status: response.status, ok: response.ok, data: data };
      });
    });
  }

  // One Idempotency-Key per submission, kept in this tab (also across a reload) until the API answers for good: the
  // same filled form sent again (a double click, a retry after a 503) gets the first answer instead of a second act.
  var KEY_PREFIX = 'tablero.clave:';
  var keysInMemory = {};

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(bytes, function (byte) { return (byte + 256).toString(16).slice(1); }).join('');
  }

  function submissionKey(signature) {
    var name = KEY_PREFIX + signature;
    var key = keysInMemory[name];
    try { key = sessionStorage.getItem(name) || key; } catch (e) { /* storage off: this page's memory only */ }
    if (!key) key = newKey();
    keysInMemory[name] = key;
    try { sessionStorage.setItem(name, key); } catch (e) { /* storage off or full */ }
    return {
      key: key,
      done: function () {
        delete keysInMemory[name];
        try { sessionStorage.removeItem(name); } catch (e) { /* storage off */ }
      }
    };
  }

  // Not final: signed out, the server failed, or the first submission is still running; the same key is sent again.
  function answeredForGood(result) {
    return result.status !== 401 && result.status < 500 && !(result.data && result.data.code === 'IDEMPOTENCY_KEY_IN_USE');
  }

  function valueOf(field) {
    if (field.type === 'checkbox') return field.checked;
    if (field.hasAttribute('data-lines')) {
      return field.value.split(/\r?\n/).map(function (line) { return line.trim(); }).filter(Boolean);
    }
    if (field.hasAttribute('data-number')) return field.value === '' ? undefined : Number(field.value);
    return field.value.trim();
  }

  function serialize(form) {
    var body = {};
    var pathValues = {};
    var template = form.getAttribute('data-api');
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled || field.hasAttribute('data-omit')) return;
      if (template.indexOf('{' + field.name + '}') !== -1) { pathValues[field.name] = field.value; return; }
      if (field.hasAttribute('data-vote')) {
        body[field.name] = body[field.name] || [];
        if (!field.value) return;
        body[field.name].push({ memberId: field.getAttribute('data-member'), vote: field.value });
        return;
      }
      if (field.type === 'checkbox' && field.hasAttribute('data-list')) {
        body[field.name] = body[field.name] || [];
        if (field.checked) body[field.name].push(field.value);
        return;
      }
      var value = valueOf(field);
      var empty = value === '' || value === undefined || (Array.isArray(value) && value.length === 0);
      if (empty && !field.hasAttribute('data-keep-empty')) return;
      body[field.name] = value;
    });
    var url = template.replace(/\{(\w+)\}/g, function (_, name) { return encodeURIComponent(pathValues[name] || ''); });
    return { url: url, body: body };
  }

  function show(form, kind, message) {
    var status = form.querySelector('.form-status');
    if (!status) return;
    status.className = 'form-status ' + kind;
    status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    status.textContent = message;
    if (kind === 'error') status.focus();
  }

  function submitApiForm(event) {
    var form = event.target;
    event.preventDefault();
    var confirmText = form.getAttribute('data-confirm');
    if (confirmText && !window.confirm(confirmText)) return;
    var request = serialize(form);
    var method = (form.getAttribute('data-method') || 'POST').toUpperCase();
    var button = form.querySelector('[type=submit]');
    if (button) button.disabled = true;
    show(form, 'pending', 'Enviando…');
    var body = method === 'GET' ? undefined : request.body;
    var submission = body === undefined ? null : submissionKey(method + ' ' + request.url + ' ' + JSON.stringify(body));
    apiCall(method, request.url, body, submission && submission.key).then(function (result) {
      if (submission && answeredForGood(result)) submission.done();
      if (result.status === 401) { location.assign(loginUrl()); return; }
      if (!result.ok) {
        var message = result.data && result.data.message ? result.data.message : 'La solicitud no pudo completarse (' + result.status + ').';
        show(form, 'error', message);
        if (button) button.disabled = false;
        return;
      }
      show(form, 'success', form.getAttribute('data-success') || 'Listo.');
      var next = form.getAttribute('data-redirect');
      setTimeout(function () { if (next) location.assign(next); else location.reload(); }, 600);
    }).catch(function () {
      show(form, 'error', 'No hubo respuesta del servidor; revise su conexión e intente de nuevo.');
      if (button) button.disabled = false;
    });
  }

  function watchNoticeDeadline(input) {
    var hint = document.getElementById(input.getAttribute('aria-describedby') || '');
    var form = input.form;
    var convoked = form && form.elements.namedItem(input.getAttribute('data-convoked-field') || 'convokedOn');
    function update() {
      if (!hint) return;
      if (!input.value) { hint.className = 'hint'; hint.textContent = 'Elija la fecha para ver hasta cuándo puede convocarse.'; return; }
      var url = input.getAttribute('data-notice-deadline') + '&sessionDate=' + encodeURIComponent(input.value);
      apiCall('GET', url).then(function (result) {
        if (!result.ok || !result.data || !result.data.deadline) {
          hint.className = 'hint bad';
          hint.textContent = result.data && result.data.message ? result.data.message : 'No se pudo calcular el plazo de aviso.';
          return;
        }
        var deadline = result.data.deadline;
        var convokedOn = convoked && convoked.value ? convoked.value : '';
        var enough = !convokedOn || convokedOn <= deadline;
        hint.className = 'hint ' + (enough ? 'ok' : 'bad');
        hint.textContent = 'Plazo de aviso: convocar a más tardar el ' + fechaLarga(deadline) + ' (cinco días hábiles antes). ' +
          (enough ? 'La convocatoria cumple con el aviso.' : 'Aviso insuficiente: elija una fecha posterior.');
      });
    }
    input.addEventListener('change', update);
    if (convoked && convoked.addEventListener) convoked.addEventListener('change', update);
    update();
  }

  document.addEventListener('submit', function (event) {
    if (event.target instanceof HTMLFormElement && event.target.hasAttribute('data-api')) submitApiForm(event);
  });

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('input[data-notice-deadline]'), watchNoticeDeadline);
    var onward = document.querySelector('[data-continue]');
    if (onward) location.replace(onward.getAttribute('href'));
  });
})();
`;
