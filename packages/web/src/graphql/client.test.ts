import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { isUnauthenticated } from './client';

describe('isUnauthenticated', () => {
  it('hears HTTP 401 and the UNAUTHENTICATED code, and nothing else', () => {
    const withCode = (code: string) => new CombinedError({ graphQLErrors: [{ message: 'x', extensions: { code } }] });
    expect(isUnauthenticated(withCode('UNAUTHENTICATED'))).toBe(true);
    expect(isUnauthenticated(withCode('FORBIDDEN'))).toBe(false);
    expect(isUnauthenticated(withCode('BAD_USER_INPUT'))).toBe(false);
    expect(isUnauthenticated(new CombinedError({ networkError: new Error('x'), response: { status: 401 } }))).toBe(
      true,
    );
    expect(isUnauthenticated(new CombinedError({ networkError: new Error('x'), response: { status: 503 } }))).toBe(
      false,
    );
    expect(isUnauthenticated(undefined)).toBe(false);
  });
});
