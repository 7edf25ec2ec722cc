import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/verify.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

type Org = { id: string; code: string };
type User = { id: string; username: string; orgId: string; phoneMasked: string };

describe.each(testDialects())('data scope, masking and the audit chain on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let orgs: Map<string, Org>;
  let outletAdmin: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    orgs = new Map(((await admin.get('/api/v1/orgs')).json().items as Org[]).map((o) => [o.code, o]));
    // An outlet-level administrator: scope is exactly one outlet.
    const created = await admin.post('/api/v1/users', {
      username: 'lead.ng1',
      displayName: '人民大街网点负责人',
      orgId: orgs.get('CC-NG-1')?.id,
      roles: ['cp_admin'],
      phone: '13900001111',
    });
    expect(created.statusCode).toBe(201);
    const first = await t.login('lead.ng1', created.json().initialPassword);
    await first.post('/api/v1/auth/change-password', { currentPassword: created.json().initialPassword, newPassword: 'Renmin#Street1' });
    outletAdmin = await t.login('lead.ng1', 'Renmin#Street1');
  });
  afterAll(async () => t?.close());

  const userIn = async (orgCode: string): Promise<User> => {
    const items = (await admin.get(`/api/v1/users?orgId=${orgs.get(orgCode)?.id}`)).json().items as User[];
    const u = items[0];
    if (!u) throw new Error(`no user in ${orgCode}`);
    return u;
  };

  it('shows an outlet user only their own outlet, in the org tree and in user lists', async () => {
    const tree = (await outletAdmin.get('/api/v1/orgs')).json().items as Org[];
    expect(tree.map((o) => o.code)).toEqual(['CC-NG-1']);
    const users = (await outletAdmin.get('/api/v1/users?pageSize=100')).json().items as User[];
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users.map((u) => u.orgId))).toEqual(new Set([orgs.get('CC-NG-1')?.id]));
    const subBranch = (await (await t.login('cp.ng')).get('/api/v1/orgs')).json().items as Org[];
    expect(subBranch.map((o) => o.code).sort()).toEqual(['CC-NG', 'CC-NG-1', 'CC-NG-2', 'CC-NG-3', 'CC-NG-4', 'CC-NG-5']);
  });

  it("cannot read or change another outlet's records", async () => {
    const foreign = await userIn('CC-NG-2');
    const reveal = await outletAdmin.post(`/api/v1/users/${foreign.id}/reveal`, { field: 'phone', reason: '核实客户来电' });
    expect(reveal.statusCode).toBe(404);
    expect(reveal.json().code).toBe('OUT_OF_SCOPE');
    expect((await outletAdmin.post(`/api/v1/users/${foreign.id}/unlock`)).statusCode).toBe(404);
    const create = await outletAdmin.post('/api/v1/users', {
      username: 'intruder',
      displayName: 'x',
      orgId: orgs.get('CC-NG-2')?.id,
      roles: ['frontline_staff'],
    });
    expect(create.statusCode).toBe(404);
    expect((await admin.get('/api/v1/users?q=intruder')).json().total).toBe(0);
    const escalate = await outletAdmin.post('/api/v1/users', { username: 'root2', displayName: 'x', orgId: orgs.get('CC-NG-1')?.id, roles: ['system_admin'] });
    expect(escalate.statusCode).toBe(403);
  });

  it('masks personal data in lists and audits every reveal with its reason', async () => {
    const own = (await outletAdmin.get('/api/v1/users?q=lead.ng1')).json().items[0] as User;
    expect(own.phoneMasked).toBe('139****1111');
    const res = await outletAdmin.post(`/api/v1/users/${own.id}/reveal`, { field: 'phone', reason: '核实联系方式' });
    expect(res.json()).toEqual({ field: 'phone', value: '13900001111' });
    const auditor = await t.login('auditor01');
    const log = (await auditor.get('/api/v1/audit?action=pii.revealed')).json();
    expect(log.items[0]).toMatchObject({ actorName: 'lead.ng1', targetId: own.id, diff: { note: { field: 'phone', reason: '核实联系方式' } } });
    const created = (await auditor.get('/api/v1/audit?action=user.created&pageSize=200')).json().items.find((r: { targetId: string }) => r.targetId === own.id);
    expect(JSON.stringify(created.diff)).toContain('139****1111');
    expect(JSON.stringify(created.diff)).not.toContain('13900001111');
    expect(JSON.stringify(created.diff)).not.toContain('argon2');
    expect((await outletAdmin.get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('records a domain event with each user creation and delivers it after commit', async () => {
    await t.rt.deps.dispatcher.kick();
    const ev = await t.rt.handle.db
      .selectFrom('domain_events')
      .selectAll()
      .where('name', '=', 'identity.user_created')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(ev.payload).toMatchObject({ roles: ['cp_admin'] });
    expect(ev.dispatched_at).not.toBeNull();
  });

  it('shows a sub-branch auditor its subtree and the orgs above it, never a sibling sub-branch', async () => {
    const signUp = async (username: string, orgCode: string, roles: string[], password: string) => {
      const created = await admin.post('/api/v1/users', { username, displayName: username, orgId: orgs.get(orgCode)?.id, roles });
      expect(created.statusCode).toBe(201);
      const first = await t.login(username, created.json().initialPassword);
      await first.post('/api/v1/auth/change-password', { currentPassword: created.json().initialPassword, newPassword: password });
      return t.login(username, password);
    };
    await signUp('lead.cy1', 'CC-CY-1', ['cp_admin'], 'Chaoyang#Lead1');
    const local = await signUp('audit.ng', 'CC-NG', ['auditor'], 'Nanguan#Audit1');
    const names = async (c: Client) => new Set(((await c.get('/api/v1/audit?pageSize=200')).json().items as { actorName: string }[]).map((r) => r.actorName));
    const seenByNg = await names(local);
    expect(seenByNg.has('lead.ng1')).toBe(true);
    expect(seenByNg.has('admin')).toBe(true);
    expect(seenByNg.has('lead.cy1')).toBe(false);
    expect((await names(admin)).has('lead.cy1')).toBe(true);
  });

  it('keeps an intact hash chain and reports the first altered or deleted record', async () => {
    const db = t.rt.handle.db;
    const before = await verifyAuditChain(db);
    expect(before.ok).toBe(true);
    expect(before.records).toBeGreaterThan(30);
    await expect(sql`update audit_log set actor_name = 'x' where seq = 3`.execute(db)).rejects.toThrow(/append-only/);

    // An attacker with DDL rights disables the guard and edits history.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
    const victim = await db.selectFrom('audit_log').select(['seq', 'diff']).where('action', '=', 'pii.revealed').orderBy('seq').executeTakeFirstOrThrow();
    await sql`update audit_log set diff = jsonb_set(diff, '{note,reason}', '"routine"') where seq = ${victim.seq}`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: victim.seq, reason: 'content_altered' });
    await sql`update audit_log set diff = ${JSON.stringify(victim.diff)}::jsonb where seq = ${victim.seq}`.execute(db);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    await sql`delete from audit_log where seq = 10`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 11, reason: 'chain_broken' });
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  });
});
