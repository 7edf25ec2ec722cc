import type { Command } from 'commander';
import { type RoleCode, systemActor } from '../kernel/actor.ts';
import { ROLE_CODES } from '../modules/identity/contract.ts';
import { createUser } from '../modules/identity/index.ts';
import type { Config } from '../platform/config/env.ts';
import { acquireDataDirLock } from './data-lock.ts';
import { bootRuntime } from './runtime.ts';

export const registerUserCommands = (program: Command, config: () => Config): void => {
  const user = program.command('user').description('用户管理 / users');
  user
    .command('add')
    .description('新建用户（未给密码则生成一次性初始密码）/ add a user')
    .requiredOption('--username <name>')
    .requiredOption('--name <display name>')
    .requiredOption('--org <code>', 'org code, e.g. CC or CC-NG-1')
    .requiredOption('--role <role...>', `one or more of ${ROLE_CODES.join(', ')}`)
    .option('--password <password>', 'initial password (otherwise generated; must be changed at first sign-in)')
    .action(async (o: { username: string; name: string; org: string; role: string[]; password?: string }) => {
      const bad = o.role.filter((r) => !(ROLE_CODES as readonly string[]).includes(r));
      if (bad.length) throw new Error(`unknown role(s): ${bad.join(', ')}`);
      const c = config();
      const release = c.databaseUrl ? () => {} : acquireDataDirLock(c.dataDir);
      const rt = await bootRuntime(c, { role: 'none', jobsMode: 'inline', logger: false });
      try {
        const org = await rt.handle.db.selectFrom('orgs').select('id').where('code', '=', o.org).executeTakeFirst();
        if (!org) throw new Error(`unknown org code: ${o.org}`);
        const r = await createUser(rt.deps, systemActor('cli'), {
          username: o.username,
          displayName: o.name,
          orgId: org.id,
          roles: o.role as RoleCode[],
          ...(o.password ? { password: o.password, mustChangePassword: true } : {}),
        });
        console.log(`已创建 created ${r.username}; 初始密码 initial password: ${r.initialPassword} (首次登录须修改 must be changed at first sign-in)`);
      } finally {
        await rt.close();
        release();
      }
    });
};
