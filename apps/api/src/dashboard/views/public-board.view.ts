import { type Entidad, entidadName, type ExerciseSummary, type HistoricalReservedAct, type LocalDate, reservedActName, type StlSummary } from '@app/domain';
import { type CommitmentView, type StlSessionView } from '@app/persistence';
import { sessionKindName, sessionStatusName } from '../format/labels';
import { fechaLarga } from '../format/spanish-dates';
import { html, type SafeHtml } from '../html/html';
import { commitmentsTable, historicalActsList } from './commitments.view';
import { badge, emptyRow } from './components';
import { embeddablePage } from './layout.view';
import { minutesStatus } from './sessions.view';

/**
 * What every garante publishes on its micrositio (six steps, step 6): the six steps, the PAL's commitments with
 * their progress and the STL's sessions with the status of their minutes. Nothing about people: no names, no
 * addresses, no meeting links.
 */
export interface PublicBoard {
  readonly entidad: Entidad;
  readonly today: LocalDate;
  readonly exercise?: ExerciseSummary;
  readonly commitments: readonly CommitmentView[];
  readonly sessions: readonly (Pick<StlSessionView, 'date' | 'kind' | 'status' | 'minutes'> & Partial<Pick<StlSessionView, 'historicalJustification'>>)[];
  /** The STL's reserved acts recorded without a session, each with the justification it was accepted with. */
  readonly actsWithoutSession: readonly HistoricalReservedAct[];
}

/** The STL's acts without a registered session; rows projected before mechanisms carry none. */
export function actsWithoutSession(stl: StlSummary): readonly HistoricalReservedAct[] {
  return (stl as Partial<Pick<StlSummary, 'governance'>>).governance?.actsWithoutSession ?? [];
}

/** As the private board warns, without the member the act was about: the public page names nobody. */
function actsWithoutSessionList(acts: readonly HistoricalReservedAct[]): SafeHtml {
  if (acts.length === 0) return html``;
  return html`<ul class="historical-acts">${acts.map(
    (act) => html`<li data-act-without-session="${act.act.kind}">${badge('Acto sin sesión registrada', 'warn')}
      ${capitalized(reservedActName({ kind: act.act.kind }))}, del ${fechaLarga(act.on)}: ${act.justification}</li>`,
  )}</ul>`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function stepsList(exercise: ExerciseSummary): SafeHtml {
  return html`<ol class="steps">${exercise.steps.map((step) => {
    const current = exercise.status === 'open' && step.number === exercise.currentStep;
    return html`<li class="${step.status === 'concluido' ? 'done' : current ? 'current' : ''}"${current ? html` aria-current="step"` : ''}>
      <span class="n">Paso ${step.number}</span>${step.name}
      <div class="small muted">${step.completedOn ? `Concluido el ${fechaLarga(step.completedOn)}` : current ? 'En curso' : 'Pendiente'}</div>
    </li>`;
  })}</ol>`;
}

export function publicBoardView({ entidad, today, exercise, commitments, sessions, actsWithoutSession: withoutSession }: PublicBoard): SafeHtml {
  const nombre = entidadName(entidad);
  const launched = commitments.filter((commitment) => commitment.launched);
  const body = html`<h1>Tablero de seguimiento · ${nombre}</h1>
    <p class="lead">Gobierno Abierto: Cocreación desde lo Local. Información al ${fechaLarga(today)}.</p>
    <section aria-labelledby="pasos"><h2 id="pasos">Los seis pasos del ejercicio</h2>
      ${exercise ? stepsList(exercise) : html`<p class="muted">El ejercicio local aún no inicia.</p>`}
      ${exercise?.palLaunchedOn
        ? html`<p class="small">Plan de Acción Local lanzado el ${fechaLarga(exercise.palLaunchedOn)}; monitoreo: ${fechaLarga(exercise.monitoringDueOn)}; evaluación: ${fechaLarga(exercise.evaluationDueOn)}.</p>`
        : ''}
      ${historicalActsList(exercise?.historicalActs)}
    </section>
    <section aria-labelledby="compromisos"><h2 id="compromisos">Compromisos del Plan de Acción Local</h2>
      ${launched.length > 0 ? commitmentsTable(launched, { evidence: true }) : html`<p class="muted">El Plan de Acción Local aún no se lanza.</p>`}
    </section>
    <section aria-labelledby="sesiones"><h2 id="sesiones">Sesiones del Secretariado Técnico Local</h2>
      <div class="table-wrap"><table>
        <caption class="sr-only">Sesiones y estado de sus actas</caption>
        <thead><tr><th scope="col">Fecha</th><th scope="col">Tipo</th><th scope="col">Estado</th><th scope="col">Acta</th></tr></thead>
        <tbody>${sessions.length === 0
          ? emptyRow(4, 'Aún no hay sesiones convocadas.')
          : sessions.map(
              (session) => html`<tr><th scope="row">${fechaLarga(session.date)}</th><td>${sessionKindName(session.kind)}</td>
                <td>${sessionStatusName(session.status)}${session.historicalJustification ? html`<div class="small">${badge('Acto histórico', 'warn')} ${session.historicalJustification}</div>` : ''}</td>
                <td>${minutesStatus(session)}</td></tr>`,
            )}</tbody>
      </table></div>
      ${actsWithoutSessionList(withoutSession)}
    </section>`;
  return embeddablePage(`Tablero de seguimiento de ${nombre}`, body);
}
