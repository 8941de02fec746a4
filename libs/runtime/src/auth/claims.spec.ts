import { claimAt, principalFromClaims } from './claims';

const PMO = '6F1C2A4E-8B1D-4D52-9A57-0C3E2B7F4A10';

describe('reading the caller from token claims', () => {
  it('finds a claim by name, by dotted path, and a namespaced claim whose name holds dots', () => {
    const payload = { roles: ['ADMIN'], realm_access: { roles: ['AUDITOR'] }, 'https://org.example/roles': ['MEMBER'] };

    expect(claimAt(payload, 'roles')).toEqual(['ADMIN']);
    expect(claimAt(payload, 'realm_access.roles')).toEqual(['AUDITOR']);
    expect(claimAt(payload, 'https://org.example/roles')).toEqual(['MEMBER']);
    expect(claimAt(payload, 'realm_access.missing.roles')).toBeUndefined();
    expect(claimAt({ a: ['x'] }, 'a.length')).toBeUndefined();
  });

  it('takes known roles from a list or a space-separated string, and PMO ids in lower case', () => {
    const fromList = principalFromClaims({ sub: 'ada', app: { roles: ['MEMBER', 'superuser', 'MEMBER'] }, pmos: [PMO, 7] }, { roles: 'app.roles', pmos: 'pmos' });
    const fromString = principalFromClaims({ sub: 'ada', scope: 'AUDITOR openid' }, { roles: 'scope', pmos: 'pmos' });

    expect(fromList).toEqual({ subject: 'ada', roles: ['MEMBER'], pmoIds: [PMO.toLowerCase()] });
    expect(fromString).toEqual({ subject: 'ada', roles: ['AUDITOR'], pmoIds: [] });
  });

  it('stands for nobody without a subject or without a known role', () => {
    expect(principalFromClaims({ roles: ['ADMIN'] }, { roles: 'roles', pmos: 'pmos' })).toBeNull();
    expect(principalFromClaims({ sub: 'ada', roles: ['admin', 'root'] }, { roles: 'roles', pmos: 'pmos' })).toBeNull();
    expect(principalFromClaims({ sub: 'ada', roles: { ADMIN: true } }, { roles: 'roles', pmos: 'pmos' })).toBeNull();
  });
});
