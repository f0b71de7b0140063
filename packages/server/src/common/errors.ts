import { GraphQLError } from 'graphql';

/**
 * Bad input from the caller: the field it concerns (a path such as "deaths" or "filter.from"), and the reason in
 * Chinese and English. Thrown before anything is written.
 */
export class BadUserInputError extends GraphQLError {
  constructor(field: string, zh: string, en: string) {
    super(`${field}: ${zh} / ${en}`, { extensions: { code: 'BAD_USER_INPUT', field, reason: { zh, en } } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string) {
    super(`找不到${what} ${id} / ${what} ${id} was not found`, { extensions: { code: 'NOT_FOUND', id } });
  }
}

/** Collects every problem of an input, then throws them together: a person fixes a form in one go. */
export class InputProblems {
  private readonly problems: { field: string; zh: string; en: string }[] = [];

  constructor(private readonly prefix = '') {}

  add(field: string, zh: string, en: string): void {
    this.problems.push({ field: this.prefix ? `${this.prefix}.${field}` : field, zh, en });
  }

  check(ok: boolean, field: string, zh: string, en: string): void {
    if (!ok) this.add(field, zh, en);
  }

  get empty(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const [first] = this.problems;
    const message = this.problems.map((p) => `${p.field}: ${p.zh} / ${p.en}`).join('; ');
    throw new GraphQLError(message, {
      extensions: { code: 'BAD_USER_INPUT', field: first!.field, problems: this.problems },
    });
  }
}
