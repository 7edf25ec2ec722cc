import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database belongs to one process at a time. A pid file in the data directory
 * stops a second server or an offline command (backup, restore) from opening it concurrently.
 */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export const acquireDataDirLock = (dataDir: string): (() => void) => {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'xiaobao.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && alive(pid)) {
      throw new Error(`数据目录正被进程 ${pid} 使用 / data directory ${dataDir} is in use by process ${pid}`);
    }
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
};
