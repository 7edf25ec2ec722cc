import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1): ~30–60 ms per hash
 * on this class of machine, cheap enough for login bursts, costly enough for offline attacks.
 */
const ARGON = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string): Promise<string> => hash(plain, ARGON);

export const verifyPassword = async (stored: string, plain: string): Promise<boolean> => {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
};

/** Verified against for unknown usernames so response time does not reveal who exists. */
let dummyHash: Promise<string> | null = null;
export const burnVerify = async (plain: string): Promise<void> => {
  dummyHash ??= hashPassword('xiaobao-dummy-password');
  await verifyPassword(await dummyHash, plain);
};

/** At least 10 characters from three of: lower, upper, digit, symbol; not the username. */
export const passwordWeakness = (pw: string, username: string): string | null => {
  if (pw.length < 10) return 'min_length_10';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return 'needs_three_character_classes';
  if (pw.toLowerCase().includes(username.toLowerCase())) return 'contains_username';
  return null;
};

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
/** A generated initial password (the user must change it on first sign-in). */
export const generatePassword = (): string => {
  const pick = (chars: string) => chars[randomInt(chars.length)];
  const body = Array.from({ length: 12 }, () => pick(ALPHABET)).join('');
  return `${body}${pick('23456789')}${pick('!@#%&*')}`;
};
