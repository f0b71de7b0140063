// Who may run what: one rule for the whole graph, checked once per operation before anything resolves.
//   - a query needs a role (any); a mutation needs EDITOR or ADMIN;
//   - the fields in ROOT_FIELD_ROLES say otherwise: account and key management for ADMIN, and the tiny public
//     surface (`me`, `signIn`, `signOut`) for everyone, signed in or not.
// Deny by default: a new root field is covered by its operation's rule without anyone remembering to add it.
import { ROLE_LABELS, Role } from '@hub/schema';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { HubContext } from '../../common/context.js';
import type { Viewer } from '../../common/viewer.js';

export const ANY_ROLE: readonly Role[] = Object.values(Role);
export const WRITERS: readonly Role[] = [Role.ADMIN, Role.EDITOR];
export const ADMIN_ONLY: readonly Role[] = [Role.ADMIN];
export const PUBLIC = 'public' as const;
const SAVERS: readonly Role[] = [Role.ADMIN, Role.EDITOR, Role.ANALYST, Role.LEADER];

/** Root fields whose rule differs from their operation's (queries: ANY_ROLE, mutations: WRITERS). */
export const ROOT_FIELD_ROLES: Readonly<Record<string, readonly Role[] | typeof PUBLIC>> = {
  me: PUBLIC,
  signIn: PUBLIC,
  signOut: PUBLIC,
  __typename: PUBLIC,
  users: ADMIN_ONLY,
  apiKeys: ADMIN_ONLY,
  createUser: ADMIN_ONLY,
  updateUser: ADMIN_ONLY,
  resetUserPassword: ADMIN_ONLY,
  createApiKey: ADMIN_ONLY,
  revokeApiKey: ADMIN_ONLY,
  auditLog: ADMIN_ONLY,
  registerTrustedDocument: ADMIN_ONLY,
  // Analysts and leaders keep their own saved queries; the saved-query rules decide whose row it is.
  saveQuery: SAVERS,
  updateSavedQuery: SAVERS,
  deleteSavedQuery: SAVERS,
};

/** The rule of one root field of an operation of the given type. */
export function rolesFor(
  operation: 'query' | 'mutation' | 'subscription',
  field: string,
): readonly Role[] | typeof PUBLIC {
  return ROOT_FIELD_ROLES[field] ?? (operation === 'query' ? ANY_ROLE : WRITERS);
}

const roleName = (role: Role) => `${role}（${ROLE_LABELS[role].zh}）`;

export class ForbiddenError extends GraphQLError {
  constructor(what: string, needed: readonly Role[], viewer: Viewer) {
    const roles = needed.map(roleName).join('、');
    const yours = viewer.role ? roleName(viewer.role) : '无';
    super(
      `无权执行 ${what}：需要角色 ${roles}，当前角色 ${yours} / ` +
        `${what} needs the role ${needed.join(' or ')}; yours is ${viewer.role ?? 'none'}`,
      { extensions: { code: 'FORBIDDEN', needed, role: viewer.role, http: { status: 403 } } },
    );
  }
}

export class SignInRequiredError extends GraphQLError {
  constructor(what: string) {
    super(`请先登录或提供 API 密钥才能使用 ${what} / sign in or send an API key to use ${what}`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
}

/** Throws unless the viewer has one of the roles: 401 for nobody, 403 for a role that is not enough. */
export function requireRole(viewer: Viewer, roles: readonly Role[] | typeof PUBLIC, what: string): void {
  if (roles === PUBLIC) return;
  if (!viewer.role) throw new SignInRequiredError(what);
  if (!roles.includes(viewer.role)) throw new ForbiddenError(what, roles, viewer);
}

/** The root field names an operation selects, through fragments (a field under @skip still counts). */
export function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return [...names];
}

/** Checks every root field of the operation against the viewer; the first refusal stops the whole operation. */
export function checkOperationAccess(viewer: Viewer, operation: OperationDefinitionNode, document: DocumentNode): void {
  for (const field of rootFields(operation, document)) {
    requireRole(viewer, rolesFor(operation.operation, field), field);
  }
}

/**
 * Runs the rule after Apollo has parsed and validated the operation and before anything executes. A refusal
 * answers 401 (nobody) or 403 (not enough) with UNAUTHENTICATED or FORBIDDEN.
 */
export const accessControlPlugin: ApolloServerPlugin<HubContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, contextValue }) {
        if (operation) checkOperationAccess(contextValue.viewer, operation, document);
      },
    };
  },
};
