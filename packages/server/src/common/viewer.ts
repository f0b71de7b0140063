// Who is asking: a signed-in person, a program with an API key, or nobody. Every access rule (roles,
// township scope, masking of personal data, rate limits, audit) reads this one value from the context.
import type { Role } from '@hub/schema';

export interface Viewer {
  kind: 'user' | 'key' | 'anonymous';
  /** The user's or the API key's id; null when anonymous. */
  id: string | null;
  /** A person's login name or a key's name, for logs and the audit trail. */
  name: string;
  role: Role | null;
  /** When set, the caller sees only this township's rows (its 12-digit code), in lists and aggregates. */
  townshipCode: string | null;
  /** An API key in trusted-documents mode may run only the operations registered for it (by hash). */
  trustedDocumentsOnly: boolean;
}

export const ANONYMOUS: Viewer = Object.freeze({
  kind: 'anonymous',
  id: null,
  name: 'anonymous',
  role: null,
  townshipCode: null,
  trustedDocumentsOnly: false,
});
