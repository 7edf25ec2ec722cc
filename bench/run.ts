/**
 * One harness for every module's benchmark. Each bench exports `run(target)` for one engine;
 * the harness runs it on PGlite and, when DATABASE_URL is set, on PostgreSQL, and prints
 * `{ "pglite": {…}, "postgres": {…} }` as the last line of stdout.
 */
export type BenchTarget = { dialect: 'pglite' | 'postgres'; databaseUrl?: string };
export type Bench = { run: (target: BenchTarget) => Promise<Record<string, number | string>> };

const BENCHES: Record<string, () => Promise<Bench>> = {
  foundation: () => import('./foundation.ts'),
  nlp: () => import('./nlp.ts'),
  complaints: () => import('./complaints.ts'),
  opinion: () => import('./opinion.ts'),
  quiz: () => import('./quiz.ts'),
  push: () => import('./push.ts'),
};

const name = process.argv[2];
const load = name ? BENCHES[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}>`);
  process.exit(2);
}
const bench = await load();
const result: Record<string, unknown> = {};
console.error(`[bench] ${name} on pglite …`);
result.pglite = await bench.run({ dialect: 'pglite' });
if (process.env.DATABASE_URL) {
  console.error(`[bench] ${name} on postgres …`);
  result.postgres = await bench.run({ dialect: 'postgres', databaseUrl: process.env.DATABASE_URL });
}
console.log(JSON.stringify(result));
process.exit(0);
