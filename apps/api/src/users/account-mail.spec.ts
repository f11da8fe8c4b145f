import { accountMail } from './account-mail';

const LINK = 'https://cocreacion.example.org/tablero/contrasena?token=abc_DEF-123';

describe('the invitation and reset e-mails', () => {
  it('invite in Spanish, with the one-time link and its 72 hours, in text and HTML', () => {
    const mail = accountMail({
      purpose: 'invitation',
      to: { name: 'Instituto de Transparencia de Jalisco <ITEI>', address: 'itei@ejemplo.mx' },
      username: 'garante-14',
      link: LINK,
      from: 'Cocreación <avisos@cocreacion.local>',
    });

    expect(mail.subject).toBe('Su cuenta en Cocreación desde lo Local');
    expect(mail.text).toContain('Se creó para usted la cuenta «garante-14»');
    expect(mail.text).toContain(`${LINK}\n`);
    expect(mail.text).toContain('sirve una sola vez y vence en 72 horas');
    expect(mail.html).toContain(`<a href="${LINK}">`);
    expect(mail.html).toContain('Jalisco &lt;ITEI&gt;');
    expect(mail.html).not.toContain('<ITEI>');
  });

  it('reset: says the current password still works if the person did not ask', () => {
    const mail = accountMail({ purpose: 'reset', to: { name: 'ITEI', address: 'itei@ejemplo.mx' }, username: 'garante-14', link: LINK, from: 'x@y.mx' });

    expect(mail.subject).toBe('Restablecer su contraseña de Cocreación desde lo Local');
    expect(mail.text).toContain('su contraseña actual sigue vigente');
  });

  it('ends its Message-ID with the sender’s domain, as every other e-mail of the installation', () => {
    const mail = accountMail({ purpose: 'invitation', to: { name: 'ITEI', address: 'itei@ejemplo.mx' }, username: 'garante-14', link: LINK, from: '"Gobierno Abierto" <avisos@inai.org.mx>' });

    expect(mail.messageId).toMatch(/^<cuenta-[0-9a-f-]{36}@inai\.org\.mx>$/);
  });
});
