import { loadWorkerConfig } from './worker-config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/cocreacion' };

describe('loadWorkerConfig: e-mail settings', () => {
  it('defaults to a local SMTP server, a sender of the project and links to the local API', () => {
    expect(loadWorkerConfig(base).notifications).toEqual({
      smtpUrl: 'smtp://127.0.0.1:1025',
      mailFrom: '"Cocreación desde lo Local" <avisos@cocreacion.local>',
      publicBaseUrl: 'http://127.0.0.1:3000',
    });
  });

  it('takes SMTP_URL, MAIL_FROM and PUBLIC_BASE_URL from the environment', () => {
    const config = loadWorkerConfig({
      ...base,
      SMTP_URL: 'smtps://avisos:secreto@smtp.inai.org.mx:465',
      MAIL_FROM: 'Gobierno Abierto INAI <gobiernoabierto@inai.org.mx>',
      PUBLIC_BASE_URL: 'https://cocreacion.inai.org.mx',
    });
    expect(config.notifications).toEqual({
      smtpUrl: 'smtps://avisos:secreto@smtp.inai.org.mx:465',
      mailFrom: 'Gobierno Abierto INAI <gobiernoabierto@inai.org.mx>',
      publicBaseUrl: 'https://cocreacion.inai.org.mx',
    });
  });

  it('refuses to start with settings that could never send or link', () => {
    const load = () =>
      loadWorkerConfig({ ...base, SMTP_URL: 'http://mail', MAIL_FROM: 'avisos', PUBLIC_BASE_URL: 'cocreacion.inai.org.mx' });

    expect(load).toThrow('SMTP_URL must be a URL starting with smtp:// or smtps:// (got "http://mail")');
    expect(load).toThrow('MAIL_FROM must be an e-mail address, optionally with a name (got "avisos")');
    expect(load).toThrow('PUBLIC_BASE_URL must be a URL starting with http:// or https:// (got "cocreacion.inai.org.mx")');
  });
});
