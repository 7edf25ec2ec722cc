import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../contract.ts';
import { checkInPath, newCheckInCode, parseCheckInCode } from './campaign-store.ts';

describe('check-in codes', () => {
  it('reads the code from the scanned URL, a typed code with spaces or dashes, and refuses anything else', () => {
    const code = newCheckInCode();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(parseCheckInCode(`https://xiaobao.example.cn${checkInPath(code)}`)).toBe(code);
    expect(parseCheckInCode(`http://localhost:3000${checkInPath(code)}/?utm=qr`)).toBe(code);
    expect(parseCheckInCode(` ${code.slice(0, 5).toLowerCase()}-${code.slice(5)} `)).toBe(code);
    expect(parseCheckInCode('ABCDEFGHI0')).toBeNull();
    expect(parseCheckInCode('https://evil.example/')).toBeNull();
    expect(parseCheckInCode('')).toBeNull();
  });
  it('normalises mainland mobile numbers', () => {
    expect(normalizePhone('+86 139-0431-0001')).toBe('13904310001');
    expect(normalizePhone('8613904310001')).toBe('13904310001');
    expect(normalizePhone('0431-88886666')).toBe('043188886666');
  });
});
