import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

describe.each(testDialects())('bad input is refused cleanly on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  const counts = async () => {
    const db = t.rt.handle.db;
    const u = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const a = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { users: u.n, audit: a.n };
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    orgId = (await admin.get('/api/v1/orgs')).json().items.find((o: { code: string }) => o.code === 'CC-KC-1').id;
  });
  afterAll(async () => t?.close());

  it('answers malformed JSON, wrong types and unknown fields with 400 and the field name', async () => {
    const malformed = await admin.request('POST', '/api/v1/users', '{"username": ', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'MALFORMED_JSON', message: '请求体不是合法的 JSON' });
    expect(malformed.json().requestId).toBeTruthy();

    const wrongType = await admin.post('/api/v1/users', { username: 42, displayName: 'x', orgId, roles: ['frontline_staff'] });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().details).toContainEqual(expect.objectContaining({ field: 'body.username', issue: 'invalid_type' }));

    const unknown = await admin.request(
      'POST',
      '/api/v1/users',
      { username: 'ok.name', displayName: 'x', orgId, roles: ['frontline_staff'], isAdmin: true },
      { 'x-locale': 'en-US' },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The input is invalid' });
    expect(unknown.json().details[0].field).toBe('body.isAdmin');

    const badQuery = await admin.get('/api/v1/users?pageSize=5000');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().details[0].field).toBe('querystring.pageSize');
  });

  it('answers an oversized body with 413 and an unknown API route with JSON 404', async () => {
    const big = await admin.post('/api/v1/users', { username: 'big', displayName: 'x'.repeat(2_000_000), orgId, roles: ['frontline_staff'] });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
    const missing = await admin.get('/api/v1/does-not-exist');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
    expect(missing.json().code).toBe('ROUTE_NOT_FOUND');
  });

  it('stores SQL, HTML and control characters verbatim', async () => {
    const nasty = `<img src=x onerror=alert(1)>'); drop table users;-- \u0007\u001b[31m 张三`;
    const res = await admin.post('/api/v1/users', { username: 'nasty.name', displayName: nasty, orgId, roles: ['frontline_staff'] });
    expect(res.statusCode).toBe(201);
    const listed = (await admin.get('/api/v1/users?q=nasty.name')).json().items[0];
    expect(listed.displayName).toBe(nasty);
  });

  it('leaves nothing half-written after a rejected request', async () => {
    const before = await counts();
    const dup = await admin.post('/api/v1/users', { username: 'HANDLER01', displayName: '重复', orgId, roles: ['frontline_staff'] });
    expect(dup.statusCode).toBe(409);
    const badOrg = await admin.post('/api/v1/users', {
      username: 'ghost',
      displayName: 'x',
      orgId: '00000000-0000-4000-8000-000000000000',
      roles: ['frontline_staff'],
    });
    expect(badOrg.statusCode).toBe(400);
    const badPhone = await admin.post('/api/v1/users', { username: 'ghost2', displayName: 'x', orgId, roles: ['frontline_staff'], phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });
});
