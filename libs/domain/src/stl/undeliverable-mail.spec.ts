import { type RegisteredStl } from './stl-state';
import { command, decideOn, edomexInstalled, given, NOW, stateOf } from './testing/stl-fixtures';

const REFUSED = 'El servidor SMTP rechazó las credenciales: 535 5.7.8 Authentication credentials invalid';
const report = (reportId: string, undeliverable = 3) =>
  command('ReportUndeliverableMail', { reportId, undeliverable, reason: REFUSED });
const reported = [...edomexInstalled, ...decideOn(edomexInstalled, [report('n-1')])];

describe('ReportUndeliverableMail (issue 13: mail never delivered reaches the coordinación)', () => {
  it('raises one escalation "correo no entregado" to the coordinación, with how many and why', () => {
    given(edomexInstalled)
      .when(report('n-1'))
      .then([
        {
          type: 'EscalationRaised',
          data: {
            deadlineId: 'correo-no-entregado:n-1',
            audience: ['coordinador'],
            escalation: {
              id: 'correo-no-entregado:n-1',
              kind: 'mail_undeliverable',
              level: 'coordinador',
              raisedAt: NOW,
              reason: `Correo no entregado: 3 correos de Estado de México no se pudieron entregar y no se reintentará. Motivo: ${REFUSED}`,
              status: 'abierta',
            },
          },
        },
      ]);
  });

  it('says "un correo" for one, and cuts a server reason longer than 300 characters', () => {
    const [event] = decideOn(edomexInstalled, [command('ReportUndeliverableMail', { reportId: 'n-9', undeliverable: 1, reason: 'x'.repeat(400) })]);
    const reason = (event.data as { escalation: { reason: string } }).escalation.reason;
    expect(reason).toMatch(/^Correo no entregado: Un correo de Estado de México no se pudo entregar y no se reintentará\. Motivo: x{299}…$/);
  });

  it('adds nothing while one is open, nor for the same report delivered twice', () => {
    given(reported).when(report('n-2')).then([]);
    given(reported).when(report('n-1')).then([]);
  });

  it('raises a new one once the coordinación resolved the previous, but never again for the same report', () => {
    const resolved = [
      ...reported,
      ...decideOn(reported, [command('ResolveEscalation', { escalationId: 'correo-no-entregado:n-1', resolution: 'Credenciales corregidas' })]),
    ];

    given(resolved).when(report('n-1')).then([]);
    const [raised] = decideOn(resolved, [report('n-7')]);
    expect(raised).toMatchObject({ type: 'EscalationRaised', data: { escalation: { id: 'correo-no-entregado:n-7', status: 'abierta' } } });
    expect((stateOf([...resolved, raised]) as RegisteredStl).escalations.map((escalation) => escalation.status)).toEqual(['resuelta', 'abierta']);
  });
});
