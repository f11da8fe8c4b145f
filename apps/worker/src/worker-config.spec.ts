import { DEVELOPMENT_MAIL_LINK_SECRET } from '@app/notifications';
import { loadWorkerConfig } from './worker-config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/cocreacion', APP_MODE: 'development' };

describe('loadWorkerConfig: e-mail settings', () => {
  it('defaults to a local SMTP server, a sender of the project and links to the local API', () => {
    expect(loadWorkerConfig(base).notifications).toEqual({
      smtpUrl: 'smtp://127.0.0.1:1025',
      mailFrom: '"Cocreación desde lo Local" <avisos@cocreacion.local>',
      publicBaseUrl: 'http://127.0.0.1:3000',
      mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET,
    });
  });

  const production = {
    ...base,
    NODE_ENV: 'production',
    SMTP_URL: 'smtps://avisos:secreto@smtp.inai.org.mx:465',
    MAIL_FROM: 'Gobierno Abierto INAI <gobiernoabierto@inai.org.mx>',
    PUBLIC_BASE_URL: 'https://cocreacion.inai.org.mx',
    MAIL_LINK_SECRET: 'una-clave-para-firmar-los-enlaces-de-respuesta',
  };

  it('takes SMTP_URL, MAIL_FROM, PUBLIC_BASE_URL and MAIL_REPLY_TO from the environment', () => {
    const config = loadWorkerConfig({ ...production, MAIL_REPLY_TO: 'Coordinación <gobiernoabierto@inai.org.mx>' });
    expect(config.notifications).toEqual({
      smtpUrl: 'smtps://avisos:secreto@smtp.inai.org.mx:465',
      mailFrom: 'Gobierno Abierto INAI <gobiernoabierto@inai.org.mx>',
      publicBaseUrl: 'https://cocreacion.inai.org.mx',
      replyTo: 'Coordinación <gobiernoabierto@inai.org.mx>',
      mailLinkSecret: 'una-clave-para-firmar-los-enlaces-de-respuesta',
    });
  });

  it('in production signs the answer links only with a strong key of its own (MAIL_LINK_SECRET)', () => {
    const load = (env: NodeJS.ProcessEnv) => () => loadWorkerConfig({ ...production, ...env });

    expect(load({ MAIL_LINK_SECRET: '' })).toThrow('MAIL_LINK_SECRET is required');
    expect(load({ MAIL_LINK_SECRET: DEVELOPMENT_MAIL_LINK_SECRET })).toThrow('must not be the development default');
  });

  it('in production (anything but APP_MODE=development, or NODE_ENV=production) refuses the default sender and links to this machine', () => {
    const load = (env: NodeJS.ProcessEnv) => () => loadWorkerConfig({ ...production, ...env });

    expect(load({ MAIL_FROM: '', PUBLIC_BASE_URL: '' })).toThrow(
      'MAIL_FROM must be on a domain other mail servers can reach in production (got ""Cocreación desde lo Local" <avisos@cocreacion.local>")',
    );
    expect(load({ PUBLIC_BASE_URL: '' })).toThrow(
      'PUBLIC_BASE_URL must be the address recipients open, not this machine, in production (got "http://127.0.0.1:3000")',
    );
    for (const local of ['http://localhost:3000', 'https://[::1]/', 'http://tablero.localhost']) {
      expect(load({ PUBLIC_BASE_URL: local })).toThrow('PUBLIC_BASE_URL must be the address recipients open');
    }
    for (const sender of ['avisos@inai.test', 'avisos@[192.0.2.1]', 'avisos@servidor', 'avisos@correo.example']) {
      expect(load({ MAIL_FROM: sender })).toThrow('MAIL_FROM must be on a domain other mail servers can reach');
    }
    expect(load({})).not.toThrow();
  });

  it('only in development (APP_MODE=development, as npm start and the tests run) are the embedded defaults accepted', () => {
    expect(() => loadWorkerConfig({ ...base, NODE_ENV: 'test' })).not.toThrow();
    const { APP_MODE: _development, ...unset } = base;
    expect(() => loadWorkerConfig(unset)).toThrow('MAIL_FROM must be on a domain other mail servers can reach');
  });

  it('refuses a Reply-To that is not an address', () => {
    expect(() => loadWorkerConfig({ ...base, MAIL_REPLY_TO: 'coordinación' })).toThrow(
      'MAIL_REPLY_TO must be an e-mail address, optionally with a name (got "coordinación")',
    );
  });

  it('refuses to start with settings that could never send or link', () => {
    const load = () =>
      loadWorkerConfig({ ...base, SMTP_URL: 'http://mail', MAIL_FROM: 'avisos', PUBLIC_BASE_URL: 'cocreacion.inai.org.mx' });

    expect(load).toThrow('SMTP_URL must be a URL starting with smtp:// or smtps:// (got "http://mail")');
    expect(load).toThrow('MAIL_FROM must be an e-mail address, optionally with a name (got "avisos")');
    expect(load).toThrow('PUBLIC_BASE_URL must be a URL starting with http:// or https:// (got "cocreacion.inai.org.mx")');
  });
});
