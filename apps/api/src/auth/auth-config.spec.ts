import { DEFAULT_DEMO_PASSWORD, DEVELOPMENT_JWT_SECRET, loadApiConfig, parseDuration } from '../config/api-config';

const DATABASE = { DATABASE_URL: 'postgres://localhost/cocreacion' };
const STRONG_SECRET = 'k3Jq9v2XbT7mN4pR8sW1yZ6cF0hL5dGa';

describe('authentication settings, validated at boot', () => {
  it('runs in development on a development secret, 8-hour tokens and the demo accounts', () => {
    const config = loadApiConfig({ ...DATABASE });

    expect(config).toMatchObject({
      production: false,
      jwtSecret: DEVELOPMENT_JWT_SECRET,
      jwtTtlSeconds: 8 * 3_600,
      demoPassword: DEFAULT_DEMO_PASSWORD,
      seedDemoUsers: true,
    });
  });

  it('takes JWT_SECRET, JWT_TTL and DEMO_PASSWORD from the environment', () => {
    const config = loadApiConfig({ ...DATABASE, JWT_SECRET: 'otra', JWT_TTL: '30m', DEMO_PASSWORD: 'prueba' });

    expect(config).toMatchObject({ jwtSecret: 'otra', jwtTtlSeconds: 1_800, demoPassword: 'prueba' });
  });

  it('refuses to start in production without a JWT_SECRET', () => {
    expect(() => loadApiConfig({ ...DATABASE, NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required when NODE_ENV=production/);
  });

  it('refuses to start in production with the development secret or a short one', () => {
    expect(() => loadApiConfig({ ...DATABASE, NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      /must not be the development default/,
    );
    expect(() => loadApiConfig({ ...DATABASE, NODE_ENV: 'production', JWT_SECRET: 'corta' })).toThrow(/at least 32 characters/);
  });

  it('starts in production with a strong secret, and seeds no accounts there', () => {
    const config = loadApiConfig({ ...DATABASE, NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET });

    expect(config).toMatchObject({ production: true, jwtSecret: STRONG_SECRET, seedDemoUsers: false });
  });

  it('names a JWT_TTL it cannot read', () => {
    expect(() => loadApiConfig({ ...DATABASE, JWT_TTL: 'ocho horas' })).toThrow(/JWT_TTL must be a duration/);
    expect(() => loadApiConfig({ ...DATABASE, JWT_TTL: '0h' })).toThrow(/JWT_TTL/);
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
