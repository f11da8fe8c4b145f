import { type RecordedDecision } from '@app/domain';
import { type StlSessionView } from '@app/persistence';
import { removalCauseName } from '../format/labels';
import { fechaLarga } from '../format/spanish-dates';
import { html, type SafeHtml } from '../html/html';
import { type RemovalProceeding } from '../read-model/removals';
import { badge } from './components';

/** A session's vote on removing `memberId`, recorded after the proposal: what «Decidir remoción» rests on. */
function voteOn(proceeding: RemovalProceeding, sessions: readonly StlSessionView[]): { session: StlSessionView; number: number; decision: RecordedDecision } | undefined {
  for (const session of sessions) {
    if (session.date <= proceeding.proposedOn) continue;
    const decisions = session.decisions as readonly RecordedDecision[];
    const index = decisions.findIndex((decision) => decision.act?.kind === 'remove_member' && decision.act.memberId === proceeding.memberId);
    if (index >= 0) return { session, number: index + 1, decision: decisions[index] };
  }
  return undefined;
}

function sessionDate(sessions: readonly StlSessionView[], sessionId: string): string {
  const session = sessions.find((candidate) => candidate.sessionId === sessionId);
  return session ? `la sesión del ${fechaLarga(session.date)}` : `la sesión ${sessionId}`;
}

/** Where the proceeding stands, and while it is open, the act it waits for and the form that records it. */
function decisionCell(proceeding: RemovalProceeding, sessions: readonly StlSessionView[], acts: boolean): SafeHtml {
  const { decision } = proceeding;
  if (decision) {
    const basis = decision.basis;
    const grounds =
      basis?.kind === 'decision'
        ? `Acuerdo ${basis.decisionId} de ${sessionDate(sessions, basis.sessionId)}`
        : basis?.kind === 'historico'
          ? `Acto sin sesión registrada: ${basis.justification}`
          : decision.sessionId
            ? `En ${sessionDate(sessions, decision.sessionId)}`
            : '';
    const outcome = decision.approved ? badge(`Removido el ${fechaLarga(proceeding.removedOn ?? decision.decidedOn)}`, 'bad') : badge('Propuesta rechazada', 'ok');
    return html`${outcome}<div class="small">${grounds}</div>`;
  }
  const vote = voteOn(proceeding, sessions);
  if (vote) {
    return html`${badge('Votada', 'warn')}<div class="small">Acuerdo ${vote.number} de la sesión del ${fechaLarga(vote.session.date)}: ${vote.decision.approved ? 'aprobada' : 'rechazada'}.
      ${acts ? html`<a href="#form-remocion-decision">Registrar la decisión</a>` : ''}</div>`;
  }
  return html`${badge('Pendiente', 'warn')}<div class="small">La vota el STL en una sesión posterior al ${fechaLarga(proceeding.proposedOn)}.
    ${acts ? html`<a href="#sesiones">Convocar la sesión y registrar su acuerdo</a>` : ''}</div>`;
}

/** The STL's removal proceedings (MG cap. III): proposed by a member, voted at a later session, then recorded. */
export function removalsSection(proceedings: readonly RemovalProceeding[], sessions: readonly StlSessionView[], acts: boolean): SafeHtml {
  if (proceedings.length === 0) return html``;
  return html`<h3 id="remociones">Remociones</h3>
    <div class="table-wrap"><table id="tabla-remociones">
      <caption class="sr-only">Propuestas de remoción y lo que decidió el STL</caption>
      <thead><tr><th scope="col">Integrante</th><th scope="col">Causa</th><th scope="col">Propuesta</th><th scope="col">Decisión del STL</th></tr></thead>
      <tbody>${[...proceedings].reverse().map(
        (proceeding) => html`<tr data-member="${proceeding.memberId}">
          <th scope="row">${proceeding.nombre}</th>
          <td>${removalCauseName(proceeding.cause)}</td>
          <td>${fechaLarga(proceeding.proposedOn)}${proceeding.proposedBy ? html`<div class="small muted">Propuso: ${proceeding.proposedBy}</div>` : ''}</td>
          <td>${decisionCell(proceeding, sessions, acts)}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
}
