import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticationError, type Principal, type TokenVerifier } from '@throughline/runtime';
import { authenticate } from './authenticate.hook';

const ADA: Principal = { subject: 'ada', roles: ['PMO_HEAD'], pmoIds: [] } as unknown as Principal;

interface Outcome {
  /** 'let through' once the hook called done, the status it answered with, or 'pending'. */
  result: 'let through' | 'pending' | number;
  request: FastifyRequest;
}

/** Runs the hook on one request, every path protected; `settled` waits for a verifier's promise. */
const run = (verify: Parameters<typeof authenticate>[0], url: string, authorization?: string): Outcome => {
  const outcome: Outcome = {
    result: 'pending',
    request: { url, headers: authorization === undefined ? {} : { authorization } } as FastifyRequest,
  };
  const reply = {
    code(value: number) {
      outcome.result = value;
      return this;
    },
    header() {
      return this;
    },
    async send() {
      return this;
    },
  };
  authenticate(verify, () => true)(outcome.request, reply as unknown as FastifyReply, () => {
    if (outcome.result !== 'pending') throw new Error('done after a refusal');
    outcome.result = 'let through';
  });
  return outcome;
};

const settled = () => new Promise((resolve) => setImmediate(resolve));

/** A verifier refusing every token, made afresh for each use. */
const refusing = (): TokenVerifier => async () => {
  throw new AuthenticationError('the token is not valid');
};
const refuseAll = refusing();

describe('the authentication hook, with every path protected', () => {
  it.each(['/dashboard', '/dashboard/', '/dashboard/assets/index-B1x9.js', '/graphiql', '/graphiql/assets/index-C2.css'])(
    'lets %s through without a token: the pages sign in themselves',
    (url) => {
      expect(run(refuseAll, url).result).toBe('let through');
    },
  );

  it.each(['/graphql', '/export/audit.ndjson', '/dashboard/graphql', '/dashboard/assets/../../graphql', '/graphiql/assets/a/b.js', '/dashboards'])(
    'refuses %s without a token',
    (url) => {
      expect(run(refuseAll, url).result).toBe(401);
    },
  );

  it('given a token the verifier already knows, when a request sends it, then it is let through at once with its caller', () => {
    const verify = Object.assign(refusing(), { known: (token: string) => (token === 'known' ? ADA : undefined) });

    const outcome = run(verify, '/graphql', 'Bearer known');

    expect(outcome.result).toBe('let through');
    expect(outcome.request.principal).toBe(ADA);
  });

  it('given a token the verifier must check, when it proves a caller, then the request goes on once it has', async () => {
    const outcome = run(async (token) => (token === 'good' ? ADA : refuseAll(token)), '/graphql', 'Bearer good');
    expect(outcome.result).toBe('pending');

    await settled();

    expect(outcome.result).toBe('let through');
    expect(outcome.request.principal).toBe(ADA);
  });

  it('given a token the verifier refuses, when a request sends it, then it is answered 401 and goes no further', async () => {
    const verify = Object.assign(refusing(), { known: () => undefined });
    const outcome = run(verify, '/graphql', 'Bearer forged');

    await settled();

    expect(outcome.result).toBe(401);
    expect(outcome.request.principal).toBeUndefined();
  });
});
