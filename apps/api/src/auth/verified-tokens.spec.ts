import { randomBytes } from 'node:crypto';
import { AuthenticationError, issueToken, verifyToken } from '@throughline/runtime';
import { type RememberingVerifier, rememberVerified } from './verified-tokens';

describe('a token once verified is remembered until it expires', () => {
  const secret = randomBytes(32);
  // The real check judges expiry by the real clock, so the tokens are issued now.
  const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  let clock: number;
  let checks: number;
  let remembered: RememberingVerifier;

  const token = (subject: string, ttlSeconds = 600) => issueToken(secret, { subject, roles: ['MEMBER'], pmoIds: [], ttlSeconds }, issuedAt);

  beforeEach(() => {
    clock = issuedAt.getTime();
    checks = 0;
    // The full check, counted, judging expiry by the same clock as the cache.
    remembered = rememberVerified(async (value) => {
      checks += 1;
      if (clock >= issuedAt.getTime() + 600_000) throw new AuthenticationError('the token is not valid (ERR_JWT_EXPIRED)');
      return verifyToken(secret, value);
    }, () => clock);
  });

  it('given a valid token, when it is sent again and again, then its signature is checked once', async () => {
    const ada = await token('ada@pmo.example');

    const principals = [await remembered(ada), await remembered(ada), await remembered(ada)];

    expect(checks).toBe(1);
    expect(principals.map((p) => p.subject)).toEqual(['ada@pmo.example', 'ada@pmo.example', 'ada@pmo.example']);
  });

  it('given two tokens, then each is checked on its own', async () => {
    const [ada, bob] = [await token('ada@pmo.example'), await token('bob@pmo.example')];

    await remembered(ada);
    const second = await remembered(bob);

    expect(checks).toBe(2);
    expect(second.subject).toBe('bob@pmo.example');
  });

  it('given two remembered tokens sent in turn, then each is known as its own caller without another check', async () => {
    const [ada, bob] = [await token('ada@pmo.example'), await token('bob@pmo.example')];
    await remembered(ada);
    await remembered(bob);

    const callers = [ada, bob, ada, ada, bob].map((t) => remembered.known(t)?.subject);

    expect(callers).toEqual(['ada@pmo.example', 'bob@pmo.example', 'ada@pmo.example', 'ada@pmo.example', 'bob@pmo.example']);
    expect(checks).toBe(2);
  });

  it('given a remembered token, when its expiry passes, then it is checked again and refused', async () => {
    const ada = await token('ada@pmo.example');
    await remembered(ada);

    clock = issuedAt.getTime() + 600_000;

    await expect(remembered(ada)).rejects.toThrow(/expired/i);
    expect(checks).toBe(2);
  });

  it('given a token that fails its check, then it is checked again on every use, never remembered', async () => {
    const forged = `${(await token('ada@pmo.example')).slice(0, -4)}AAAA`;

    await expect(remembered(forged)).rejects.toBeInstanceOf(AuthenticationError);
    await expect(remembered(forged)).rejects.toBeInstanceOf(AuthenticationError);

    expect(checks).toBe(2);
  });

  it('given a token, then it is known at once only between its check and its expiry, and a refused one never', async () => {
    const ada = await token('ada@pmo.example');
    const forged = `${ada.slice(0, -4)}AAAA`;
    expect(remembered.known(ada)).toBeUndefined();

    await remembered(ada);
    await expect(remembered(forged)).rejects.toBeInstanceOf(AuthenticationError);

    expect(remembered.known(ada)?.subject).toBe('ada@pmo.example');
    expect(remembered.known(forged)).toBeUndefined();
    clock = issuedAt.getTime() + 600_000;
    expect(remembered.known(ada)).toBeUndefined();
  });
});
