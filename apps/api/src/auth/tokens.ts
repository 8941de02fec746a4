import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { isRole, type Principal, type Role } from './principal';

const ISSUER = 'throughline';
const AUDIENCE = 'throughline-api';
const CLOCK_TOLERANCE_SECONDS = 60;

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

export interface TokenRequest {
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly pmoIds?: readonly string[];
  readonly ttlSeconds: number;
}

export async function issueToken(secret: Uint8Array, request: TokenRequest, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ roles: [...request.roles], pmos: [...(request.pmoIds ?? [])] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + request.ttlSeconds)
    .sign(secret);
}

/** Verifies signature, issuer, audience and expiry; a token without `exp` is refused. */
export async function verifyToken(secret: Uint8Array, token: string): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    const pmoIds = Array.isArray(payload.pmos) ? payload.pmos.filter((p): p is string => typeof p === 'string') : [];
    if (!payload.sub || roles.length === 0) throw new AuthenticationError('the token names no subject or no known role');
    return { subject: payload.sub, roles, pmoIds };
  } catch (error) {
    if (error instanceof AuthenticationError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new AuthenticationError('the token has expired');
    if (error instanceof joseErrors.JOSEError) throw new AuthenticationError(`the token is not valid (${error.code})`);
    throw new AuthenticationError('the token could not be read');
  }
}

/** Extracts the token from an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  if (!match) throw new AuthenticationError('send Authorization: Bearer <token>');
  return match[1] as string;
}
