// `hub token …` and `hub user …`: API keys and accounts from the operator's command line. `token create`
// prints only the new key on standard output, so scripts can capture it: KEY=$(pnpm -s hub token create …).
import readline from 'node:readline';
import { Role } from '@hub/schema';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Command } from 'commander';
import { GraphQLError } from 'graphql';
import { openDatabase } from '../../app.js';
import { createLogger } from '../../common/logger.js';
import { loadConfig } from '../../config.js';
import { DataDirInUseError } from '../../db/data-dir-lock.js';
import { embeddedUrl, runningEmbeddedPort } from '../../db/embedded-postgres.js';
import { openOrm } from '../../db/orm.js';
import { AccountService, MAX_KEY_DAYS } from './auth.service.js';

/** A mistake of the operator: one line on stderr, exit code 1. */
class CommandError extends Error {}

// The service names input fields; the command line calls them by its options.
const OPTION_OF: Record<string, string> = {
  'input.townshipCode': '--township',
  townshipCode: '--township',
  'input.name': '--name',
  'input.role': '--role',
  role: '--role',
  'input.expiresInDays': '--expires-in-days',
  login: '--login',
  displayName: '--name',
};

function fail(command: string, e: unknown): never {
  const message =
    e instanceof CommandError
      ? e.message
      : e instanceof GraphQLError && e.extensions?.code === 'BAD_USER_INPUT'
        ? e.message.replace(/(^|; )([\w.]+):/g, (all, sep: string, field: string) =>
            OPTION_OF[field] ? `${sep}${OPTION_OF[field]}:` : all,
          )
        : null;
  if (message === null) throw e;
  process.stderr.write(`hub ${command}: ${message}\n`);
  process.exit(1);
}

function parseRole(value: string): Role {
  const role = value.trim().toUpperCase();
  if (role in Role) return role as Role;
  throw new CommandError(
    `角色 ${value} 不存在，应为 ${Object.keys(Role).join('、')} 之一 / no role ${value}; one of ${Object.keys(Role).join(', ')}`,
  );
}

function parseDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_KEY_DAYS)
    throw new CommandError(
      `--expires-in-days 应为 1–${MAX_KEY_DAYS} 的整数 / must be a whole number from 1 to ${MAX_KEY_DAYS}`,
    );
  return n;
}

/**
 * The database for an account command: DATABASE_URL, or the embedded PostgreSQL under HUB_DATA_DIR — started
 * here, or, when a hub already runs on that directory, the one that hub runs (its own files say where).
 */
async function withAccounts<T>(fn: (accounts: AccountService) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Only warnings: standard output is for the command's answer, and its log must not clutter a script's stderr.
  const log = createLogger(config.logLevel === 'debug' ? 'debug' : 'warn');
  let orm: MikroORM;
  let close: () => Promise<void>;
  try {
    const db = await openDatabase(config, log);
    orm = db.orm;
    close = () => db.close();
  } catch (e) {
    const port = e instanceof DataDirInUseError ? runningEmbeddedPort(config.dataDir) : null;
    if (!port) throw e;
    orm = await openOrm(embeddedUrl(port), { pool: { min: 0, max: 1 } });
    close = () => orm.close(true);
  }
  try {
    return await orm.em.fork().transactional((em) => fn(new AccountService(em)));
  } finally {
    await close();
  }
}

/** The password: from standard input when it is not a terminal (or with --password-stdin), else asked twice. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      // Echo nothing of what is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(prompt)) process.stderr.write(prompt);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('密码 / Password: ');
  const again = await ask('再输入一次 / Again: ');
  if (first !== again) throw new CommandError('两次输入的密码不同 / the two passwords differ');
  return first;
}

export function registerAuthCommands(program: Command): void {
  const token = program.command('token').description('API keys for programs: create, list, revoke');

  token
    .command('create')
    .description('Create an API key; prints only the key (shown this once) on standard output')
    .requiredOption('--role <ROLE>', `what the key may do: ${Object.keys(Role).join(', ')}`)
    .requiredOption('--name <NAME>', 'what the key is for, e.g. 市应急局数据交换')
    .option('--township <code>', 'limit the key to this township (its 12-digit code)')
    .option('--expires-in-days <N>', `days until it expires, 1–${MAX_KEY_DAYS}`, '365')
    .option('--trusted-documents', 'only operations registered for the key may run')
    .action(
      async (o: {
        role: string;
        name: string;
        township?: string;
        expiresInDays: string;
        trustedDocuments?: boolean;
      }) => {
        try {
          const input = {
            name: o.name,
            role: parseRole(o.role),
            townshipCode: o.township ?? null,
            expiresInDays: parseDays(o.expiresInDays),
            trustedDocumentsOnly: Boolean(o.trustedDocuments),
          };
          const { key } = await withAccounts((accounts) => accounts.createApiKey(input, 'cli'));
          process.stdout.write(`${key}\n`);
        } catch (e) {
          fail('token create', e);
        }
      },
    );

  token
    .command('list')
    .description('List the API keys: prefix, name, role, township, expiry, last use, revoked')
    .action(async () => {
      try {
        const keys = await withAccounts((accounts) => accounts.listApiKeys());
        const day = (d?: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '-');
        for (const k of keys)
          process.stdout.write(
            [
              k.prefix,
              k.role,
              k.townshipCode ?? '-',
              `expires ${day(k.expiresAt)}`,
              `used ${day(k.lastUsedAt)}`,
              k.revokedAt ? `REVOKED ${day(k.revokedAt)}` : 'active',
              k.name,
            ].join('\t') + '\n',
          );
      } catch (e) {
        fail('token list', e);
      }
    });

  token
    .command('revoke')
    .description('Revoke an API key by its prefix (hub_ and 8 characters, as `token list` shows)')
    .argument('<prefix>', 'the key’s prefix')
    .action(async (prefix: string) => {
      try {
        if (!/^hub_[A-Za-z0-9_-]{8}$/.test(prefix))
          throw new CommandError(
            `${prefix} 不是密钥前缀（hub_ 加 8 个字符）/ ${prefix} is not a key prefix (hub_ and 8 characters)`,
          );
        const key = await withAccounts((accounts) => accounts.revokeApiKey(prefix));
        process.stdout.write(`revoked ${key.prefix} (${key.name})\n`);
      } catch (e) {
        fail('token revoke', e);
      }
    });

  const user = program.command('user').description('People who sign in to the dashboard');
  user
    .command('create')
    .description('Create a person; the password is read from standard input (or asked for on a terminal)')
    .requiredOption('--login <login>', 'login name: lower-case letters, digits, . _ -')
    .requiredOption('--name <name>', 'name shown in the dashboard')
    .requiredOption('--role <ROLE>', `what the person may do: ${Object.keys(Role).join(', ')}`)
    .option('--township <code>', 'limit the person to this township (its 12-digit code)')
    .option('--password-stdin', 'read the password from standard input (its first line)')
    .action(async (o: { login: string; name: string; role: string; township?: string; passwordStdin?: boolean }) => {
      try {
        const role = parseRole(o.role);
        const password = await readPassword(Boolean(o.passwordStdin));
        const created = await withAccounts((accounts) =>
          accounts.createUser({
            login: o.login,
            displayName: o.name,
            role,
            townshipCode: o.township ?? null,
            password,
          }),
        );
        process.stdout.write(`created ${created.login} (${created.role})\n`);
      } catch (e) {
        fail('user create', e);
      }
    });
}
