/**
 * mulberry32: a tiny generator whose whole state is one 32-bit number, so a seed reproduces every draw on any
 * machine (Math.random cannot be seeded).
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator of its own for one part of the scenario: adding a state never shifts another state's draws. */
  static forPart(seed: number, part: string): SeededRandom {
    let hash = seed >>> 0;
    for (const char of part) hash = Math.imul(hash ^ char.charCodeAt(0), 0x5bd1e995) >>> 0;
    return new SeededRandom(hash ^ (hash >>> 15));
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Each item kept with `probability`, in order. */
  subset<T>(items: readonly T[], probability: number): T[] {
    return items.filter(() => this.chance(probability));
  }
}
