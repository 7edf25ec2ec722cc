import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Real peers on loopback for outreach channels: an SMTP receiver, a JSON SMS gateway, the WeChat OA API. */
export type SmtpFake = { url: string; messages: { to: string[]; raw: string }[]; close: () => Promise<void> };

export const startSmtpFake = async (): Promise<SmtpFake> => {
  const messages: SmtpFake['messages'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((r) => server.close(() => r())) };
};

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

export type SmsFake = {
  url: string;
  /** Every request received, including repeats. */
  requests: { to: string; text: string; key: string }[];
  /** Messages actually "sent" to phones: one per idempotency key. */
  sent: Map<string, { to: string; text: string }>;
  mode: 'ok' | 'error' | 'hang';
  delayMs: number;
  close: () => Promise<void>;
};

/** A generic JSON SMS gateway that honours Idempotency-Key: a repeat returns the first answer and sends nothing. */
export const startSmsFake = async (mode: SmsFake['mode'] = 'ok', delayMs = 0): Promise<SmsFake> => {
  const fake = { requests: [], sent: new Map(), mode, delayMs } as unknown as SmsFake;
  const server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || '{}') as { to: string; text: string; idempotencyKey: string };
    const key = String(req.headers['idempotency-key'] ?? body.idempotencyKey);
    fake.requests.push({ to: body.to, text: body.text, key });
    if (fake.mode === 'hang') return; // never answers
    if (fake.mode === 'error') {
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, message: 'gateway busy' }));
      return;
    }
    if (fake.delayMs) await new Promise((r) => setTimeout(r, fake.delayMs));
    if (!fake.sent.has(key)) fake.sent.set(key, { to: body.to, text: body.text });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, id: `sms-${key}`, status: 'delivered' }));
  });
  fake.url = `${await listen(server)}/sms/send`;
  fake.close = () =>
    new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return fake;
};

export type WechatFake = {
  base: string;
  tokenCalls: number;
  messages: { touser: string; template_id: string; url?: string; data: Record<string, { value: string }> }[];
  close: () => Promise<void>;
};

/** The official API's shape: GET /cgi-bin/token, POST /cgi-bin/message/template/send?access_token=…. */
export const startWechatFake = async (appId = 'wx-test', secret = 'wx-secret'): Promise<WechatFake> => {
  const fake = { tokenCalls: 0, messages: [] } as unknown as WechatFake;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/cgi-bin/token') {
      fake.tokenCalls++;
      const ok = url.searchParams.get('appid') === appId && url.searchParams.get('secret') === secret;
      res.end(JSON.stringify(ok ? { access_token: `tok-${fake.tokenCalls}`, expires_in: 7200 } : { errcode: 40013, errmsg: 'invalid appid' }));
      return;
    }
    if (url.pathname === '/cgi-bin/message/template/send') {
      if (!url.searchParams.get('access_token')?.startsWith('tok-')) return void res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
      fake.messages.push(JSON.parse(await readBody(req)));
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', msgid: 1000 + fake.messages.length }));
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  fake.base = await listen(server);
  fake.close = () => new Promise((r) => server.close(() => r()));
  return fake;
};
