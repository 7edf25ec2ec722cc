import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The demo source replays real public posts from ../shared/data (read at run time, never copied
 * into the repository; see each data set's SOURCE.txt). Missing files just mean fewer posts.
 */

export type DemoText = { source: 'demo-appstore' | 'demo-weibo' | 'demo-news' | 'demo-forum'; title?: string; text: string };

const lines = (path: string): string[] => (existsSync(path) ? readFileSync(path, 'utf8').split(/\r?\n/) : []);

const clean = (s: string) =>
  s
    .replace(/\{%[^%]*%\}/g, ' ')
    .replace(/\?{3,}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Up to `perSource` texts from each data set, de-duplicated, in file order. */
export const loadDemoTexts = (perSource: number, dataDir: string): DemoText[] => {
  const out: DemoText[] = [];
  const take = (source: DemoText['source'], texts: { title?: string; text: string }[]) => {
    const seen = new Set<string>();
    for (const t of texts) {
      const text = clean(t.text).slice(0, 2000);
      if (text.length < 6 || seen.has(text)) continue;
      seen.add(text);
      out.push({ source, text, ...(t.title ? { title: clean(t.title).slice(0, 200) } : {}) });
      if (seen.size >= perSource) break;
    }
  };
  const icbc = join(dataDir, 'icbc_app_reviews');
  take(
    'demo-appstore',
    [...lines(join(icbc, '360_store_icbc.txt')), ...lines(join(icbc, 'apple_appstore_icbc.txt'))].map((text) => ({ text })),
  );
  const topics = join(dataDir, 'weibo2018', 'topics');
  const weibo = existsSync(topics) ? readdirSync(topics).flatMap((f) => lines(join(topics, f))) : [];
  take(
    'demo-weibo',
    weibo.map((l) => ({ text: l.split(',').slice(2).join(',') })),
  );
  const finnsp = join(dataDir, 'fincuge_finnsp', 'problem_list.json');
  if (existsSync(finnsp)) {
    const rows = JSON.parse(readFileSync(finnsp, 'utf8')) as { input: unknown }[];
    take(
      'demo-news',
      rows.map((r) => {
        if (Array.isArray(r.input)) return { title: String(r.input[0] ?? ''), text: String(r.input[1] ?? '') };
        const m = /^\['(.*?)', '(.*)', '(.*?)'\]$/s.exec(String(r.input));
        return m ? { title: m[1] as string, text: m[2] as string } : { text: String(r.input) };
      }),
    );
  }
  take(
    'demo-forum',
    lines(join(dataDir, 'bdci2021_bank_reviews', 'unlabelled.csv'))
      .slice(1)
      .map((l) => ({ text: l.slice(l.indexOf(',') + 1) })),
  );
  return out;
};
