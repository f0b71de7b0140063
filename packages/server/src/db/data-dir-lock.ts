// One hub per data directory: a lock file holding the owner's pid and port. A second start reads it, says
// who holds the directory, and leaves everything as it is. A lock whose process is gone is stale and taken over.
import fs from 'node:fs';
import path from 'node:path';

export interface LockOwner {
  pid: number;
  port?: number;
  startedAt: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `数据目录 ${dataDir} 已被另一个正在运行的中枢使用（进程 ${owner.pid}${owner.port ? `，端口 ${owner.port}` : ''}）。` +
        ` / Another hub is already running on data directory ${dataDir} (pid ${owner.pid}` +
        `${owner.port ? `, http://localhost:${owner.port}/` : ''}). Stop it first, or set HUB_DATA_DIR to another directory.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLock {
  private constructor(private readonly file: string) {}

  static acquire(dataDir: string): DataDirLock {
    const file = path.join(dataDir, 'hub.lock');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = fs.openSync(file, 'wx');
        fs.writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() } satisfies LockOwner));
        fs.closeSync(fd);
        return new DataDirLock(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const owner = readOwner(file);
        if (owner && owner.pid !== process.pid && isAlive(owner.pid)) throw new DataDirInUseError(dataDir, owner);
        fs.rmSync(file, { force: true }); // stale: its process is gone
      }
    }
    throw new Error(`could not take the lock ${file}`);
  }

  /** Records the port once the server listens, so a second start can say where the first one is. */
  setPort(port: number): void {
    const owner = readOwner(this.file);
    if (owner) fs.writeFileSync(this.file, JSON.stringify({ ...owner, port }));
  }

  release(): void {
    const owner = readOwner(this.file);
    if (owner?.pid === process.pid) fs.rmSync(this.file, { force: true });
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}
