import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Which audit entries; all given conditions must hold.' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: "Only this caller (a person's login or a key's name), exactly." })
  viewerName?: string;

  @Field(() => String, { nullable: true, description: 'Only this operation name, exactly.' })
  operationName?: string;

  @Field(() => String, { nullable: true, description: 'Only this outcome: "ok" or an error code.' })
  outcome?: string;

  @Field(() => Date, { nullable: true, description: 'At or after this instant.' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Before this instant.' })
  to?: Date;
}
