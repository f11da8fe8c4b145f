import { cincoCompromisos } from '../test-support/exercise-fixtures';
import {
  type CommitmentInput,
  contentViolations,
  draftViolations,
  palViolations,
  toCommitment,
} from './commitment-rules';

const codes = (violations: readonly { code: string }[]) => violations.map((violation) => violation.code);

describe('PAL structure (articulo-gobiernos-abiertos-subnacionales.txt: 2 agenda nacional + 2 problemas locales + 1 Follow The Money)', () => {
  it('accepts exactly the minimum of five commitments', () => {
    expect(palViolations(cincoCompromisos)).toEqual([]);
  });

  it('lists every shortfall at once, in Spanish', () => {
    const fourNational = Array.from({ length: 4 }, (_, index) => ({ ...cincoCompromisos[0], id: `N${index}` }));
    const violations = palViolations(fourNational);
    expect(codes(violations)).toEqual([
      'PAL_TOO_FEW_COMMITMENTS',
      'PAL_TOO_FEW_PROBLEMA_LOCAL',
      'PAL_TOO_FEW_FOLLOW_THE_MONEY',
    ]);
    expect(violations[0].message).toBe('El PAL requiere al menos 5 compromisos; tiene 4.');
  });

  it('counts each commitment under its one kind: a sixth national-agenda commitment does not stand in for a local one', () => {
    const six = [
      ...cincoCompromisos.slice(0, 3),
      { ...cincoCompromisos[0], id: 'C6' },
      cincoCompromisos[4],
      { ...cincoCompromisos[1], id: 'C7' },
    ];
    expect(codes(palViolations(six))).toEqual(['PAL_TOO_FEW_PROBLEMA_LOCAL']);
  });
});

describe('Each commitment with activities, products, indicators (seis-pasos-2016.txt, paso 4) and responsibles', () => {
  it('names the commitment and what it lacks', () => {
    const bare: CommitmentInput = {
      id: 'C9',
      title: 'Parques',
      kind: 'problema_local',
      activities: [],
      products: ['  '],
      indicators: undefined as unknown as string[],
      responsibles: [],
    };
    const violations = contentViolations([bare]);
    expect(codes(violations)).toEqual([
      'COMMITMENT_ACTIVITIES_MISSING',
      'COMMITMENT_PRODUCTS_MISSING',
      'COMMITMENT_INDICATORS_MISSING',
      'COMMITMENT_RESPONSIBLES_MISSING',
    ]);
    expect(violations[2]).toEqual({
      code: 'COMMITMENT_INDICATORS_MISSING',
      message: 'El compromiso C9 no define indicadores de desempeño.',
      commitmentId: 'C9',
    });
  });
});

describe('Drafts from the mesas', () => {
  it('need an id of their own, a title, a known kind and, when given, a completion on the IRM scale', () => {
    const drafts = [
      { ...cincoCompromisos[0], id: ' ' },
      { ...cincoCompromisos[1], id: 'C1' },
      { ...cincoCompromisos[2], id: 'C1', title: '', kind: 'salud' as never, completion: 'casi' as never },
    ];
    const violations = draftViolations(drafts);
    expect(codes(violations)).toEqual([
      'COMMITMENT_ID_MISSING',
      'COMMITMENT_ID_DUPLICATED',
      'COMMITMENT_TITLE_MISSING',
      'COMMITMENT_KIND_INVALID',
      'COMMITMENT_COMPLETION_INVALID',
    ]);
    expect(violations[0]).toEqual({
      code: 'COMMITMENT_ID_MISSING',
      message: 'El compromiso n.º 1 no tiene identificador.',
    });
  });

  it('start as not_started unless a completion is given', () => {
    expect(toCommitment(cincoCompromisos[0]).completion).toBe('not_started');
    expect(toCommitment({ ...cincoCompromisos[0], completion: 'limited' }).completion).toBe('limited');
  });
});
