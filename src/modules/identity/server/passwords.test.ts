import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordWeakness, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('Correct-Horse-9');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Correct-Horse-9')).toBe(true);
    expect(await verifyPassword(h, 'correct-horse-9')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('refuses weak passwords with a reason', () => {
    expect(passwordWeakness('Short1!', 'li')).toBe('min_length_10');
    expect(passwordWeakness('alllowercase', 'li')).toBe('needs_three_character_classes');
    expect(passwordWeakness('Zhangsan-2026', 'zhangsan')).toBe('contains_username');
    expect(passwordWeakness('Xiaobao@2026!', 'li')).toBeNull();
  });

  it('generates passwords that pass its own strength rule', () => {
    for (let i = 0; i < 50; i++) expect(passwordWeakness(generatePassword(), 'someone')).toBeNull();
  });
});
