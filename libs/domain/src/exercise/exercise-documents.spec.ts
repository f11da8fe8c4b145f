import {
  commandOn,
  FACILITADOR_KNOWN_ON,
  given,
  jaliscoIniciado,
  jaliscoIntegrado,
  jaliscoStlInstalado,
  MG_ADOPTED_ON,
  noonOf,
  recordAnnualAgenda,
  recordGovernanceMechanism,
  stageDate,
  stlConFacilitador,
} from '../test-support/exercise-fixtures';

describe('RecordGovernanceMechanism and RecordAnnualAgenda (mecanismo-gobernanza-edomex.md)', () => {
  it('records the documents; the same document again records nothing', () => {
    given(jaliscoStlInstalado)
      .when(recordGovernanceMechanism)
      .then([
        {
          type: 'GovernanceMechanismRecorded',
          data: { ...recordGovernanceMechanism.data, recordedAt: noonOf('2026-03-04') },
        },
      ]);
    given(jaliscoIntegrado).when(recordGovernanceMechanism).then([]);
    given(jaliscoIntegrado).when(recordAnnualAgenda).then([]);
  });

  it('records an amended document as a new fact', () => {
    const amended = commandOn('2026-06-01', 'RecordAnnualAgenda', {
      adoptedOn: '2026-06-01',
      documentUrl: 'https://itei.org.mx/agenda-v2.pdf',
    });
    expect(given(jaliscoIntegrado).when(amended).decision).toEqual([
      { type: 'AnnualAgendaRecorded', data: { ...amended.data, recordedAt: noonOf('2026-06-01') } },
    ]);
  });

  it('refuses a document that is not a link, a future adoption or a malformed date', () => {
    const at = (data: { adoptedOn: string; documentUrl: string }) =>
      commandOn(MG_ADOPTED_ON, 'RecordGovernanceMechanism', data);
    given(jaliscoIniciado)
      .when(at({ adoptedOn: MG_ADOPTED_ON, documentUrl: 'mecanismo.docx' }))
      .then('INVALID_URL');
    given(jaliscoIniciado)
      .when(at({ adoptedOn: '2026-03-01', documentUrl: 'https://a.mx/mg.pdf' }))
      .then('DATE_IN_FUTURE');
    given(jaliscoIniciado)
      .when(
        commandOn(MG_ADOPTED_ON, 'RecordAnnualAgenda', { adoptedOn: '2026-13-01', documentUrl: 'https://a.mx/a.pdf' }),
      )
      .then('INVALID_DATE');
  });
});

describe('RecordStlStatus (sent by the STL workflow whenever its status changes)', () => {
  it('records nothing when nothing changed', () => {
    given(jaliscoIntegrado).when(stlConFacilitador).then([]);
  });

  it('treats a missing facilitador as a vacant post', () => {
    const status = commandOn(stageDate(10), 'RecordStlStatus', { installedOn: stageDate(10) } as never);
    expect(given(jaliscoStlInstalado).when(status).decision).toEqual([
      {
        type: 'StlStatusRecorded',
        data: { installedOn: stageDate(10), facilitador: null, recordedAt: noonOf(stageDate(10)) },
      },
    ]);
  });

  it('refuses a facilitador without a name (INVALID_FACILITADOR) and malformed dates (INVALID_DATE)', () => {
    given(jaliscoStlInstalado)
      .when(commandOn(stageDate(10), 'RecordStlStatus', { facilitador: { nombre: ' ' } }))
      .then('INVALID_FACILITADOR');
    given(jaliscoStlInstalado)
      .when(commandOn(stageDate(10), 'RecordStlStatus', { facilitador: null, nextSessionDueOn: 'bimestral' }))
      .then('INVALID_DATE');
  });

  it('dates the facilitador from their first report, not from later reports of the same person', () => {
    const nextSession = commandOn('2026-05-03', 'RecordStlStatus', {
      ...stlConFacilitador.data,
      lastSessionOn: '2026-05-03',
    });
    const state = given(jaliscoIntegrado)
      .when(nextSession)
      .then([{ type: 'StlStatusRecorded', data: { ...nextSession.data, recordedAt: noonOf('2026-05-03') } }]);
    expect(state.status === 'open' && state.facilitadorKnownOn).toBe(FACILITADOR_KNOWN_ON);
  });
});
