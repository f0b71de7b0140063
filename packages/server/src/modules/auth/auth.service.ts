// Accounts, sessions and API keys: validated at the boundary (every problem named by its field), written in
// the caller's transaction.
import { Role } from '@hub/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { InputProblems } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import { Township } from '../township/township.entity.js';
import { ApiKey } from './api-key.entity.js';
import type { CreateApiKeyInput, CreateUserInput, UpdateUserInput } from './auth.inputs.js';
import {
  hashPassword,
  newApiKey,
  newSessionToken,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  sha256,
  verifyPassword,
} from './credentials.js';
import { Session } from './session.entity.js';
import { SESSION_LIFETIME_MS } from './session-cookie.js';
import { User } from './user.entity.js';
import { forgetCachedKeys } from './viewer-lookup.js';

const LOGIN = /^[a-z0-9._-]{2,64}$/;
export const MAX_KEY_DAYS = 3650;

/** One answer for a wrong login, a wrong password and a disabled account: nothing tells which logins exist. */
export class SignInFailedError extends GraphQLError {
  constructor() {
    super('登录名或密码错误 / wrong login name or password', {
      extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_FAILED' },
    });
  }
}

function checkRole(role: unknown, problems: InputProblems, field = 'role'): void {
  problems.check(
    typeof role === 'string' && role in Role,
    field,
    `角色应为 ${Object.keys(Role).join('、')} 之一`,
    `must be one of ${Object.keys(Role).join(', ')}`,
  );
}

