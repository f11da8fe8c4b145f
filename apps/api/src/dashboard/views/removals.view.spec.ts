import { type StlSessionView } from '@app/persistence';
import { removalProceedings } from '../read-model/removals';
import { removalsSection } from './removals.view';

const text = (html: { toString(): string }) =>
  html
    .toString()
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const added = (memberId: string, nombre: string) => ({ type: 'MemberAdded', data: { memberId, nombre, sector: 'gobierno', role: 'titular' } });
const proposed = (memberId: string, proposedOn: string) => ({
  type: 'RemovalProposed',
  data: { memberId, cause: 'incumplimiento_normas', proposedOn, proposedBy: '19-garante-1' },
});
const vote = { kind: 'decision', sessionId: '2026-11-20-1', decisionId: '1' };

const voting = Object.assign({} as StlSessionView, {
  sessionId: '2026-11-20-1',
  date: '2026-11-20',
  status: 'celebrada',
  decisions: [{ subject: 'Remoción de Luis Pérez', approved: true, act: { kind: 'remove_member', memberId: '19-gobierno-2' }, votes: [] }],
});

// mecanismo-gobernanza-edomex.md, cap. III, 5: "alguno de los integrantes del STL propondrán la remoción del cargo y
// ésta será votada en la siguiente sesión".
describe('removal proceedings on the state page', () => {
  it('tells each proceeding from the log by the names of the people, even after the member left the STL', () => {
    const events = [
      added('19-garante-1', 'Ana Ruiz'),
      added('19-gobierno-2', 'Luis Pérez'),
      proposed('19-gobierno-2', '2026-11-10'),
      { type: 'RemovalDecided', data: { memberId: '19-gobierno-2', approved: true, sessionId: '2026-11-20-1', decidedOn: '2026-11-20', basis: vote } },
      { type: 'MemberRemoved', data: { memberId: '19-gobierno-2', on: '2026-11-20', cause: 'incumplimiento_normas' } },
    ];

    expect(removalProceedings(events)).toEqual([
      {
        memberId: '19-gobierno-2',
        nombre: 'Luis Pérez',
        cause: 'incumplimiento_normas',
        proposedOn: '2026-11-10',
        proposedBy: 'Ana Ruiz',
        decision: { approved: true, decidedOn: '2026-11-20', sessionId: '2026-11-20-1', basis: vote },
        removedOn: '2026-11-20',
      },
    ]);
    const shown = text(removalsSection(removalProceedings(events), [voting], true));
    expect(shown).toContain('Luis Pérez Incumplimiento de las normas del STL 10 de noviembre de 2026 Propuso: Ana Ruiz');
    expect(shown).toContain('Removido el 20 de noviembre de 2026 Acuerdo 1 de la sesión del 20 de noviembre de 2026');
  });

  it('keeps a rejected proposal apart from a later one about the same member', () => {
    const events = [
      added('19-gobierno-2', 'Luis Pérez'),
      proposed('19-gobierno-2', '2026-09-01'),
      { type: 'RemovalDecided', data: { memberId: '19-gobierno-2', approved: false, sessionId: '2026-09-10-1', decidedOn: '2026-09-10', basis: { ...vote, sessionId: '2026-09-10-1' } } },
      proposed('19-gobierno-2', '2026-11-10'),
    ];

    const proceedings = removalProceedings(events);

    expect(proceedings.map((proceeding) => [proceeding.proposedOn, proceeding.decision?.approved])).toEqual([
      ['2026-09-01', false],
      ['2026-11-10', undefined],
    ]);
  });

  it('says what an open proceeding waits for, and links the form that records it only for who may act', () => {
    const pending = removalProceedings([added('19-gobierno-2', 'Luis Pérez'), proposed('19-gobierno-2', '2026-11-10')]);
    const before = { ...voting, date: '2026-11-05' } as StlSessionView;

    const waiting = removalsSection(pending, [before], true).toString();
    const voted = removalsSection(pending, [voting], true).toString();
    const readOnly = removalsSection(pending, [voting], false).toString();

    expect(text(waiting)).toContain('Pendiente La vota el STL en una sesión posterior al 10 de noviembre de 2026');
    expect(waiting).toContain('href="#sesiones"');
    expect(text(voted)).toContain('Votada Acuerdo 1 de la sesión del 20 de noviembre de 2026: aprobada.');
    expect(voted).toContain('href="#form-remocion-decision"');
    expect(readOnly).not.toContain('<a href');
  });

  it('shows nothing for an STL that never proposed a removal', () => {
    expect(removalsSection(removalProceedings([added('19-gobierno-2', 'Luis Pérez')]), [voting], true).toString()).toBe('');
  });
});
