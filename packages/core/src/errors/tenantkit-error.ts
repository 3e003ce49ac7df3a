/**
 * One error hierarchy for every tenantkit client. `instanceof` works across packages and across
 * duplicate copies of this module (ESM + CJS, two versions): classes match on a global brand,
 * not on object identity.
 */
const BRANDS = Symbol.for('@tenantkit/core:error-brands');

/**
 * A provider's name. Any string: core sits below the provider packages and cannot list them (the
 * facade's registry can: its `Provider` type is the closed union).
 */
export type ProviderName = string;
export type OperationKind = 'create' | 'read' | 'update' | 'delete';

export class TenantkitError extends Error {
  static readonly brand: string = 'TenantkitError';

  /** `this` is the class `instanceof` asks about (usually a subclass), hence biome.json's override. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const brands = (value as { [BRANDS]?: ReadonlySet<string> })[BRANDS];
    return brands
      ? brands.has(this.brand)
      : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const brands = new Set<string>();
    for (
      let ctor: unknown = new.target;
      // Stryker disable next-line ConditionalExpression: either test alone ends the walk, no brand missed (Error, Function.prototype own none); a `false` walk is also caught by the brand tests
      typeof ctor === 'function' && ctor !== Error;
      ctor = Object.getPrototypeOf(ctor)
    ) {
      // Stryker disable next-line ConditionalExpression: adding an inherited brand again changes nothing (a Set)
      if (Object.hasOwn(ctor, 'brand')) brands.add((ctor as typeof TenantkitError).brand);
    }
    Object.defineProperty(this, BRANDS, { value: brands });
    Object.defineProperty(this, 'name', {
      value: new.target.name,
      enumerable: false,
      configurable: true,
    });
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) out[key] = value;
    return out;
  }
}
