import { describe, expect, it } from 'vitest';
import { mask, redact, scrubText } from './mask.ts';

describe('masking personal data', () => {
  it('keeps the recognisable ends of each kind', () => {
    expect(mask('phone', '13812345678')).toBe('138****5678');
    expect(mask('idNumber', '220102199001011234')).toBe('2201**********1234');
    expect(mask('card', '6222 0212 3456 7890')).toBe('6222********7890');
    expect(mask('name', '张三丰')).toBe('张**');
    expect(mask('email', 'li.ming@example.cn')).toBe('l******@example.cn');
  });

  it('redacts nested fields by name and hides secrets entirely', () => {
    const out = redact({ user: { phone: '13812345678', password_hash: '$argon2id$x', name: 'ok' }, list: [{ id_number: '220102199001011234' }] });
    expect(out).toEqual({ user: { phone: '138****5678', password_hash: '[REDACTED]', name: 'ok' }, list: [{ id_number: '2201**********1234' }] });
  });

  it('scrubs numbers that look like personal data out of free text', () => {
    expect(scrubText('客户13812345678身份证220102199001011234卡号6222021234567890123')).toBe('客户138****5678身份证2201**********1234卡号6222***********0123');
  });
});
