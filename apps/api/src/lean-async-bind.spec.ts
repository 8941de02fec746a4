import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { installLeanAsyncBind } from './lean-async-bind';

describe('the lean AsyncResource#bind', () => {
  beforeAll(() => installLeanAsyncBind());

  it('runs the function in the async context it was bound in, with its this, arguments and length', () => {
    const storage = new AsyncLocalStorage<string>();
    const bound = storage.run('bound here', () =>
      AsyncResource.bind(function (this: unknown, a: number, b: number) {
        return { context: storage.getStore(), self: this, sum: a + b };
      }),
    );
    const self = { name: 'caller' };
    const result = storage.run('called here', () => bound.call(self, 2, 3));
    expect(result).toEqual({ context: 'bound here', self, sum: 5 });
    expect(bound.length).toBe(2);
  });

  it('binds this when given one, and keeps asyncResource, without the deprecated accessor', () => {
    const resource = new AsyncResource('test');
    const target = { value: 7 };
    // Node takes a this to bind; its types leave the argument out.
    const bindWithThis = resource.bind.bind(resource) as unknown as (fn: (this: { value: number }) => number, self: unknown) => () => number;
    const bound = bindWithThis(function (this: { value: number }) {
      return this.value;
    }, target);
    expect(bound()).toBe(7);
    expect((bound as unknown as { asyncResource: AsyncResource }).asyncResource).toBe(resource);
    expect(Object.getOwnPropertyDescriptor(bound, 'asyncResource')?.get).toBeUndefined();
  });

  // By message: Jest's suites share Node's AsyncResource, so the bind may come from another suite's realm.
  it('refuses what is not a function, as Node does', () => {
    expect(() => new AsyncResource('test').bind(42 as unknown as () => void)).toThrow(/"fn" argument must be of type function/);
  });
});
