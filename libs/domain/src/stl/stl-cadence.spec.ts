import { businessCalendar, noticeDeadline } from '../calendar/business-calendar';
import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { addDays } from '../shared/local-date';
import { nextSessionDueOn, plannedDeadlines, stlDeadlines } from './stl-deadlines';
import { type StlInstalado } from './stl-state';
import { type StlEvent } from './stl-events';
import {
  command,
  decideOn,
  deadlinesOf,
  edomexInstalled,
  fired,
  given,
  heldSession,
  ids,
  on,
  stateOf,
} from './testing/stl-fixtures';

describe('Bimonthly cadence (mecanismo-gobernanza-edomex.md, cap. VI, 5: cuando menos una vez al bimestre)', () => {
  const cadence = (events: readonly StlEvent[]) => ids(events).filter((id) => id.startsWith('cadencia'));

  it('reminds to convene 10 business days before the mark and escalates at the mark, with Spanish texts', () => {
    const planned = plannedDeadlines(stateOf(edomexInstalled), DEFAULT_DEADLINE_POLICY).filter((item) =>
      item.deadline.id.startsWith('cadencia'),
    );
    expect(planned.map((item) => item.text(item.deadline.dueOn))).toEqual([
      'El STL de Estado de México debe sesionar a más tardar el domingo 1 de noviembre de 2026 (sesión bimestral): ' +
        'convoque a más tardar el lunes 26 de octubre de 2026.',
      'El STL de Estado de México no ha sesionado desde su instalación, el martes 1 de septiembre de 2026: ' +
        'la sesión bimestral vencía el domingo 1 de noviembre de 2026.',
    ]);
  });

  it('a session convened for a date on or before the mark covers the period', () => {
    const convened = [
      ...edomexInstalled,
      ...decideOn(edomexInstalled, [
        command(
          'ConveneSession',
          { sessionId: 's1', date: '2026-10-28', kind: 'ordinaria', convokedOn: '2026-10-14', agenda: ['PAL'] },
          on('2026-10-14'),
        ),
      ]),
    ];
    expect(cadence(convened)).toEqual([]);
    const tooLate = [
      ...edomexInstalled,
      ...decideOn(edomexInstalled, [
        command(
          'ConveneSession',
          { sessionId: 's1', date: '2026-11-18', kind: 'ordinaria', convokedOn: '2026-10-14', agenda: ['PAL'] },
          on('2026-10-14'),
        ),
      ]),
    ];
    expect(cadence(tooLate)).toEqual(['cadencia:2026-09-01:recordatorio', 'cadencia:2026-09-01:escalamiento']);
  });

  it('a session held with quorum resets the cadence from its date', () => {
    const held = heldSession(edomexInstalled, 's1', '2026-10-28', ['gob-1', 'sc-1', 'gar-1']);
    expect(deadlinesOf(held).filter((deadline) => deadline.id.startsWith('cadencia'))).toEqual([
      expect.objectContaining({
        id: 'cadencia:2026-10-28:recordatorio',
        dueOn: '2026-12-11',
        dueAt: '2026-12-11T15:00:00.000Z',
      }),
      expect.objectContaining({
        id: 'cadencia:2026-10-28:escalamiento',
        dueOn: '2026-12-28',
        dueAt: '2026-12-28T15:00:00.000Z',
      }),
    ]);
  });

  it('a session without quorum or a cancelled one does not count: the period is uncovered again', () => {
    const noQuorum = heldSession(edomexInstalled, 's1', '2026-10-28', ['gob-1']);
    expect(cadence(noQuorum)).toEqual(['cadencia:2026-09-01:recordatorio', 'cadencia:2026-09-01:escalamiento']);
    const convened = [
      ...edomexInstalled,
      ...decideOn(edomexInstalled, [
        command(
          'ConveneSession',
          { sessionId: 's1', date: '2026-10-28', kind: 'ordinaria', convokedOn: '2026-10-14', agenda: ['PAL'] },
          on('2026-10-14'),
        ),
        command('CancelSession', { sessionId: 's1', reason: 'Sin sede' }, on('2026-10-20')),
      ]),
    ];
    expect(cadence(convened)).toEqual(['cadencia:2026-09-01:recordatorio', 'cadencia:2026-09-01:escalamiento']);
  });

  it('convening a session resolves the open cadence escalation', () => {
    const escalated = fired(edomexInstalled, 'cadencia:2026-09-01:escalamiento', '2026-11-01T15:00:00.000Z');
    const [, resolved] = given(escalated).when(
      command('ConveneSession', {
        sessionId: 's1',
        date: '2026-11-30',
        kind: 'ordinaria',
        convokedOn: '2026-11-23',
        agenda: ['PAL'],
      }),
    ).decision as StlEvent[];
    expect(resolved).toEqual({
      type: 'EscalationResolved',
      data: {
        escalationId: 'cadencia:2026-09-01:escalamiento',
        at: '2026-11-23T16:00:00.000Z',
        resolution: 'Se convocó la sesión ordinaria del lunes 30 de noviembre de 2026.',
      },
    });
  });
});

describe('deadlines that count business days never fall on a rest day (issue 22, item 9)', () => {
  const federal = businessCalendar();
  const installations = Array.from({ length: 731 }, (_, day) => addDays('2026-01-01', day));

  it('for an STL installed on any day of 2026 and 2027, the reminder to convene and the last day to convene are business days', () => {
    const onRestDays = installations.flatMap((installedOn) => {
      const state = stateOf(edomexInstalled.map((event) => (event.type === 'StlInstalled' ? { ...event, data: { ...event.data, installedOn } } : event)));
      const reminder = stlDeadlines(state, DEFAULT_DEADLINE_POLICY).find((deadline) => deadline.kind === 'cadence_reminder')!;
      const convokeBy = noticeDeadline(nextSessionDueOn(state as StlInstalado, DEFAULT_DEADLINE_POLICY), federal);
      return [reminder.dueOn, convokeBy].filter((date) => !federal.isBusinessDay(date)).map((date) => `${installedOn}: ${date}`);
    });

    expect(onRestDays).toEqual([]);
    expect(federal.isBusinessDay('2027-01-01')).toBe(false);
  });
});
