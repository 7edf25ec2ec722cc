import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signed, non-expiring public tokens (unsubscribe, open/click tracking): payload.hmac, both base64url. */
export const signToken = (secret: string, payload: string): string => {
  const body = Buffer.from(payload).toString('base64url');
  const mac = createHmac('sha256', `outreach:${secret}`).update(body).digest('base64url').slice(0, 32);
  return `${body}.${mac}`;
};

export const verifyToken = (secret: string, token: string): string | null => {
  const [body, mac] = token.split('.');
  if (!body || !mac) return null;
  const want = createHmac('sha256', `outreach:${secret}`).update(body).digest('base64url').slice(0, 32);
  if (want.length !== mac.length || !timingSafeEqual(Buffer.from(want), Buffer.from(mac))) return null;
  return Buffer.from(body, 'base64url').toString();
};
