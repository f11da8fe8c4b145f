import { edomex2019, type StlSummary } from '@app/domain';
import { type StlSessionView } from '@app/persistence';
import { stlFixture } from '../testing/dashboard-fixtures';
import { governanceForm, governanceSection, reservedActFields } from './governance.view';

const text = (html: { toString(): string }) =>
  html
    .toString()
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const decisions = [
  { subject: 'Nombrar facilitadora a Ana Pérez', approved: true, act: { kind: 'appoint_facilitador' }, votes: [] },
  { subject: 'Nombrar facilitador a otra persona', approved: false, act: { kind: 'appoint_facilitador' }, votes: [] },
  { subject: 'Calendario de sesiones', approved: true, votes: [] },
];
const held = Object.assign({} as StlSessionView, { entidad: '14', sessionId: 'sesion-1', date: '2026-10-23', status: 'celebrada', decisions });

describe('the form that adopts or changes the mechanism', () => {
  it('says of every field the person may leave empty that it is optional, the casting vote’s sector too', () => {
    const form = governanceForm('14', stlFixture(), [], '2026-11-01').toString();
    const label = (id: string) => text(form.match(new RegExp(`<label for="${id}">[\\s\\S]*?</label>`))?.[0] ?? '').trim();
    expect(label('mecanismo-stl-desempate')).toBe('Desempate (opcional)');
    expect(label('mecanismo-stl-desempate-sector')).toBe('Sector con voto de calidad (opcional)');
    expect(label('mecanismo-stl-avance')).toBe('Meses entre reportes de avance (opcional)');
  });
});

describe('the STL page’s mecanismo de gobernanza (guia-instalacion-stl.txt: "plena libertad para establecer pautas particulares")', () => {
  it('shows the mechanism in force in Spanish: tabla 2’s plain rule over the guide’s minimum has no casting vote', () => {
    const shown = text(governanceSection(stlFixture()));
    expect(shown).toContain('Mínimos de la guía');
    expect(shown).toContain('Sin voto de calidad: el empate no aprueba');
    expect(shown).toContain('5 días hábiles');
    expect(shown).toContain('Mayoría de representaciones activas');
    expect(shown).toContain('Adoptado en la integración del STL (etapa 9)');
    expect(shown).toContain('Reporte de avance de los compromisos Cada 2 meses: el mecanismo no fija otro periodo');
  });

  it('ends a version resting on a historical act with one period, however its justification ends', () => {
    const stl = stlFixture();
    const current = { ...stl.governance.current, basis: { kind: 'historico' as const, justification: 'Acta en papel.' } };
    const shown = text(governanceSection({ ...stl, governance: { ...stl.governance, current } }));
    expect(shown).toContain('Acto sin sesión registrada: Acta en papel. ');
    expect(shown).not.toContain('papel..');
  });

  it('shows the progress period the STL set: "Reportar periódicamente los avances" (mecanismo-gobernanza-edomex.md, cap. X, 3)', () => {
    const stl = stlFixture();
    const current = { ...stl.governance.current, mechanism: { ...stl.governance.current.mechanism, progress: { reportMonths: 3 } } };
    const shown = text(governanceSection({ ...stl, governance: { ...stl.governance, current } }));
    expect(shown).toContain('Reporte de avance de los compromisos Cada 3 meses (trimestre)');
  });

  it('warns of an act without a registered session and of a seat past its absences, and lists the versions', () => {
    const base = stlFixture().governance;
    const edomex = {
      version: 2,
      mechanism: edomex2019(),
      validFrom: '2026-10-23',
      validUntil: null,
      basis: { kind: 'historico', justification: 'Acta en papel' },
    } as const;
    const stl: StlSummary = stlFixture({
      governance: {
        ...base,
        current: edomex,
        history: [{ ...base.current, validUntil: '2026-10-23' }, edomex],
        actsWithoutSession: [
          { act: { kind: 'appoint_facilitador' }, on: '2026-11-02', justification: 'Designada en sesión sin acta' },
          { act: { kind: 'add_titular', memberId: '14-gobierno-2' }, on: '2026-11-03', justification: 'Electo en sesión sin acta' },
        ],
        removalSuggestions: [{ seatId: 's', titularId: 't', absences: ['a', 'b', 'c'], message: 'La representación de T suma 3 inasistencias seguidas.' }],
      },
    });
    const shown = text(governanceSection(stl, false, (memberId) => (memberId === '14-gobierno-2' ? 'Ana Ruiz' : undefined)));
    expect(shown).toContain('Acto sin sesión registrada: el nombramiento del facilitador');
    // People by name, not by id (issue 21).
    expect(shown).toContain('(«Ana Ruiz»)');
    expect(shown).not.toContain('14-gobierno-2');
    expect(shown).toContain('Designada en sesión sin acta');
    expect(shown).toContain('La representación de T suma 3 inasistencias seguidas.');
    expect(shown).toContain('Voto de calidad de sociedad civil');
    expect(shown).toContain('Versiones del mecanismo');
    // The suggestion is for a member to act on: who may record acts gets the way to the proposal's form.
    expect(governanceSection(stl, true).toString()).toContain('<a href="#form-remocion">Proponer la remoción</a>');
    expect(governanceSection(stl).toString()).not.toContain('href="#form-remocion"');
  });

  it('offers as the basis of an appointment only the approved decisions about it, or a justification', () => {
    const fields = reservedActFields('facilitador', stlFixture(), [held], 'appoint_facilitador').toString();
    expect(fields).toContain('Nombrar facilitadora a Ana Pérez');
    expect(fields).not.toContain('otra persona');
    expect(fields).not.toContain('Calendario de sesiones');
    expect(fields).toContain('name="historical.justification"');
    expect(reservedActFields('facilitador', stlFixture({ status: 'en_integracion' }), [held], 'appoint_facilitador').toString()).toBe('');
  });
});
