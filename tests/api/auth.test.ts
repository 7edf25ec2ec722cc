import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

describe.each(testDialects())('sign-in and sessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('signs in with a secure session cookie and returns the permissions of the active org', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', { username: 'cpadmin', password: 'Xiaobao@2026' });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'xb_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.user.username).toBe('cpadmin');
    expect(body.user.permissions).toContain('user.manage');
    expect(body.user.permissions).not.toContain('audit.read');
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  it('answers an unknown user and a wrong password with the same generic message', async () => {
    const a = await t.anonymous.post('/api/v1/auth/login', { username: 'nobody', password: 'whatever-1' });
    const b = await t.anonymous.post('/api/v1/auth/login', { username: 'handler02', password: 'wrong-password' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(b.json().message).toBe(a.json().message);
    expect(a.json().message).toBe('用户名或密码错误');
  });

  it('locks an account after five failures, even for the right password, until an admin unlocks it', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await t.anonymous.post('/api/v1/auth/login', { username: 'inspector02', password: `bad-${i}` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const locked = await t.anonymous.post('/api/v1/auth/login', { username: 'inspector02', password: 'Xiaobao@2026' });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('AUTH_LOCKED');

    const admin = await t.login('cpadmin');
    const list = await admin.get('/api/v1/users?q=inspector02');
    const target = list.json().items[0];
    expect(target.locked).toBe(true);
    expect(target.allowedActions).toContain('unlock');
    expect((await admin.post(`/api/v1/users/${target.id}/unlock`)).statusCode).toBe(200);
    expect((await t.anonymous.post('/api/v1/auth/login', { username: 'inspector02', password: 'Xiaobao@2026' })).statusCode).toBe(200);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const c = await t.login('handler01');
    const res = await c.request('POST', '/api/v1/auth/logout', {}, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('forces a first-login password change before anything else', async () => {
    const c = await t.login('newbie');
    expect((await c.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(true);
    const blocked = await c.get('/api/v1/orgs');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const weak = await c.post('/api/v1/auth/change-password', { currentPassword: 'Xiaobao@2026', newPassword: 'aaaaaaaaaaaa' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('AUTH_PASSWORD_WEAK');
    const ok = await c.post('/api/v1/auth/change-password', { currentPassword: 'Xiaobao@2026', newPassword: 'Changchun#2027' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.mustChangePassword).toBe(false);
    expect((await c.get('/api/v1/orgs')).statusCode).toBe(200);
    expect((await t.anonymous.post('/api/v1/auth/login', { username: 'newbie', password: 'Xiaobao@2026' })).statusCode).toBe(401);
  });

  it('enables a TOTP second factor that later sign-ins require', async () => {
    const c = await t.login('auditor01');
    const setup = (await c.post('/api/v1/auth/totp/setup')).json();
    const totp = new TOTP({ secret: setup.secret, digits: 6, period: 30 });
    expect((await c.post('/api/v1/auth/totp/confirm', { code: '000000' === totp.generate() ? '111111' : '000000' })).statusCode).toBe(401);
    expect((await c.post('/api/v1/auth/totp/confirm', { code: totp.generate() })).statusCode).toBe(200);
    const noCode = await t.anonymous.post('/api/v1/auth/login', { username: 'auditor01', password: 'Xiaobao@2026' });
    expect(noCode.json().code).toBe('AUTH_TOTP_REQUIRED');
    const withCode = await t.anonymous.post('/api/v1/auth/login', { username: 'auditor01', password: 'Xiaobao@2026', totp: totp.generate() });
    expect(withCode.statusCode).toBe(200);
  });

  it('switches the active org only to orgs the user belongs to', async () => {
    const c = await t.login('cp.ng');
    const me = (await c.get('/api/v1/auth/session')).json().user;
    expect(me.memberships).toHaveLength(2);
    const other = me.memberships.find((m: { orgId: string }) => m.orgId !== me.activeOrg.orgId);
    const switched = await c.post('/api/v1/auth/switch-org', { orgId: other.orgId });
    expect(switched.json().user.activeOrg.orgName).toBe('朝阳支行');
    expect(switched.json().user.permissions).not.toContain('user.manage');
    const foreign = (await (await t.login('admin')).get('/api/v1/orgs')).json().items.find((o: { code: string }) => o.code === 'CC-KC');
    expect((await c.post('/api/v1/auth/switch-org', { orgId: foreign.id })).statusCode).toBe(403);
  });

  it('signs out and the cookie stops working', async () => {
    const c = await t.login('leader02');
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(401);
  });
});
