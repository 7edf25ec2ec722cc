import type { Command } from 'commander';
import { DEMO_PASSWORD } from '../modules/identity/index.ts';
import type { Config } from '../platform/config/env.ts';
import { acquireDataDirLock } from './data-lock.ts';
import { bootRuntime, seedDemoIfEmpty } from './runtime.ts';
import { ensureWebBuilt } from './web-build.ts';

const log = (line: string) => console.log(line);

const DEMO_LOGINS: [string, string][] = [
  ['admin', '系统管理员 system admin'],
  ['cpadmin', '分行消保管理员 branch consumer-protection admin'],
  ['handler01', '投诉处理员 complaint handler'],
  ['staff.outlet01', '网点一线员工 front-line staff'],
  ['inspector01', '检查员 inspector'],
  ['leader01', '行领导 leadership (read-only cockpit)'],
  ['auditor01', '审计员 auditor'],
  ['cp.ng', '支行消保专员（两个机构，可切换）sub-branch officer with two orgs'],
  ['newbie', '首次登录须改密 must change password'],
];

const serve = async (config: Config, opts: { demo: boolean; role?: 'all' | 'web' | 'worker' }) => {
  const started = Date.now();
  const release = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir);
  const rt = await bootRuntime(config, { role: opts.role ?? config.role });
  const seeded = opts.demo ? await seedDemoIfEmpty(rt, log) : false;
  // A synchronized start (2,000 quiz takers at once) opens more connections than Node's default
  // backlog of 511; the rest wait in SYN retries past the clients' connect timeout. The kernel caps
  // this at net.core.somaxconn (4096 on current kernels).
  if (rt.app) await rt.app.listen({ port: config.port, host: config.host, backlog: 4096 });
  const shutdown = async (signal: string) => {
    log(`收到 ${signal}，正在停止 / stopping …`);
    await rt.close();
    release();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = rt.app?.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log('');
  log(`小保 Xiaobao 已启动 / is up (${rt.config.role}, ${Date.now() - started} ms) — ${rt.handle.describe}`);
  if (rt.app) log(`  网址 URL:        http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`);
  if (rt.app) log(`  接口文档 API:    http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/api/docs`);
  if (opts.demo) {
    log(`  演示账号 demo logins (密码 password: ${DEMO_PASSWORD})${seeded ? '' : ' — existing data kept'}:`);
    for (const [u, what] of DEMO_LOGINS) log(`    ${u.padEnd(16)} ${what}`);
  }
  log('');
};

export const registerServeCommands = (program: Command, config: () => Config): void => {
  program
    .command('start')
    .description('构建前端（如需要）、迁移、装入演示数据并启动 / build web if stale, migrate, seed demo data, serve')
    .option('--no-demo', 'do not create demo data on an empty database')
    .action(async (o: { demo: boolean }) => {
      await ensureWebBuilt(log);
      await serve(config(), { demo: o.demo });
    });

  program
    .command('serve')
    .description('启动服务 / run the server')
    .option('--role <role>', 'all | web | worker')
    .option('--demo', 'create demo data on an empty database', false)
    .option('--dev', 'also start the Vite dev server with hot reload', false)
    .action(async (o: { role?: 'all' | 'web' | 'worker'; demo: boolean; dev: boolean }) => {
      const c = config();
      await serve(c, { demo: o.demo || o.dev, ...(o.role ? { role: o.role } : {}) });
      if (o.dev) {
        const { createServer } = await import('vite');
        const vite = await createServer({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname });
        await vite.listen();
        vite.printUrls();
      }
    });
};
