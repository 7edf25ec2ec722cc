import { describe, expect, it } from 'vitest';
import { quoteLexeme } from './document.ts';
import { buildSearchDocument, highlight, highlightHtml, normalizeForSearch, parseSearchQuery } from './index.ts';

describe('search documents and queries', () => {
  it('indexes every unigram and bigram plus long jieba words', () => {
    const d = buildSearchDocument(['共扣收年费', null, '征信异议']);
    expect(d.search_text).toBe('共扣收年费\n征信异议');
    for (const l of ["'年费'", "'收年'", "'费'", "'征信异议'", "'信异'"]) expect(d.search_terms).toContain(l);
    expect(d.search_terms).not.toContain("'费征'"); // no gram across parts
  });
  it('quotes lexemes safely', () => {
    expect(quoteLexeme("it's a\\b")).toBe("'it''s a\\\\b'");
  });
  it('routes terms by length', () => {
    expect(parseSearchQuery('年费 征信异议 a 。')).toEqual([
      { term: '年费', kind: 'gram' },
      { term: '征信异议', kind: 'trigram' },
      { term: 'a', kind: 'gram' },
      { term: '。', kind: 'scan' },
    ]);
    expect(parseSearchQuery('')).toEqual([]);
  });
  it.each([[''], ['\ud800'], ['😀😀'], ['\u0000\u0001'], ['年'.repeat(300_000)]])('survives bad input %#', (x) => {
    expect(typeof buildSearchDocument([x]).search_text).toBe('string');
    expect(Array.isArray(parseSearchQuery(x))).toBe(true);
    expect(typeof highlightHtml(x, x)).toBe('string');
  });
});

describe('highlight', () => {
  it('marks hits in the original text, including traditional and full-width forms', () => {
    const h = highlight('客户的信用卡年費被扣收，ＡＴＭ吞卡', '年费 atm');
    expect(h.segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['年費', 'ＡＴＭ']);
    expect(h.segments.map((s) => s.text).join('')).toBe('客户的信用卡年費被扣收，ＡＴＭ吞卡');
  });
  it('escapes HTML and cuts a snippet around the first hit', () => {
    const text = `${'前文'.repeat(200)}<script>年费</script>${'后文'.repeat(200)}`;
    const html = highlightHtml(text, '年费', 40);
    expect(html).toContain('&lt;script&gt;<mark>年费</mark>&lt;/script&gt;');
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).not.toContain('<script>');
  });
  it('keeps normal form consistent with documents', () => {
    expect(normalizeForSearch('  銀行  ＡＢＣ ')).toBe('银行 abc');
  });
});
