// The secrets of sign-in: passwords (argon2id, a slow hash made for them) and random tokens (session cookies,
// API keys), of which only a SHA-256 is stored.
import crypto from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP's argon2id setting (19 MiB, 2 passes, 1 lane): about 30 ms on this kind of machine.
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

// Verified against when the login does not exist, so a wrong login costs as long as a wrong password and the
// answer time does not tell which logins exist.
let dummyHash: Promise<string> | undefined;

/** Whether the password matches the stored hash; with no hash (unknown login) it spends the same time and says no. */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A session token for the cookie: 256 random bits. */
export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export const API_KEY_PREFIX = 'hub_';
/** `hub_` + 8 characters people see in lists, then the rest of the secret. */
const PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

/** A new API key (`hub_` + 43 base64url characters: 256 random bits), its visible prefix and its hash. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = API_KEY_PREFIX + crypto.randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, PREFIX_LENGTH), hash: sha256(key) };
}

/** Looks like a key of the hub (shape only), before the database is asked. */
export function isApiKeyShaped(key: string): boolean {
  return /^hub_[A-Za-z0-9_-]{43}$/.test(key);
}
