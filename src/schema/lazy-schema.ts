// Building a zod schema costs tens of microseconds per field, and the exported schemas together
// took a third of the time `import` of the package spent on its own code. A schema exported as a
// lazy stand-in is built on its first use: every property read, `in`, key listing, prototype and
// `instanceof` check goes to the built schema, so it is used (parsed with, composed into other
// schemas, extended) exactly as the schema itself, and its type is the schema's own.
import { cached } from '../cached.js';

/**
 * A stand-in for the object `build` returns, built on first use and then shared (the package's
 * own code calls a {@link cached} builder directly and uses the schema itself).
 */
export function lazySchema<S extends object>(build: () => S): S {
  const real = cached(build);
  // the proxy's own target stays an empty, extensible object; a non-configurable property of the
  // built schema (zod's `_zod`) is copied onto it when described, as proxies must report it
  const shell = {} as S;
  return new Proxy(shell, {
    get: (_, key) => {
      const target = real();
      const value: unknown = Reflect.get(target, key, target);
      return value;
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      if (descriptor !== undefined && descriptor.configurable === false && !Reflect.getOwnPropertyDescriptor(shell, key)) {
        Reflect.defineProperty(shell, key, descriptor);
      }
      return descriptor;
    },
    defineProperty: (_, key, descriptor) => {
      const done = Reflect.defineProperty(real(), key, descriptor);
      if (done && descriptor.configurable === false) Reflect.defineProperty(shell, key, descriptor);
      return done;
    },
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
