import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/kernel/actor.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import { inTransaction } from '../../src/platform/db/unit-of-work.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe.each(testDialects())('campaigns and events on %s', (dialect) => {
  let t: TestApp;
  let cp: Client;
  let outlet01: Client;
  let outlet02: Client;
  let orgs: Map<string, string>;
  // 2026-03-01 09:00 China time: the 3·15 week is ahead.
  const clock = fixedClock(new Date('2026-03-01T01:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    cp = await t.login('cpadmin');
    outlet01 = await t.login('staff.outlet01');
    outlet02 = await t.login('staff.outlet02');
    const rows = await t.rt.handle.db.selectFrom('orgs').select(['id', 'code']).execute();
    orgs = new Map(rows.map((r) => [r.code, r.id]));
  });
  afterAll(async () => t?.close());

  const events = async (name: string, since: number) =>
    (await t.rt.handle.db.selectFrom('domain_events').selectAll().where('name', '=', name).where('id', '>', since).orderBy('id').execute()).map(
      (e) => e.payload,
    );
  const lastEventId = async () =>
    Number(
      (
        await t.rt.handle.db
          .selectFrom('domain_events')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirst()
      )?.m ?? 0,
    );

  const newCampaign = async (over: Record<string, unknown> = {}) => {
    const res = await cp.post('/api/v1/campaigns', {
      theme: 'cp315',
      title: '3·15 金融消费者权益日宣传活动',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      audiences: ['elderly', 'youth'],
      goals: { reach: 500, attendance: 3, quizParticipation: 100 },
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const newEvent = async (campaignId: string, over: Record<string, unknown> = {}) => {
    const res = await cp.post(`/api/v1/campaigns/${campaignId}/events`, {
      title: '守住钱袋子·人民大街网点专场',
      venueType: 'outlet',
      venueName: '人民大街网点',
      orgId: orgs.get('CC-NG-1'),
      startsAt: '2026-03-15T09:30:00+08:00',
      endsAt: '2026-03-15T11:00:00+08:00',
      capacity: 3,
      speakers: [
        { name: '王律师', kind: 'partner', organisation: '吉林法信律师事务所' },
        { name: '徐一', kind: 'staff' },
      ],
      materials: ['防范电信网络诈骗折页'],
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const register = (eventId: string, name: string, phone: string, audience = 'elderly') =>
    t.anonymous.post(`/api/v1/public/campaigns/events/${eventId}/registrations`, { name, phone, audience });

  it('runs a 3·15 event from planning to the attendance report, emitting the agreed events', async () => {
    const since = await lastEventId();
    const campaignId = await newCampaign();
    const eventId = await newEvent(campaignId);
    // A draft is invisible to the public and closed to registration.
    expect((await t.anonymous.get(`/api/v1/public/campaigns/events/${eventId}`)).statusCode).toBe(404);
    expect((await register(eventId, '李桂兰', '13904310001')).json().code).toBe('CAMPAIGN_REGISTRATION_CLOSED');

    const published = await cp.post(`/api/v1/campaigns/events/${eventId}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('open');
    const [pub] = await events('campaigns.event_published', since);
    expect(pub).toEqual({
      eventId,
      campaignId,
      title: '守住钱袋子·人民大街网点专场',
      startsAt: '2026-03-15T01:30:00.000Z',
      venueName: '人民大街网点',
      orgId: orgs.get('CC-NG-1'),
      orgPath: expect.stringMatching(/^\/.+\/$/),
      publicPath: `/portal/events/${eventId}`,
    });

    const listed = (await t.anonymous.get('/api/v1/public/campaigns/events')).json().items;
    expect(listed.map((e: { id: string }) => e.id)).toContain(eventId);
    const detail = (await t.anonymous.get(`/api/v1/public/campaigns/events/${eventId}`)).json();
    expect(detail).toMatchObject({ seatsLeft: 3, isOpen: true });
    expect(JSON.stringify(detail.speakers)).not.toContain('徐一');

    const ok = await register(eventId, '李桂兰', '139 0431 0001');
    expect(ok.statusCode, ok.body).toBe(201);
    const conf = ok.json();
    expect(conf.phoneMasked).toBe('139****0001');
    expect(conf.code).toMatch(/^[A-Z2-9]{10}$/);
    expect(conf.checkInUrl).toMatch(new RegExp(`/campaigns/checkin/${conf.code}$`));
    // The QR code is exactly the check-in URL's QR code.
    expect(conf.qrSvg).toBe(await QRCode.toString(conf.checkInUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    expect((await t.anonymous.get(`/api/v1/public/campaigns/registrations/${conf.code.toLowerCase()}`)).json().registrationId).toBe(conf.registrationId);

    const second = (await register(eventId, '张建国', '+86 13904310002', 'new_urban')).json();
    // Door: scanning the URL checks in once; the outlet's own staff run the door.
    const scanned = await outlet01.post('/api/v1/campaigns/check-ins', { code: conf.checkInUrl, eventId });
    expect(scanned.statusCode, scanned.body).toBe(200);
    expect(scanned.json()).toMatchObject({ name: '李桂兰', phoneMasked: '139****0001', walkIn: false });
    const walkIn = await outlet01.post(`/api/v1/campaigns/events/${eventId}/walk-ins`, { name: '赵秀英', phone: '13904310003', audience: 'elderly' });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    expect(walkIn.json().walkIn).toBe(true);

    const attendance = await events('campaigns.attendance_recorded', since);
    expect(attendance).toEqual([
      {
        eventId,
        campaignId,
        eventTitle: '守住钱袋子·人民大街网点专场',
        orgId: orgs.get('CC-NG-1'),
        phone: '13904310001',
        name: '李桂兰',
        walkIn: false,
        checkedInAt: clock.now().toISOString(),
      },
      expect.objectContaining({ phone: '13904310003', name: '赵秀英', walkIn: true }),
    ]);

    const ev = (await cp.get(`/api/v1/campaigns/events/${eventId}`)).json();
    expect(ev.attendance).toMatchObject({ registered: 2, attended: 2, walkIns: 1, noShows: 1, capacity: 3 });
    expect(ev.attendance.byAudience).toEqual(
      expect.arrayContaining([
        { audience: 'elderly', registered: 1, attended: 2 },
        { audience: 'new_urban', registered: 1, attended: 0 },
      ]),
    );
    const regs = (await cp.get(`/api/v1/campaigns/events/${eventId}/registrations`)).json().items;
    expect(regs.map((r: { phoneMasked: string }) => r.phoneMasked).sort()).toEqual(['139****0001', '139****0002', '139****0003']);
    expect(JSON.stringify(regs)).not.toContain('13904310002');

    // Revealing a phone is audited with its reason.
    const reveal = await outlet01.post(`/api/v1/campaigns/registrations/${second.registrationId}/reveal`, { reason: '电话提醒活动时间' });
    expect(reveal.json().value).toBe('13904310002');
    const audit = await t.rt.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'pii.revealed')
      .where('target_id', '=', second.registrationId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.diff)).toContain('电话提醒活动时间');

    const report = await outlet01.request('PUT', `/api/v1/campaigns/events/${eventId}/report`, {
      summary: '发放折页120份，现场答疑。',
      extraReach: 120,
      quizParticipants: 15,
    });
    expect(report.statusCode, report.body).toBe(200);
    const photo = await outlet01.request('POST', `/api/v1/campaigns/events/${eventId}/photos`, PNG_1PX, {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent('现场.png'),
    });
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({ mime: 'image/png', name: '现场.png' });
    const img = await cp.get(`/api/v1/campaigns/events/${eventId}/photos/${photo.json().id}`);
    expect(img.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(img.rawPayload, PNG_1PX)).toBe(0);

    const campaign = (await cp.get(`/api/v1/campaigns/${campaignId}`)).json();
    expect(campaign.results).toEqual({ reach: 122, attendance: 2, quizParticipation: 15 });
    expect(campaign.eventList[0]).toMatchObject({ registered: 2, attended: 2, walkIns: 1 });

    const reach = (await cp.get(`/api/v1/campaigns/reach?campaignId=${campaignId}`)).json();
    expect(reach.totals).toMatchObject({ events: 1, registered: 2, attended: 2, walkIns: 1, extraReach: 120, reach: 122 });
    expect(reach.byChannel).toEqual(
      expect.arrayContaining([
        { key: 'portal', people: 1 },
        { key: 'walk_in', people: 1 },
      ]),
    );
    expect(reach.byOutlet).toEqual([{ key: '人民大街网点', people: 2 }]);
    const reachCsv = await cp.get(`/api/v1/campaigns/reach/export?format=csv&campaignId=${campaignId}`);
    expect(reachCsv.body).toContain('"网点 Outlet","人民大街网点","2"');
    expect(reachCsv.body).toContain('"渠道 Channel","现场参与","1"');
    expect((await outlet01.get('/api/v1/campaigns/reach/export?format=csv')).statusCode).toBe(403);

    const csv = await cp.get(`/api/v1/campaigns/${campaignId}/export?format=csv`);
    expect(csv.body).toContain('守住钱袋子·人民大街网点专场');
    const xlsx = await cp.get(`/api/v1/campaigns/${campaignId}/export?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const people = wb.getWorksheet('签到名单 Attendees');
    expect(people?.rowCount).toBe(4);
    expect([2, 3, 4].map((n) => people?.getRow(n).getCell(3).value).sort()).toEqual(['139****0001', '139****0002', '139****0003']);
  });

  it('refuses bad input with stable codes and writes nothing half-way', async () => {
    const campaignId = await newCampaign({ title: '雷锋日志愿服务', theme: 'leifeng' });
    expect(
      (
        await cp.post('/api/v1/campaigns', {
          theme: 'cp315',
          title: 'x',
          startsOn: '2026-03-31',
          endsOn: '2026-03-01',
          goals: { reach: 1, attendance: 1, quizParticipation: 0 },
        })
      ).json().code,
    ).toBe('CAMPAIGN_PERIOD_INVALID');
    expect(
      (
        await cp.post(`/api/v1/campaigns/${campaignId}/events`, {
          title: '四月场',
          venueType: 'online',
          venueName: '直播间',
          startsAt: '2026-04-02T09:00:00+08:00',
          endsAt: '2026-04-02T10:00:00+08:00',
          capacity: 5,
        })
      ).json().code,
    ).toBe('CAMPAIGN_PERIOD_INVALID');
    const eventId = await newEvent(campaignId, { capacity: 2, registrationClosesAt: '2026-03-10T18:00:00+08:00' });
    await cp.post(`/api/v1/campaigns/events/${eventId}/publish`);
    expect((await cp.post(`/api/v1/campaigns/events/${eventId}/publish`)).json().code).toBe('CAMPAIGN_INVALID_STATE');

    const bad = await register(eventId, '钱多多', '12345');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'body.phone' })] });
    expect((await register(eventId, '钱多多', '13800000001')).statusCode).toBe(201);
    const dup = await register(eventId, '钱多多', '138-0000-0001');
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'CAMPAIGN_ALREADY_REGISTERED']);
    expect((await register(eventId, '孙丽', '13800000002')).statusCode).toBe(201);
    const full = await register(eventId, '周强', '13800000003');
    expect([full.statusCode, full.json().code]).toEqual([409, 'CAMPAIGN_EVENT_FULL']);
    const count = async () =>
      Number(
        (
          await t.rt.handle.db
            .selectFrom('cmp_registrations')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('event_id', '=', eventId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(2);

    // Concurrent sign-ups for the last seats cannot overbook.
    const other = await newEvent(campaignId, { capacity: 1, title: '并发场' });
    await cp.post(`/api/v1/campaigns/events/${other}/publish`);
    const race = await Promise.all(['13800000011', '13800000012', '13800000013'].map((p) => register(other, '抢位', p)));
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);

    const unknown = await outlet01.post('/api/v1/campaigns/check-ins', { code: 'ABCDEFGHJK' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'CAMPAIGN_CODE_UNKNOWN']);
    expect((await outlet01.post('/api/v1/campaigns/check-ins', { code: 'not a code!' })).json().code).toBe('CAMPAIGN_CODE_UNKNOWN');
    const code = (
      await t.rt.handle.db
        .selectFrom('cmp_registrations')
        .select('code')
        .where('event_id', '=', eventId)
        .where('phone', '=', '13800000001')
        .executeTakeFirstOrThrow()
    ).code;
    expect((await outlet01.post('/api/v1/campaigns/check-ins', { code, eventId: other })).json().code).toBe('CAMPAIGN_CODE_WRONG_EVENT');
    expect((await outlet01.post('/api/v1/campaigns/check-ins', { code })).statusCode).toBe(200);
    const used = await outlet01.post('/api/v1/campaigns/check-ins', { code });
    expect([used.statusCode, used.json().code]).toEqual([409, 'CAMPAIGN_CODE_USED']);

    // After the deadline nobody registers, even with seats free.
    const late = await newEvent(campaignId, { title: '截止场', capacity: 10, registrationClosesAt: '2026-03-05T18:00:00+08:00' });
    await cp.post(`/api/v1/campaigns/events/${late}/publish`);
    clock.advance(6 * 86_400_000);
    try {
      expect((await register(late, '吴敏', '13800000021')).json().code).toBe('CAMPAIGN_REGISTRATION_CLOSED');
    } finally {
      clock.advance(-6 * 86_400_000);
    }

    const notImage = await outlet01.request('POST', `/api/v1/campaigns/events/${eventId}/photos`, Buffer.from('%PDF-1.4 not an image'), {
      'content-type': 'application/octet-stream',
      'x-file-name': 'a.png',
    });
    expect([notImage.statusCode, notImage.json().code]).toEqual([415, 'CAMPAIGN_PHOTO_INVALID']);
    expect(await t.rt.handle.db.selectFrom('cmp_photos').select('id').where('event_id', '=', eventId).execute()).toHaveLength(0);
  });

  it('scopes the door and the records to the running outlet', async () => {
    const campaignId = await newCampaign({ title: '三八妇女节专场', theme: 'womens_day', audiences: ['women'] });
    const eventId = await newEvent(campaignId);
    await cp.post(`/api/v1/campaigns/events/${eventId}/publish`);
    const conf = (await register(eventId, '刘芳', '13704310001', 'women')).json();

    // Outlet 02 (朝阳支行) neither sees nor runs 南关's event.
    expect((await outlet02.get(`/api/v1/campaigns/events/${eventId}`)).json().code).toBe('OUT_OF_SCOPE');
    expect((await outlet02.post('/api/v1/campaigns/check-ins', { code: conf.code })).json().code).toBe('OUT_OF_SCOPE');
    expect((await outlet02.get('/api/v1/campaigns')).json().items.map((c: { id: string }) => c.id)).not.toContain(campaignId);
    // Outlet 01 sees the branch campaign through its event, but may not plan it.
    const mine = (await outlet01.get(`/api/v1/campaigns/${campaignId}`)).json();
    expect(mine.allowedActions).toEqual([]);
    expect((await outlet01.get(`/api/v1/campaigns/events/${eventId}`)).json().allowedActions).toEqual(
      expect.arrayContaining(['checkIn', 'walkIn', 'report', 'photo']),
    );
    expect((await outlet01.get(`/api/v1/campaigns/events/${eventId}`)).json().allowedActions).not.toContain('publish');
    expect((await outlet01.post(`/api/v1/campaigns/events/${eventId}/close`)).statusCode).toBe(403);
    expect(
      (
        await outlet01.post(`/api/v1/campaigns/${campaignId}/events`, {
          title: 'x',
          venueType: 'outlet',
          venueName: 'x',
          startsAt: '2026-03-08T09:00:00+08:00',
          endsAt: '2026-03-08T10:00:00+08:00',
          capacity: 5,
        })
      ).statusCode,
    ).toBe(403);

    const assist = await outlet01.post('/api/v1/campaigns/assists', {
      eventId,
      customerName: '王淑珍',
      phone: '13604310009',
      age: 78,
      topics: ['手机银行转账', '养老诈骗识别'],
      explained: '演示手机银行转账限额设置；讲解“以房养老”骗局。',
      followUp: '一周后电话回访是否已设置限额',
      followUpDue: '2026-03-15',
    });
    expect(assist.statusCode, assist.body).toBe(201);
    const listed = (await outlet01.get('/api/v1/campaigns/assists?open=true')).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ customerName: '王淑珍', phoneMasked: '136****0009', followUpDone: false });
    expect((await outlet02.get('/api/v1/campaigns/assists')).json().items).toHaveLength(0);
    expect((await outlet02.post(`/api/v1/campaigns/assists/${assist.json().id}/complete`, { note: 'x' })).json().code).toBe('OUT_OF_SCOPE');
    expect((await outlet01.post(`/api/v1/campaigns/assists/${assist.json().id}/complete`, { note: '已设置单日限额' })).statusCode).toBe(200);
    expect((await outlet01.get('/api/v1/campaigns/assists?open=true')).json().items).toHaveLength(0);
  });

  it('counts submitted attempts of a linked education quiz towards the quiz goal, once per attempt', async () => {
    const quizId = '7d1f7c3e-5b8a-4d7e-9a51-0c7a1f0e2b11';
    // Attempts count by the time the event was recorded (the database's clock, not the test's fixed one).
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const campaignId = await newCampaign({ title: '植树节答题', theme: 'tree_planting', quizIds: [quizId], startsOn: day(-30), endsOn: day(30) });
    const other = await newCampaign({ title: '无关活动', theme: 'custom' });
    const submit = (attemptId: string) =>
      inTransaction(t.rt.deps, systemActor('test'), (uow) =>
        uow.emit('education.attempt_submitted', { attemptId, quizId, score: 80, quizTitle: '防范非法集资', maxScore: 100 }),
      );
    await submit('attempt-1');
    await submit('attempt-2');
    await submit('attempt-1');
    await t.rt.deps.dispatcher.kick();
    expect((await cp.get(`/api/v1/campaigns/${campaignId}`)).json().results.quizParticipation).toBe(2);
    expect((await cp.get(`/api/v1/campaigns/${other}`)).json().results.quizParticipation).toBe(0);
  });
});
