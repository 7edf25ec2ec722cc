import { createTransport, type Transporter } from 'nodemailer';
import type { TChannelSettings } from '../../contract.ts';

/**
 * Channel adapters. Each gets the message and its idempotency key (the delivery id) and either
 * returns (accepted) or throws (retry). The SMS gateway receives the key in `Idempotency-Key` and
 * is expected to answer a repeat with the original result; e-mail carries it as the Message-ID;
 * WeChat's API has no such key (see docs/outreach.md on the delivery guarantee).
 */
export type OutboundMessage = {
  idempotencyKey: string;
  to: string;
  title: string;
  body: string;
  linkUrl: string | null;
  unsubscribeUrl: string;
  openPixelUrl: string;
  /** Wraps a URL in the click-tracking redirect. */
  track: (url: string) => string;
};
export type SendOutcome = { providerId: string | null; delivered: boolean };

export class ChannelError extends Error {}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const transports = new Map<string, Transporter>();
const transportFor = (url: string, timeoutMs: number): Transporter => {
  let t = transports.get(url);
  if (!t) {
    t = createTransport({ url, pool: true, maxConnections: 4, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs } as never);
    transports.set(url, t);
  }
  return t;
};

export const closeTransports = () => {
  for (const t of transports.values()) t.close();
  transports.clear();
};

export const sendEmail = async (cfg: NonNullable<TChannelSettings['email']>, m: OutboundMessage, timeoutMs: number): Promise<SendOutcome> => {
  const link = m.linkUrl ? `<p><a href="${escapeHtml(m.track(m.linkUrl))}">查看详情 View</a></p>` : '';
  const html = `<div style="font-size:16px"><h2>${escapeHtml(m.title)}</h2><p>${escapeHtml(m.body).replace(/\n/g, '<br>')}</p>${link}<p style="color:#888;font-size:12px">不想再收到此类邮件？<a href="${escapeHtml(m.unsubscribeUrl)}">退订 Unsubscribe</a></p><img src="${escapeHtml(m.openPixelUrl)}" width="1" height="1" alt=""></div>`;
  const info = await transportFor(cfg.smtpUrl, timeoutMs).sendMail({
    from: cfg.from,
    to: m.to,
    subject: m.title,
    text: `${m.body}\n${m.linkUrl ? `\n${m.track(m.linkUrl)}\n` : ''}\n退订 Unsubscribe: ${m.unsubscribeUrl}`,
    html,
    messageId: `<${m.idempotencyKey}@outreach.xiaobao>`,
    headers: { 'List-Unsubscribe': `<${m.unsubscribeUrl}>`, 'X-Xiaobao-Delivery': m.idempotencyKey },
  });
  // Accepted by the receiving SMTP server is as far as e-mail can confirm delivery.
  return { providerId: info.messageId ?? null, delivered: true };
};

const postJson = async (url: string, body: unknown, headers: Record<string, string>, timeoutMs: number) => {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new ChannelError((e as Error).name === 'TimeoutError' ? 'timeout' : `network: ${(e as Error).message.slice(0, 120)}`);
  }
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok) throw new ChannelError(`HTTP ${res.status}${json?.message ? `: ${String(json.message).slice(0, 120)}` : ''}`);
  return json ?? {};
};

/** A generic JSON SMS gateway: POST {to, text, idempotencyKey} → 2xx {id, status?}. */
export const sendSms = async (cfg: NonNullable<TChannelSettings['sms']>, m: OutboundMessage, timeoutMs: number): Promise<SendOutcome> => {
  const text = `【星河银行】${m.title}：${m.body}${m.linkUrl ? ` ${m.track(m.linkUrl)}` : ''} 退订回T或访问 ${m.unsubscribeUrl}`;
  const res = await postJson(
    cfg.url,
    { to: m.to, text, idempotencyKey: m.idempotencyKey },
    { 'idempotency-key': m.idempotencyKey, ...(cfg.apiKey ? { authorization: `Bearer ${cfg.apiKey}` } : {}) },
    timeoutMs,
  );
  if (res.ok === false) throw new ChannelError(`gateway refused: ${String(res.message ?? res.error ?? '').slice(0, 120)}`);
  return { providerId: res.id ? String(res.id) : null, delivered: res.status === 'delivered' };
};

const tokens = new Map<string, { token: string; until: number }>();

const wechatToken = async (cfg: NonNullable<TChannelSettings['wechat']>, timeoutMs: number, fresh = false): Promise<string> => {
  const hit = tokens.get(cfg.appId);
  if (hit && !fresh && hit.until > Date.now()) return hit.token;
  const url = `${cfg.apiBase.replace(/\/$/, '')}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(cfg.appId)}&secret=${encodeURIComponent(cfg.secret)}`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new ChannelError((e as Error).name === 'TimeoutError' ? 'timeout' : `network: ${(e as Error).message.slice(0, 120)}`);
  }
  const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
  if (!body.access_token) throw new ChannelError(`token: errcode ${body.errcode ?? res.status} ${body.errmsg ?? ''}`);
  // Refresh five minutes early, as the official guide recommends.
  tokens.set(cfg.appId, { token: body.access_token, until: Date.now() + Math.max(60, (body.expires_in ?? 7200) - 300) * 1000 });
  return body.access_token;
};

/** WeChat Official Account template message (POST /cgi-bin/message/template/send). */
export const sendWechat = async (cfg: NonNullable<TChannelSettings['wechat']>, m: OutboundMessage, timeoutMs: number): Promise<SendOutcome> => {
  const payload = {
    touser: m.to,
    template_id: cfg.templateId,
    ...(m.linkUrl ? { url: m.track(m.linkUrl) } : {}),
    data: { first: { value: m.title }, keyword1: { value: m.body.slice(0, 200) }, remark: { value: '如有疑问请拨打 96110 反诈专线' } },
  };
  for (let attempt = 0; ; attempt++) {
    const token = await wechatToken(cfg, timeoutMs, attempt > 0);
    const res = await postJson(
      `${cfg.apiBase.replace(/\/$/, '')}/cgi-bin/message/template/send?access_token=${encodeURIComponent(token)}`,
      payload,
      {},
      timeoutMs,
    );
    const code = Number(res.errcode ?? 0);
    // 40001 / 42001: token invalid or expired elsewhere — fetch a new one once.
    if ((code === 40001 || code === 42001) && attempt === 0) continue;
    if (code !== 0) throw new ChannelError(`errcode ${code}: ${String(res.errmsg ?? '')}`);
    return { providerId: res.msgid ? String(res.msgid) : null, delivered: false };
  }
};
