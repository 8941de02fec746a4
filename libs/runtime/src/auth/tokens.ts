import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { OWN_CLAIMS, principalFromClaims, type ClaimNames } from './claims';
import type { Principal, Role } from './principal';

const ISSUER = 'throughline';
const AUDIENCE = 'throughline-api';
/** Clocks of the issuer and the service may disagree this much, never more. */
export const CLOCK_TOLERANCE_SECONDS = 60;

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** Checks a bearer token and answers the caller it stands for, or throws AuthenticationError. */
export type TokenVerifier = (token: string) => Promise<Principal>;

export interface TokenRequest {
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly pmoIds?: readonly string[];
  readonly ttlSeconds: number;
}

export async function issueToken(secret: Uint8Array, request: TokenRequest, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ [OWN_CLAIMS.roles]: [...request.roles], [OWN_CLAIMS.pmos]: [...(request.pmoIds ?? [])] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + request.ttlSeconds)
    .sign(secret);
}

/** The caller of a verified payload; a token naming no subject or no known role is refused. */
export function principalOf(payload: Parameters<typeof principalFromClaims>[0], claims: ClaimNames): Principal {
  const principal = principalFromClaims(payload, claims);
  if (!principal) throw new AuthenticationError('the token names no subject or no known role');
  return principal;
}

/** Any failure to verify as a client-facing AuthenticationError that never echoes the token. */
export function authenticationFailure(error: unknown): AuthenticationError {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof joseErrors.JWTExpired) return new AuthenticationError('the token has expired');
  if (error instanceof joseErrors.JWKSTimeout) return new AuthenticationError("the identity provider's keys could not be fetched in time");
  if (error instanceof joseErrors.JOSEError) return new AuthenticationError(`the token is not valid (${error.code})`);
  return new AuthenticationError('the token could not be verified');
}

/** Verifies a token of this service: HS256, its issuer and audience, and expiry; `exp` is required. */
export async function verifyToken(secret: Uint8Array, token: string): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    return principalOf(payload, OWN_CLAIMS);
  } catch (error) {
    throw authenticationFailure(error);
  }
}

/** Extracts the token from an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  if (!match) throw new AuthenticationError('send Authorization: Bearer <token>');
  return match[1] as string;
}
