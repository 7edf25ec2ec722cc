import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeContentHtml } from './sanitize.ts';

describe('content HTML policy', () => {
  it('removes scripts, handlers and javascript: links but keeps rich text and images', () => {
    const dirty =
      '<h2>标题</h2><p onclick="steal()">正文<script>alert(1)</script><img src="https://x.example/a.png" onerror="x()"><a href="javascript:alert(1)">链接</a><iframe src="https://evil"></iframe></p><style>p{}</style>';
    const clean = sanitizeContentHtml(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|javascript:|iframe|style/i);
    expect(clean).toContain('<h2>标题</h2>');
    expect(clean).toContain('<img src="https://x.example/a.png" />');
    expect(sanitizeContentHtml(clean)).toBe(clean);
  });
  it('extracts text for search and read-aloud', () => {
    expect(htmlToText('<p>一&amp;二</p><p>三</p>')).toBe('一&二\n三');
  });
});