function checkPassword(password: string, problems: InputProblems, field = 'password'): void {
  problems.check(
    [...password].length >= PASSWORD_MIN_LENGTH && [...password].length <= PASSWORD_MAX_LENGTH,
    field,
    `密码长度应为 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 个字符`,
    `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
  );
}

function checkName(value: string, problems: InputProblems, field: string, max = 80): void {
  const length = [...value.trim()].length;
  problems.check(length >= 1 && length <= max, field, `长度应为 1–${max} 个字符`, `must be 1 to ${max} characters`);
}

async function checkTownship(em: EntityManager, code: string | null | undefined, problems: InputProblems) {
  if (!code) return;
  const found = await em.count(Township, { code });
  problems.check(found > 0, 'townshipCode', `没有代码为 ${code} 的乡镇`, `no township has code ${code}`);
}

function decodeId(id: string, type: 'User' | 'ApiKey', problems: InputProblems, field = 'id'): number | null {
  const decoded = fromGlobalId(id);
  if (decoded?.type === type) return decoded.key;
  problems.add(field, `不是有效的 ${type} ID`, `is not a valid ${type} id`);
  return null;
}

export class AccountService {
  constructor(private readonly em: EntityManager) {}

  // ---- people ----

  listUsers(): Promise<User[]> {
    return this.em.find(User, {}, { orderBy: { login: 'asc' } });
  }

  async createUser(input: CreateUserInput): Promise<User> {
    const problems = new InputProblems();
    const login = input.login.trim().toLowerCase();
    problems.check(
      LOGIN.test(login),
      'login',
      '登录名应为 2–64 个小写字母、数字或 . _ -',
      'must be 2 to 64 lower-case letters, digits, ".", "_" or "-"',
    );
    checkName(input.displayName, problems, 'displayName');
    checkRole(input.role, problems);
    checkPassword(input.password, problems);
    await checkTownship(this.em, input.townshipCode, problems);
    if (LOGIN.test(login) && (await this.em.count(User, { login })) > 0)
      problems.add('login', `登录名 ${login} 已被使用`, `login ${login} is taken`);
    problems.throwIfAny();
    const user = this.em.create(User, {
      login,
      displayName: input.displayName.trim(),
      role: input.role,
      townshipCode: input.townshipCode || null,
      passwordHash: await hashPassword(input.password),
    });
    await this.em.flush();
    return user;
  }

  async requireUser(id: string): Promise<User> {
    const problems = new InputProblems();
    const key = decodeId(id, 'User', problems);
    const user = key ? await this.em.findOne(User, { id: key }) : null;
    if (key && !user) problems.add('id', `找不到用户 ${id}`, `user ${id} does not exist`);
    problems.throwIfAny();
    return user!;
  }

  async updateUser(id: string, input: UpdateUserInput): Promise<User> {
    const user = await this.requireUser(id);
    const problems = new InputProblems('input');
    if (input.displayName != null) checkName(input.displayName, problems, 'displayName');
    if (input.role != null) checkRole(input.role, problems);
    await checkTownship(this.em, input.townshipCode, problems);
    const losesAdmin =
      user.role === Role.ADMIN &&
      !user.disabled &&
      ((input.role && input.role !== Role.ADMIN) || input.disabled === true);
    if (losesAdmin && (await this.em.count(User, { role: Role.ADMIN, disabled: false })) <= 1)
      problems.add(
        input.disabled ? 'disabled' : 'role',
        '这是最后一个可用的管理员账户，不能停用或降级',
        'this is the last enabled ADMIN: it cannot be disabled or given another role',
      );
    problems.throwIfAny();
    if (input.displayName != null) user.displayName = input.displayName.trim();
    if (input.role != null) user.role = input.role;
    if (input.townshipCode !== undefined && input.townshipCode !== null) user.townshipCode = input.townshipCode || null;
    if (input.disabled != null) {
      user.disabled = input.disabled;
      if (input.disabled) await this.em.nativeDelete(Session, { user: user.id });
    }
    await this.em.flush();
    return user;
  }

  /** Sets a new password and ends the person's sessions, so an old password's sessions stop too. */
  async resetPassword(id: string, password: string): Promise<User> {
    const user = await this.requireUser(id);
    const problems = new InputProblems();
    checkPassword(password, problems);
    problems.throwIfAny();
    user.passwordHash = await hashPassword(password);
    await this.em.nativeDelete(Session, { user: user.id });
    await this.em.flush();
    return user;
  }

  // ---- sessions ----

  /**
   * Checks a login and password and opens a session; returns the user and the cookie's token. Every failure
   * is the same error after the same work (a password hash is verified even for an unknown login).
   */
  async signIn(login: string, password: string): Promise<{ user: User; token: string }> {
    const normalized = login.trim().toLowerCase();
    const user = LOGIN.test(normalized)
      ? await this.em.findOne(User, { login: normalized }, { populate: ['passwordHash'] })
      : null;
    const ok = await verifyPassword(user?.passwordHash, password.slice(0, PASSWORD_MAX_LENGTH * 4));
    if (!user || !ok || user.disabled) throw new SignInFailedError();
    const token = newSessionToken();
    this.em.create(Session, {
      tokenHash: sha256(token),
      user,
      expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
    });
    // Ended sessions are of no use to anyone: sign-in is a good moment to clear them.
    await this.em.nativeDelete(Session, { expiresAt: { $lte: new Date() } });
    await this.em.flush();
    return { user, token };
  }

  async signOut(token: string): Promise<boolean> {
    return (await this.em.nativeDelete(Session, { tokenHash: sha256(token) })) > 0;
  }

  // ---- API keys ----

  listApiKeys(): Promise<ApiKey[]> {
    return this.em.find(ApiKey, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  /** Creates a key and returns it with its secret, which is shown this once and never stored. */
  async createApiKey(input: CreateApiKeyInput, createdBy: string): Promise<{ apiKey: ApiKey; key: string }> {
    const problems = new InputProblems('input');
    checkName(input.name, problems, 'name');
    checkRole(input.role, problems);
    problems.check(
      Number.isInteger(input.expiresInDays) && input.expiresInDays >= 1 && input.expiresInDays <= MAX_KEY_DAYS,
      'expiresInDays',
      `有效天数应为 1–${MAX_KEY_DAYS}`,
      `must be a whole number from 1 to ${MAX_KEY_DAYS}`,
    );
    await checkTownship(this.em, input.townshipCode, problems);
    problems.throwIfAny();
    const secret = newApiKey();
    const apiKey = this.em.create(ApiKey, {
      prefix: secret.prefix,
      keyHash: secret.hash,
      name: input.name.trim(),
      role: input.role,
      townshipCode: input.townshipCode || null,
      trustedDocumentsOnly: input.trustedDocumentsOnly,
      expiresAt: new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000),
      createdBy,
    });
    await this.em.flush();
    return { apiKey, key: secret.key };
  }

  /** Revokes a key given by its global id or its visible prefix; revoking twice keeps the first time. */
  async revokeApiKey(idOrPrefix: string): Promise<ApiKey> {
    const problems = new InputProblems();
    let apiKey: ApiKey | null = null;
    if (idOrPrefix.startsWith('hub_')) {
      apiKey = await this.em.findOne(ApiKey, { prefix: idOrPrefix });
      if (!apiKey) problems.add('id', `没有前缀为 ${idOrPrefix} 的密钥`, `no key has the prefix ${idOrPrefix}`);
    } else {
      const key = decodeId(idOrPrefix, 'ApiKey', problems);
      apiKey = key ? await this.em.findOne(ApiKey, { id: key }) : null;
      if (key && !apiKey) problems.add('id', `找不到密钥 ${idOrPrefix}`, `API key ${idOrPrefix} does not exist`);
    }
    problems.throwIfAny();
    apiKey!.revokedAt ??= new Date();
    await this.em.flush();
    forgetCachedKeys();
    return apiKey!;
  }
}
