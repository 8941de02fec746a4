import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticationError } from '@throughline/runtime';
import { authenticate } from './authenticate.hook';

/** What the hook did with one token-less request, when every path is protected. */
const outcome = async (url: string): Promise<'let through' | number> => {
  let status: number | null = null;
  const reply = {
    code(value: number) {
      status = value;
      return this;
    },
    header() {
      return this;
    },
    async send() {
      return this;
    },
  };
  const refuse = async () => {
    throw new AuthenticationError('no bearer token');
  };
  await authenticate(refuse, () => true)({ url, headers: {} } as FastifyRequest, reply as unknown as FastifyReply);
  return status ?? 'let through';
};

describe('the authentication hook, with every path protected', () => {
  it.each(['/dashboard', '/dashboard/', '/dashboard/assets/index-B1x9.js', '/graphiql', '/graphiql/assets/index-C2.css'])(
    'lets %s through without a token: the pages sign in themselves',
    async (url) => {
      expect(await outcome(url)).toBe('let through');
    },
  );

  it.each(['/graphql', '/export/audit.ndjson', '/dashboard/graphql', '/dashboard/assets/../../graphql', '/graphiql/assets/a/b.js', '/dashboards'])(
    'refuses %s without a token',
    async (url) => {
      expect(await outcome(url)).toBe(401);
    },
  );
});
