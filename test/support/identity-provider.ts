import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';

/** An identity provider of the tests: its issuer, the audience its tokens name, its keys and its key endpoint. */
export const ISSUER = 'https://id.org.test/realms/pmo';
export const AUDIENCE = 'throughline';

export interface SigningKey {
  readonly kid: string;
  readonly alg: 'RS256' | 'ES256';
  readonly privateKey: KeyLike;
  readonly jwk: JWK;
}

export const signingKey = async (kid: string, alg: SigningKey['alg']): Promise<SigningKey> => {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
};

/** An identity provider's key endpoint, on a real socket, counting how often it is asked. */
export class JwksServer {
  keys: JWK[] = [];
  fetches = 0;
  private readonly server = http.createServer((_request, response) => {
    this.fetches += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: this.keys }));
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/realms/pmo/certs`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface Claims {
  sub?: string;
  roles?: string[];
  pmos?: string[];
  iss?: string;
  aud?: string;
  /** Seconds from now; null: no exp at all. */
  expiresIn?: number | null;
}

/** A token as the provider would sign it, roles nested as Keycloak puts them. */
export const sign = async (key: SigningKey, claims: Claims = {}, header: { kid?: string } = {}): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ realm_access: { roles: claims.roles ?? ['ADMIN'] }, pmo_ids: claims.pmos ?? [] })
    .setProtectedHeader({ alg: key.alg, kid: header.kid ?? key.kid, typ: 'JWT' })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt(now - 300);
  if (claims.sub !== '') jwt.setSubject(claims.sub ?? 'ada@org.test');
  const expiresIn = claims.expiresIn === undefined ? 600 : claims.expiresIn;
  if (expiresIn !== null) jwt.setExpirationTime(now + expiresIn);
  return jwt.sign(key.privateKey);
};
