import { Role } from '@hub/schema';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { Township } from '../township/township.entity.js';
import { ApiKey } from './api-key.entity.js';
import { CreateApiKeyInput, CreateUserInput, UpdateUserInput } from './auth.inputs.js';
import { AccountService } from './auth.service.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';
import { User } from './user.entity.js';

export enum CallerKind {
  USER = 'USER',
  KEY = 'KEY',
}
registerEnumType(CallerKind, {
  name: 'CallerKind',
  description: 'How the caller signed in.',
  valuesConfig: {
    USER: { description: '用户 — a person with a dashboard session.' },
    KEY: { description: 'API 密钥 — a program with an API key.' },
  },
});

@ObjectType({ description: '当前用户 — who is asking: a signed-in person or a program with an API key.' })
export class Me {
  @Field(() => CallerKind, { description: 'A person (session) or a program (API key).' })
  kind!: CallerKind;

  @Field(() => String, { nullable: true, description: "A person's login name; null for a key." })
  login!: string | null;

  @Field({ description: "A person's display name, or the key's name." })
  name!: string;

  @Field(() => Role, { description: 'What the caller may do.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'The township the caller is limited to (its code), if any.' })
  townshipCode!: string | null;

  @Field({ description: 'Only operations registered for the key may run (trusted documents).' })
  trustedDocumentsOnly!: boolean;
}

@ObjectType({ description: 'A new API key and, this once, its secret.' })
export class CreatedApiKey {
  @Field({ description: 'The key to send as `Authorization: Bearer <key>`. Shown only now: store it safely.' })
  key!: string;

  @Field(() => ApiKey, { description: 'The key as the hub keeps it (prefix, role, expiry...).' })
  apiKey!: ApiKey;
}

@Resolver(() => Me)
export class MeResolver {
  @Query(() => Me, {
    nullable: true,
    description: 'Who is asking; null when nobody is signed in. Open to everyone (the dashboard asks it first).',
  })
  async me(@Ctx() { viewer, em }: HubContext): Promise<Me | null> {
    if (!viewer.role || !viewer.id) return null;
    const user = viewer.kind === 'user' ? await em.findOne(User, { id: Number(viewer.id) }) : null;
    return {
      kind: viewer.kind === 'user' ? CallerKind.USER : CallerKind.KEY,
      login: viewer.kind === 'user' ? viewer.name : null,
      name: user?.displayName ?? viewer.name,
      role: viewer.role,
      townshipCode: viewer.townshipCode,
      trustedDocumentsOnly: viewer.trustedDocumentsOnly,
    };
  }

  @FieldResolver(() => Township, { nullable: true, description: 'The township the caller is limited to, if any.' })
  township(@Root() me: Me, @Ctx() { em }: HubContext) {
    return me.townshipCode ? em.findOne(Township, { code: me.townshipCode }) : null;
  }

  @Mutation(() => Me, {
    description:
      'Signs a person in: sets an httpOnly, SameSite=Lax session cookie (12 h idle, 7 days at most). A wrong login ' +
      'or password gets one error (UNAUTHENTICATED) that does not say which was wrong.',
  })
  async signIn(
    @Ctx() { em, session }: HubContext,
    @Arg('login', { description: 'Login name.' }) login: string,
    @Arg('password', { description: 'Password.' }) password: string,
  ): Promise<Me> {
    const { user, token } = await em.transactional((tx) => new AccountService(tx).signIn(login, password));
    session.setCookie(sessionCookie(token, session.secure));
    return {
      kind: CallerKind.USER,
      login: user.login,
      name: user.displayName,
      role: user.role,
      townshipCode: user.townshipCode ?? null,
      trustedDocumentsOnly: false,
    };
  }

  @Mutation(() => Boolean, {
    description: 'Ends the session of this browser and removes its cookie; true when there was one.',
  })
  async signOut(@Ctx() { em, session }: HubContext): Promise<boolean> {
    session.setCookie(clearedSessionCookie(session.secure));
    return session.sessionToken ? new AccountService(em).signOut(session.sessionToken) : false;
  }
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => [User], { description: 'Every person who can sign in, by login (ADMIN).' })
  users(@Ctx() { em }: HubContext) {
    return new AccountService(em).listUsers();
  }

  @Mutation(() => User, { description: 'Creates a person who signs in with a password (ADMIN).' })
  createUser(@Ctx() { em }: HubContext, @Arg('input', () => CreateUserInput) input: CreateUserInput) {
    return em.transactional((tx) => new AccountService(tx).createUser(input));
  }

  @Mutation(() => User, {
    description: "Changes a person's name, role, township or disabled flag (ADMIN). Disabling ends their sessions.",
  })
  updateUser(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'The user’s id.' }) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
  ) {
    return em.transactional((tx) => new AccountService(tx).updateUser(id, input));
  }

  @Mutation(() => User, { description: "Sets a person's password and ends their sessions (ADMIN)." })
  resetUserPassword(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'The user’s id.' }) id: string,
    @Arg('password', { description: 'The new password, 8–200 characters.' }) password: string,
  ) {
    return em.transactional((tx) => new AccountService(tx).resetPassword(id, password));
  }
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: 'Every API key, newest first, revoked and expired ones too (ADMIN).' })
  apiKeys(@Ctx() { em }: HubContext) {
    return new AccountService(em).listApiKeys();
  }

  @Mutation(() => CreatedApiKey, { description: 'Creates an API key and returns it, this once (ADMIN).' })
  createApiKey(@Ctx() { em, viewer }: HubContext, @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput) {
    return em.transactional((tx) => new AccountService(tx).createApiKey(input, viewer.name));
  }

  @Mutation(() => ApiKey, {
    description: 'Revokes an API key, given by its id or its visible prefix (ADMIN). It stops working at once.',
  })
  revokeApiKey(
    @Ctx() { em }: HubContext,
    @Arg('id', () => ID, { description: 'The key’s id, or its prefix (`hub_…`).' }) id: string,
  ) {
    return em.transactional((tx) => new AccountService(tx).revokeApiKey(id));
  }

  @FieldResolver(() => Boolean, { description: 'Works now: neither revoked nor expired.' })
  active(@Root() key: ApiKey): boolean {
    return !key.revokedAt && (!key.expiresAt || key.expiresAt > new Date());
  }
}
