import { DEFAULT_DEMO_PASSWORD, DEVELOPMENT_JWT_SECRET, loadApiConfig, parseDuration } from '../config/api-config';

const DATABASE = { DATABASE_URL: 'postgres://localhost/cocreacion' };
const STRONG_SECRET = 'k3Jq9v2XbT7mN4pR8sW1yZ6cF0hL5dGa';
const DEVELOPMENT = { ...DATABASE, APP_MODE: 'development' };

describe('authentication settings, validated at boot', () => {
  it('runs in development, when asked for by name, on a development secret, 8-hour tokens and the demo accounts', () => {
    const config = loadApiConfig({ ...DEVELOPMENT });

    expect(config).toMatchObject({
      production: false,
      jwtSecret: DEVELOPMENT_JWT_SECRET,
      jwtTtlSeconds: 8 * 3_600,
      demoPassword: DEFAULT_DEMO_PASSWORD,
      seedDemoUsers: true,
    });
  });

  it('takes JWT_SECRET, JWT_TTL and DEMO_PASSWORD from the environment', () => {
    const config = loadApiConfig({ ...DEVELOPMENT, JWT_SECRET: 'otra', JWT_TTL: '30m', DEMO_PASSWORD: 'prueba' });

    expect(config).toMatchObject({ jwtSecret: 'otra', jwtTtlSeconds: 1_800, demoPassword: 'prueba' });
  });

  it('refuses to start in production without a JWT_SECRET', () => {
    expect(() => loadApiConfig({ ...DATABASE, NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required outside development/);
  });

  it.each([{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }, { APP_MODE: 'production' }])(
    'is production, refusing to start without a secret, whenever development is not asked for by name (%j)',
    (env) => {
      expect(() => loadApiConfig({ ...DATABASE, ...env })).toThrow(/JWT_SECRET is required outside development \(APP_MODE=development/);
      expect(loadApiConfig({ ...DATABASE, ...env, JWT_SECRET: STRONG_SECRET, MAIL_LINK_SECRET: STRONG_SECRET.split('').reverse().join('') })).toMatchObject({
        production: true,
        seedDemoUsers: false,
      });
    },
  );

  it('lets NODE_ENV=production win over APP_MODE=development, and refuses an unknown mode', () => {
    expect(() => loadApiConfig({ ...DEVELOPMENT, NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required outside development/);
    expect(() => loadApiConfig({ ...DATABASE, APP_MODE: 'demo', JWT_SECRET: STRONG_SECRET })).toThrow(/APP_MODE must be/);
  });

  it.each([
    [undefined, false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.5, loopback', '10.0.0.5,loopback'],
    ['172.18.0.0/16', '172.18.0.0/16'],
  ])('reads TRUST_PROXY=%s as %j', (raw, expected) => {
    expect(loadApiConfig({ ...DEVELOPMENT, ...(raw === undefined ? {} : { TRUST_PROXY: raw }) }).trustProxy).toEqual(expected);
  });

  it('refuses a TRUST_PROXY that would trust any client (true) or that it cannot read', () => {
    expect(() => loadApiConfig({ ...DEVELOPMENT, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be/);
    expect(() => loadApiConfig({ ...DEVELOPMENT, TRUST_PROXY: 'proxy.local' })).toThrow(/TRUST_PROXY must be/);
  });

  it('refuses to start in production with the development secret or a short one', () => {
    expect(() => loadApiConfig({ ...DATABASE, NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      /must not be the development default/,
    );
    expect(() => loadApiConfig({ ...DATABASE, NODE_ENV: 'production', JWT_SECRET: 'corta' })).toThrow(/at least 32 characters/);
  });

  it('starts in production with a strong secret, and seeds no accounts there', () => {
    const mailLinks = 'otra-clave-fuerte-para-los-enlaces-de-correo';
    const config = loadApiConfig({ ...DATABASE, NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, MAIL_LINK_SECRET: mailLinks });

    expect(config).toMatchObject({ production: true, jwtSecret: STRONG_SECRET, mailLinkSecret: mailLinks, seedDemoUsers: false });
    expect(() => loadApiConfig({ ...DATABASE, NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET })).toThrow(/MAIL_LINK_SECRET is required/);
  });

  it('names a JWT_TTL it cannot read', () => {
    expect(() => loadApiConfig({ ...DEVELOPMENT, JWT_TTL: 'ocho horas' })).toThrow(/JWT_TTL must be a duration/);
    expect(() => loadApiConfig({ ...DEVELOPMENT, JWT_TTL: '0h' })).toThrow(/JWT_TTL/);
  });

  it.each([
    ['3600', 3_600],
    ['90s', 90],
    ['15m', 900],
    ['8h', 28_800],
    ['1d', 86_400],
  ])('reads the duration %s as %i seconds', (raw, seconds) => {
    expect(parseDuration(raw)).toBe(seconds);
  });

  it.each(['', 'h', '8 horas', '-1h', '1.5h', '2w'])('refuses the duration "%s"', (raw) => {
    expect(parseDuration(raw)).toBeUndefined();
  });
});
