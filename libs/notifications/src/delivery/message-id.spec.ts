import { messageIdFor, senderDomain } from './message-id';
import { describeSmtpFailure } from './smtp-failure';

describe('messageIdFor: the outbox row and the installation, nothing else (issue 22, item 1)', () => {
  const row = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
  const installation = 'a3b2c1d0-e9f8-4a7b-9c6d-5e4f3a2b1c0d';

  it('is a valid RFC 5322 msg-id with neither the event nor the recipient in it', () => {
    const id = messageIdFor(row, installation, 'inai.org.mx');

    expect(id).toBe(`<${row}.${installation}@inai.org.mx>`);
    expect(id.slice(1, -1)).toMatch(/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+@[A-Za-z0-9.-]+$/);
    expect(id).not.toMatch(/stl|Vacated|%40|ejemplo/);
  });

  it('differs between installations for the same row, and is the same for the same row (a resend after a crash)', () => {
    const other = '0d1c2b3a-4f5e-4d6c-8b7a-9f8e7d6c5b4a';
    expect(messageIdFor(row, installation, 'x.mx')).not.toBe(messageIdFor(row, other, 'x.mx'));
    expect(messageIdFor(row, installation, 'x.mx')).toBe(messageIdFor(row, installation, 'x.mx'));
  });

  it('takes the domain from the sender, with or without a display name', () => {
    expect(senderDomain('"Cocreación desde lo Local" <avisos@inai.org.mx>')).toBe('inai.org.mx');
    expect(senderDomain('avisos@cocreacion.local')).toBe('cocreacion.local');
  });
});

describe('describeSmtpFailure: why a message did not go, and whether to retry', () => {
  it('a server that is down is worth retrying', () => {
    const failure = describeSmtpFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), { code: 'ESOCKET' }));
    expect(failure).toEqual({ permanent: false, reason: 'No se pudo conectar con el servidor SMTP (ESOCKET): connect ECONNREFUSED 127.0.0.1:1025' });
  });

  it('a temporary refusal (4xx) is retried; a recipient refused for good (5xx on RCPT TO) is not', () => {
    const greylisted = { code: 'EMESSAGE', responseCode: 451, command: 'DATA', response: '451 4.7.1 Intente más tarde', message: 'x' };
    const unknownUser = { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 No such user', message: 'x' };

    expect(describeSmtpFailure(greylisted)).toEqual({ permanent: false, reason: 'El servidor SMTP rechazó el envío (451 en DATA): 451 4.7.1 Intente más tarde' });
    expect(describeSmtpFailure(unknownUser)).toEqual({ permanent: true, reason: 'El servidor SMTP rechazó el envío (550 en RCPT TO): 550 5.1.1 No such user' });
  });

  it('a refused sender, a refused message or bad credentials are permanent: retrying cannot fix them', () => {
    expect(describeSmtpFailure({ responseCode: 553, command: 'MAIL FROM', response: '553 sender rejected' }).permanent).toBe(true);
    expect(describeSmtpFailure({ code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 spam' }).permanent).toBe(true);
    expect(describeSmtpFailure({ code: 'EAUTH', command: 'API', message: 'Missing credentials for "PLAIN"' }).permanent).toBe(true);
    expect(describeSmtpFailure({ code: 'EAUTH', responseCode: 535, response: '535 bad credentials' })).toEqual({
      permanent: true,
      reason: 'El servidor SMTP rechazó las credenciales: 535 bad credentials',
    });
  });

  it('anything else is described by its message, and long reasons are cut', () => {
    expect(describeSmtpFailure('boom')).toEqual({ permanent: false, reason: 'No se pudo enviar: boom' });
    expect(describeSmtpFailure(new Error('x'.repeat(800))).reason).toHaveLength(500);
  });
});
