/**
 * A small seeded generator (mulberry32). Its whole state is one number kept inside the provider's
 * state, so a sandbox reloaded from a state file continues the sequence instead of repeating ids.
 */
export interface RandomState {
  randomState: number;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';

/** FNV-1a of `<seed>:<label>`: one independent stream per provider and purpose. */
export function streamSeed(seed: number, label: string): number {
  let hash = 2166136261;
  for (const char of `${seed}:${label}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash;
}

export class Random {
  readonly #holder: RandomState;

  constructor(holder: RandomState) {
    this.#holder = holder;
  }

  static seeded(seed: number, label: string): Random {
    return new Random({ randomState: streamSeed(seed, label) });
  }

  /** Where the sequence stands (what a state file stores). */
  get position(): number {
    return this.#holder.randomState;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#holder.randomState = (this.#holder.randomState + 0x6d2b79f5) >>> 0;
    let t = this.#holder.randomState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return probability > 0 && this.next() < probability;
  }

  #pick(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** Decimal digits, the first one non-zero. */
  digits(length: number): string {
    return String(this.integer(1, 9)) + this.#pick('0123456789', length - 1);
  }

  alphanumeric(length: number): string {
    return this.#pick(ALPHANUMERIC, length);
  }

  hex(length: number): string {
    return this.#pick(HEX, length);
  }

  /** A version-4 UUID. */
  uuid(): string {
    const hex = this.hex(32);
    const variant = '89ab'[this.integer(0, 3)];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
