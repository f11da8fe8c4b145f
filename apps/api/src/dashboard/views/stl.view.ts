import { type ExerciseSummary, type Sector, SECTORS, type StlSummary } from '@app/domain';
import { type StlMemberView } from '@app/persistence';
import { decisionRuleName, memberRoleName, SECTOR_LABELS } from '../format/labels';
import { fechaLarga } from '../format/spanish-dates';
import { html, type SafeHtml } from '../html/html';
import { badge, emptyRow, facts, sectorCounts } from './components';
import { governanceSection } from './governance.view';

function sectorName(sector: string, stl: StlSummary): string {
  return sector === 'adicional' ? (stl.extraSectorName ?? SECTOR_LABELS.adicional) : (SECTOR_LABELS[sector as Sector] ?? sector);
}

/** Before stage 7 (the Grupo Promotor chooses the facilitador) no facilitador is expected yet; after it, one is. */
export function facilitadorYetToBeChosen(stl: StlSummary, exercise: ExerciseSummary | undefined): boolean {
  const stage7 = exercise?.stages.find((stage) => stage.number === 7);
  return stl.status !== 'instalado' && !stl.facilitador && (stage7 === undefined || stage7.status === 'pendiente');
}

export function facilitadorSummary(stl: StlSummary, exercise: ExerciseSummary | undefined): SafeHtml {
  if (facilitadorYetToBeChosen(stl, exercise)) return html`<span class="muted">Por elegir (etapa 7 de la instalación)</span>`;
  if (!stl.facilitador && stl.status !== 'instalado') return badge('Sin nombrar', 'warn');
  if (stl.facilitadorVacante || !stl.facilitador) {
    return html`${badge('Vacante', 'bad')}${stl.vacantSince ? html` <span class="small">desde el ${fechaLarga(stl.vacantSince)}</span>` : ''}`;
  }
  const { nombre, procedencia, organizacion, appointedOn } = stl.facilitador;
  return html`${nombre} <span class="small muted">(${procedencia}${organizacion ? `, ${organizacion}` : ''}; desde el ${fechaLarga(appointedOn)})</span>`;
}

/** Composition by sector with the warnings of the method (imbalance, facilitador's origin or vacancy). */
export function stlSection(stl: StlSummary | undefined, members: readonly StlMemberView[], exercise?: ExerciseSummary, acts = false): SafeHtml {
  if (!stl) return html`<p class="muted">La entidad aún no registra su Secretariado Técnico Local.</p>`;
  const bySector = SECTORS.map((sector) => ({ sector, rows: members.filter((member) => member.sector === sector) })).filter(
    ({ rows }) => rows.length > 0,
  );
  return html`${facts([
      ['Estado', stl.status === 'instalado' ? `Instalado el ${fechaLarga(stl.installedOn)}` : 'En integración'],
      ['Titulares por sector', sectorCounts(stl)],
      ['Integrantes', stl.members],
      ['Facilitador', facilitadorSummary(stl, exercise)],
      ['Regla de decisión', decisionRuleName(stl.decisionRule)],
    ])}
    ${stl.warnings.length > 0
      ? html`<div class="notice" role="note"><strong>Advertencias de composición</strong><ul class="warnings">${stl.warnings.map((warning) => html`<li>${warning.message}</li>`)}</ul></div>`
      : html`<p class="small muted">Sin advertencias de composición.</p>`}
    ${governanceSection(stl, acts, (memberId) => members.find((member) => member.memberId === memberId)?.nombre)}
    <div class="table-wrap"><table id="tabla-integrantes">
      <caption class="sr-only">Integrantes del STL por sector</caption>
      <thead><tr><th scope="col">Sector</th><th scope="col">Nombre</th><th scope="col">Organización</th><th scope="col">Cargo</th><th scope="col">Función</th><th scope="col">Voto</th></tr></thead>
      <tbody>${bySector.length === 0
        ? emptyRow(6, 'Sin integrantes registrados.')
        : bySector.flatMap(({ sector, rows }) =>
            rows.map(
              (member, index) => html`<tr>
                ${index === 0 ? html`<th scope="rowgroup" rowspan="${rows.length}">${sectorName(sector, stl)}</th>` : ''}
                <td>${member.nombre}</td><td>${member.organizacion}</td><td>${member.cargo ?? '—'}</td>
                <td>${memberRoleName(member.role)}</td><td>${member.hasVote ? 'Sí' : 'Voz sin voto'}</td>
              </tr>`,
            ),
          )}</tbody>
    </table></div>`;
}
