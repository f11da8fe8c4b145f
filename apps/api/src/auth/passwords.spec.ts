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

  it('never holds the event loop: other work keeps running while three passwords are checked', async () => {
    let longestGapMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    await Promise.all([verifyPassword('x', stored), verifyPassword('y', stored), verifyPassword('z', undefined)]);
    const tookMs = performance.now() - started;
    clearInterval(ticker);

    // bcryptjs on the main thread works in slices of up to 100 ms; on threads the loop only waits for the timer.
    expect(tookMs).toBeGreaterThan(150);
    expect(longestGapMs).toBeLessThan(60);
  });
});
