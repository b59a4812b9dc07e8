import { metadataSymbol } from './decoration-metadata.js';

/**
 * Where a decorated member lives: its class and member name, as used in operation names (`Trainer.trainStep`)
 * and warnings. Legacy decorators know the class when they run; standard decorators only see the member name
 * and the class's metadata object, so the class is found later, from the first `this` the member sees
 * (an initializer at construction, or the first call), by walking the constructor chain up to the class whose
 * own `Symbol.metadata` is that object. That finds the declaring class even when a subclass instance comes first.
 */
export class MemberSite {
  private className: string | undefined;

  constructor(
    readonly memberName: string,
    className: string | undefined,
    private readonly metadata: object | undefined = undefined,
    private readonly isStatic = false,
  ) {
    this.className = className;
  }

  get resolved(): boolean {
    return this.className !== undefined;
  }

  /** Resolves the class name from `self` (the instance, or the class for static members) if not yet known. */
  resolve(self: unknown): void {
    if (this.className === undefined) this.className = declaringClassName(self, this.metadata, this.isStatic);
  }

  /** `ClassName.member`, resolving the class from `self` on first use. */
  label(self: unknown): string {
    this.resolve(self);
    return `${this.className}.${this.memberName}`;
  }
}

/** `name` for a string key, `[description]` for a symbol key (as V8 names symbol-keyed methods). */
export function memberNameOf(key: string | symbol): string {
  return typeof key === 'symbol' ? `[${key.description ?? ''}]` : key;
}

/** The name of a class from a legacy decorator's target: the prototype for instance members, the class for static. */
export function classNameOfTarget(target: object): string {
  if (typeof target === 'function') return target.name || 'anonymous';
  const ctor = (target as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name ? ctor.name : 'anonymous';
}

function declaringClassName(self: unknown, metadata: object | undefined, isStatic: boolean): string {
  let ctor: unknown;
  if (isStatic) ctor = self;
  else if (self !== null && self !== undefined) ctor = (self as { constructor?: unknown }).constructor;
  const first = ctor;
  if (metadata !== undefined) {
    while (typeof ctor === 'function') {
      if (
        Object.hasOwn(ctor, metadataSymbol) &&
        (ctor as unknown as Record<symbol, unknown>)[metadataSymbol] === metadata
      ) {
        return ctor.name || 'anonymous';
      }
      ctor = Object.getPrototypeOf(ctor);
    }
  }
  return typeof first === 'function' && first.name ? first.name : 'anonymous';
}
