import { type AttendanceRecord, type CastVote, type ConvocationForecast, type RecordedDecision, type VoteValue } from '@app/domain';
import { type StlSessionView } from '@app/persistence';
import { sessionKindName, sessionStatusName } from '../format/labels';
import { fechaLarga } from '../format/spanish-dates';
import { html, type SafeHtml } from '../html/html';
import { badge, emptyRow } from './components';

interface Minutes {
  readonly approvedOn: string;
}

interface Cancellation {
  readonly cancelledOn: string;
  readonly reason: string;
}

const VIA: Readonly<Record<string, string>> = { consenso: 'por consenso', mayoria: 'por mayoría', voto_de_calidad: 'con voto de calidad' };

/** Convoked on or before the fifth business day preceding the session (the projection stores that deadline). */
export function noticeCompliance(
  session: Pick<StlSessionView, 'convokedOn' | 'noticeDeadline'> & Partial<Pick<StlSessionView, 'historicalJustification'>>,
): SafeHtml {
  const kept = session.convokedOn <= session.noticeDeadline;
  const historical = session.historicalJustification ?? null;
  return html`${kept ? badge('Con aviso suficiente', 'ok') : badge('Aviso insuficiente', 'bad')}
    <div class="small muted">Convocada el ${fechaLarga(session.convokedOn)}; plazo: ${fechaLarga(session.noticeDeadline)}</div>
    ${historical === null ? '' : html`<div class="small">${badge('Acto histórico', 'warn')} ${historical}</div>`}`;
}

/** Who is who in the answers to a convocation: member and facilitador ids to names. */
export type NameOf = (personId: string) => string;

function quorumCell(session: StlSessionView, nameOf: NameOf): SafeHtml {
  const attendance = session.attendance as AttendanceRecord | null;
  if (!attendance && session.forecast) return forecastCell(session.forecast, nameOf);
  if (!attendance) return html`<span class="muted">Sin registro</span>`;
  return html`${attendance.quorum ? badge('Con quórum', 'ok') : badge('Sin quórum', 'bad')}
    <div class="small muted">${attendance.seatsPresent} de ${attendance.seatsActive} representaciones${attendance.civilSocietyPresent ? ', con sociedad civil' : ', sin sociedad civil'}</div>`;
}

/** Before the session: the answers given through the personal links, and the quorum the confirmed would make. */
function forecastCell(forecast: ConvocationForecast, nameOf: NameOf): SafeHtml {
  const { quorum } = forecast;
  const names = (ids: readonly string[]) => (ids.length === 0 ? 'nadie' : ids.map(nameOf).join(', '));
  return html`<div data-forecast="${quorum.quorum ? 'quorum' : 'sin-quorum'}">
    ${quorum.quorum ? badge('Quórum previsto', 'ok') : badge('Quórum no asegurado', 'warn')}
    <div class="small muted">${quorum.seatsPresent} de ${quorum.seatsActive} representaciones confirmadas${quorum.civilSocietyPresent ? ', con sociedad civil' : ', sin sociedad civil'}</div>
    <div class="small" data-answer="asistire">Confirmaron: ${names(forecast.confirmed)}</div>
    <div class="small" data-answer="no_asistire">No asistirán: ${names(forecast.declined)}</div>
    <div class="small muted" data-answer="pendiente">Sin respuesta: ${forecast.unanswered.length}</div>
  </div>`;
}

const VOTE_NAMES: readonly (readonly [VoteValue, string])[] = [
  ['favor', 'A favor'],
  ['contra', 'En contra'],
  ['impedimento', 'Impedimento'],
];

/** Each vote by the name of who cast it: the record the STL's rule was applied to. */
function votesByName(votes: readonly CastVote[], nameOf: NameOf): SafeHtml {
  const lines = VOTE_NAMES.map(([value, label]) => [label, votes.filter((vote) => vote.vote === value).map((vote) => nameOf(vote.memberId))] as const).filter(
    ([, names]) => names.length > 0,
  );
  return html`${lines.map(([label, names]) => html`<div class="small" data-votes="${label}">${label}: ${names.join(', ')}</div>`)}`;
}

function decisionsCell(session: StlSessionView, nameOf: NameOf): SafeHtml {
  const decisions = session.decisions as readonly RecordedDecision[];
  if (decisions.length === 0) return html`<span class="muted">—</span>`;
  return html`<ul class="evidence">${decisions.map(
    (decision) =>
      html`<li>${decision.subject}: ${decision.approved ? badge('Aprobado', 'ok') : badge('No aprobado', 'bad')} <span class="small muted">${decision.via ? VIA[decision.via] ?? '' : ''}</span>
        ${decision.consensus ? '' : votesByName(decision.votes ?? [], nameOf)}</li>`,
  )}</ul>`;
}

export function minutesStatus(session: Pick<StlSessionView, 'minutes' | 'status'>): SafeHtml {
  const minutes = session.minutes as Minutes | null;
  if (minutes) return html`${badge('Acta aprobada', 'ok')} <span class="small">${fechaLarga(minutes.approvedOn)}</span>`;
  if (session.status === 'cancelada' || session.status === 'convocada') return html`<span class="muted">—</span>`;
  return badge('Acta pendiente', 'warn');
}

function statusCell(session: StlSessionView): SafeHtml {
  const cancellation = session.cancellation as Cancellation | null;
  const tone = session.status === 'celebrada' ? 'ok' : session.status === 'convocada' ? 'none' : 'bad';
  return html`${badge(sessionStatusName(session.status), tone)}${cancellation ? html`<div class="small muted">${cancellation.reason}</div>` : ''}`;
}

/**
 * Sessions with notice compliance, quorum (or, before a session, the answers to its convocation and the quorum
 * they forecast), decisions and minutes, newest first.
 */
export function sessionsTable(sessions: readonly StlSessionView[], nameOf: NameOf = (personId) => personId): SafeHtml {
  return html`<div class="table-wrap"><table id="tabla-sesiones">
    <caption class="sr-only">Sesiones del STL</caption>
    <thead><tr><th scope="col">Fecha</th><th scope="col">Tipo y orden del día</th><th scope="col">Estado</th><th scope="col">Aviso</th>
      <th scope="col">Quórum</th><th scope="col">Acuerdos</th><th scope="col">Acta</th></tr></thead>
    <tbody>${sessions.length === 0
      ? emptyRow(7, 'El STL no ha convocado sesiones.')
      : sessions.map(
          (session) => html`<tr data-session="${session.sessionId}" data-date="${session.date}">
            <th scope="row" class="nowrap">${fechaLarga(session.date)}${session.startTime ? html`<div class="small">${session.endTime ? `${session.startTime}–${session.endTime}` : session.startTime} h (Ciudad de México)</div>` : ''}</th>
            <td>${sessionKindName(session.kind)}${session.place ? html`<div class="small muted">${session.place}</div>` : ''}
              ${session.agenda.length > 0 ? html`<div class="small">${session.agenda.join(' · ')}</div>` : ''}</td>
            <td>${statusCell(session)}</td>
            <td>${noticeCompliance(session)}</td>
            <td>${quorumCell(session, nameOf)}</td>
            <td>${decisionsCell(session, nameOf)}</td>
            <td>${minutesStatus(session)}</td>
          </tr>`,
        )}</tbody>
  </table></div>`;
}
