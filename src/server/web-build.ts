import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const isWebSource = (path: string): boolean => !path.includes('/modules/') || path.includes('/web/') || path.endsWith('contract.ts');

const newestMtime = (path: string): number => {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return isWebSource(path) ? st.mtimeMs : 0;
  let max = 0;
  for (const e of readdirSync(path)) if (e !== 'node_modules') max = Math.max(max, newestMtime(join(path, e)));
  return max;
};

/** The web bundle is stale when any source it is built from is newer than its index.html. */
export const isWebBuildStale = (): boolean => {
  const built = join(ROOT, 'dist/web/index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const sources = ['src/web', 'src/modules', 'src/kernel', 'vite.config.ts', 'package-lock.json'].map((p) => newestMtime(join(ROOT, p)));
  return Math.max(...sources) > builtAt;
};

export const buildWeb = async (): Promise<void> => {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
};

export const ensureWebBuilt = async (log: (l: string) => void): Promise<void> => {
  if (!isWebBuildStale()) return;
  log('构建前端 building the web app (vite) …');
  const t = Date.now();
  await buildWeb();
  log(`前端构建完成 built in ${Date.now() - t} ms`);
};
