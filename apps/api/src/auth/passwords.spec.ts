import { getRounds } from 'bcryptjs';
import { BCRYPT_COST, hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  let stored: string;

  beforeAll(async () => {
    stored = await hashPassword('cocreacion');
  });

  it('are stored as salted bcrypt hashes at the configured cost', async () => {
    expect(stored).toMatch(/^\$2b\$12\$/);
    expect(getRounds(stored)).toBe(BCRYPT_COST);
    expect(await hashPassword('cocreacion')).not.toBe(stored);
  });

  it('match only the right password', async () => {
    expect(await verifyPassword('cocreacion', stored)).toBe(true);
    expect(await verifyPassword('Cocreacion', stored)).toBe(false);
  });

  it('never match when there is no account, yet do the same work', async () => {
    expect(await verifyPassword('cocreacion', undefined)).toBe(false);
  });

  it('refuses to hash what bcrypt would silently truncate', async () => {
    await expect(hashPassword('ñ'.repeat(37))).rejects.toThrow(RangeError);
  });

  it('never holds the event loop: the main thread stays idle while three passwords are checked', async () => {
    const before = performance.eventLoopUtilization();
    const started = performance.now();
    await Promise.all([verifyPassword('x', stored), verifyPassword('y', stored), verifyPassword('z', undefined)]);
    const tookMs = performance.now() - started;
    const { utilization } = performance.eventLoopUtilization(before);

    // bcryptjs on the main thread keeps the loop busy for the whole check (utilization near 1); on threads it waits.
    expect(tookMs).toBeGreaterThan(150);
    expect(utilization).toBeLessThan(0.3);
  });
});
