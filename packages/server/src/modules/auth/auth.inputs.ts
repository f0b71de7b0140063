import { Role } from '@hub/schema';
import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new person who signs in to the dashboard.' })
export class CreateUserInput {
  @Field({ description: 'Login name: 2–64 lower-case letters, digits, `.`, `_` or `-`; unique.' })
  login!: string;

  @Field({ description: 'Name shown in the dashboard, 1–80 characters.' })
  displayName!: string;

  @Field(() => Role, { description: 'What the person may do.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Limit the person to this township (its code).' })
  townshipCode?: string | null;

  @Field({ description: 'The first password, 8–200 characters. Stored only as an argon2id hash.' })
  password!: string;
}

@InputType({ description: 'Changes to a person; fields left out stay as they are.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: 'Name shown in the dashboard.' })
  displayName?: string | null;

  @Field(() => Role, { nullable: true, description: 'What the person may do; takes effect at their next request.' })
  role?: Role | null;

  @Field(() => String, {
    nullable: true,
    description: 'Limit to this township (its code); an empty string lifts the limit.',
  })
  townshipCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Disable (true) ends their sessions; enable again with false.' })
  disabled?: boolean | null;
}

@InputType({ description: 'A new API key for a program.' })
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, 1–80 characters, e.g. 市应急局数据交换.' })
  name!: string;

  @Field(() => Role, { description: 'What the key may do; PARTNER for third parties.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Limit the key to this township (its code).' })
  townshipCode?: string | null;

  @Field(() => Int, { defaultValue: 365, description: 'Days until the key expires, 1–3650 (default 365).' })
  expiresInDays!: number;

  @Field({ defaultValue: false, description: 'Only operations registered for the key may run (trusted documents).' })
  trustedDocumentsOnly!: boolean;
}
