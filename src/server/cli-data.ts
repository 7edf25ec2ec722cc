import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import type { Config } from '../platform/config/env.ts';
import { openDatabase, openPglite } from '../platform/db/client.ts';
import { acquireDataDirLock } from './data-lock.ts';
import { bootRuntime, seedDemoIfEmpty } from './runtime.ts';

/** Offline commands open the embedded database exclusively (the server must be stopped). */
const withLock = async <T>(c: Config, fn: () => Promise<T>): Promise<T> => {
  const release = c.databaseUrl ? () => {} : acquireDataDirLock(c.dataDir);
  try {
    return await fn();
  } finally {
    release();
  }
};

const pgTool = (tool: 'pg_dump' | 'pg_restore', args: string[]) => {
  const r = spawnSync(tool, args, { stdio: 'inherit' });
  if (r.error) throw new Error(`${tool} not found: install the PostgreSQL client tools (${r.error.message})`);
  if (r.status !== 0) throw new Error(`${tool} exited with ${r.status}`);
};

export const registerDataCommands = (program: Command, config: () => Config): void => {
  program
    .command('migrate')
    .description('执行数据库迁移 / apply migrations')
    .action(async () => {
      const c = config();
      await withLock(c, async () => {
        const rt = await bootRuntime(c, { role: 'none', logger: false });
        console.log(`已迁移 migrated: ${rt.handle.describe}`);
        await rt.close();
      });
    });

  program
    .command('seed')
    .description('装入演示数据（仅空库）/ load demo data into an empty database')
    .requiredOption('--demo', 'the demo data set')
    .action(async () => {
      const c = config();
      await withLock(c, async () => {
        const rt = await bootRuntime(c, { role: 'none', jobsMode: 'inline', logger: false });
        const done = await seedDemoIfEmpty(rt, console.log);
        console.log(done ? '演示数据已装入 demo data loaded' : '数据库非空，未改动 database not empty, nothing changed');
        await rt.close();
      });
    });

  program
    .command('backup <file>')
    .description('备份（嵌入式库：数据目录归档；PostgreSQL：pg_dump）/ back up the database')
    .action(async (file: string) => {
      const c = config();
      if (c.databaseUrl) return pgTool('pg_dump', ['--format=custom', `--file=${file}`, c.databaseUrl]);
      await withLock(c, async () => {
        const handle = await openPglite(join(c.dataDir, 'pgdata'));
        const blob = await (handle.pglite as NonNullable<typeof handle.pglite>).dumpDataDir('gzip');
        writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
        await handle.close();
        console.log(`已备份 backed up to ${file} (${blob.size} bytes)`);
      });
    });

  program
    .command('restore <file>')
    .description('从备份恢复（嵌入式库会先把当前数据目录改名保留）/ restore a backup')
    .action(async (file: string) => {
      const c = config();
      if (!existsSync(file)) throw new Error(`no such file: ${file}`);
      if (c.databaseUrl) return pgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${c.databaseUrl}`, file]);
      await withLock(c, async () => {
        const dir = join(c.dataDir, 'pgdata');
        if (existsSync(dir)) {
          const aside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
          renameSync(dir, aside);
          console.log(`原数据目录已保留 previous data kept at ${aside}`);
        }
        const handle = await openPglite(dir, new Blob([readFileSync(file)]));
        const n = await handle.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst();
        await handle.close();
        console.log(`已恢复 restored from ${file} (audit records: ${n?.n ?? 0})`);
      });
    });

  const audit = program.command('audit').description('审计日志 / audit trail');
  audit
    .command('verify')
    .description('校验审计日志哈希链 / verify the audit hash chain')
    .action(async () => {
      const c = config();
      await withLock(c, async () => {
        const handle = await openDatabase(c);
        const r = await verifyAuditChain(handle.db);
        await handle.close();
        if (r.ok) {
          console.log(`审计链完整 audit chain intact: ${r.records} records`);
        } else {
          console.error(`审计链被破坏 audit chain BROKEN at seq ${r.firstBadSeq} (${r.reason}); ${r.records} records verified before it`);
          process.exitCode = 3;
        }
      });
    });
};
