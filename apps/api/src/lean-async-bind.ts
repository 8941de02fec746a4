import { AsyncResource } from 'node:async_hooks';

/**
 * Fastify binds a callback to an AsyncResource for every request with a body (its content-type
 * parser). Node 20's AsyncResource#bind gives each bound function a deprecated (DEP0172)
 * `asyncResource` accessor made by util.deprecate, which re-parents two fresh functions with
 * Object.setPrototypeOf on every call; V8 then treats those as prototypes, and the whole process
 * pays for it: measured on `{ __typename }` over HTTP, 153 µs of CPU per request with it and 64
 * without. This bind is the same function (runs fn in the resource's async scope, with the same
 * `this`, arguments and `length`), with `asyncResource` as a plain property instead of a
 * deprecated accessor. Installed only on a Node whose bind still makes that accessor.
 */
export function installLeanAsyncBind(): void {
  const probe = new AsyncResource('lean-async-bind-probe').bind(() => undefined);
  if (typeof Object.getOwnPropertyDescriptor(probe, 'asyncResource')?.get !== 'function') return;
  AsyncResource.prototype.bind = function bind<F extends (...args: never[]) => unknown>(this: AsyncResource, fn: F, thisArg?: unknown): F {
    if (typeof fn !== 'function') throw new TypeError('The "fn" argument must be of type function');
    const resource = this;
    const target = fn as unknown as (...args: unknown[]) => unknown;
    const bound =
      thisArg === undefined
        ? function (this: unknown, ...args: unknown[]) {
            return resource.runInAsyncScope(target, this, ...args);
          }
        : resource.runInAsyncScope.bind(resource, target, thisArg);
    Object.defineProperties(bound, {
      length: { configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: { configurable: true, enumerable: true, value: resource, writable: true },
    });
    return bound as unknown as F;
  } as typeof AsyncResource.prototype.bind;
}
