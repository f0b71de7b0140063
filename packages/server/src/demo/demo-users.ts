// The demo county's people: one per role and one limited to the county seat, with published demo passwords
// (README "Demo sign-in"). They exist only where the demo county is loaded — never in a database of real data.
import type { Role } from '@hub/schema';
import { hashPassword } from '../modules/auth/credentials.js';

export interface DemoUser {
  login: string;
  displayName: string;
  role: Role;
  /** Index into the demo townships when the person is limited to one. */
  township?: number;
  password: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { login: 'admin', displayName: '系统管理员（演示）', role: 'ADMIN', password: 'demo-admin-2014' },
  { login: 'editor', displayName: '数据录入员（演示）', role: 'EDITOR', password: 'demo-editor-2014' },
  { login: 'analyst', displayName: '分析员（演示）', role: 'ANALYST', password: 'demo-analyst-2014' },
  { login: 'leader', displayName: '县领导（演示）', role: 'LEADER', password: 'demo-leader-2014' },
  { login: 'partner', displayName: '外部合作方（演示）', role: 'PARTNER', password: 'demo-partner-2014' },
  {
    login: 'chengguan',
    displayName: '城关镇安监站（演示）',
    role: 'LEADER',
    township: 0,
    password: 'demo-chengguan-2014',
  },
];

/** The rows of hub_user for the demo people (passwords hashed now: argon2id salts are random). */
export async function demoUserRows(townshipCodes: readonly string[]): Promise<Record<string, unknown>[]> {
  return Promise.all(
    DEMO_USERS.map(async (u) => ({
      login: u.login,
      display_name: u.displayName,
      role: u.role,
      township_code: u.township === undefined ? null : townshipCodes[u.township]!,
      password_hash: await hashPassword(u.password),
    })),
  );
}
