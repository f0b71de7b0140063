// Personal data (names and ID numbers of people involved, phone numbers, licence plates, free text that may
// contain them) never reaches a PARTNER caller. A field that may hold it is marked once, where it is declared:
//
//   @PersonalData()            <- above @Field: marks the field and adds the masking note to its description
//   @Field(() => String, { nullable: true, description: 'Summary of what happened.' })
//   summary?: string | null;
//
// `maskPersonalData(schema)` then wraps the resolver of every marked field, whatever the type's resolver style
// (also `simpleResolvers` types, which skip type-graphql middleware), so every path to the field — lists,
// node(), nested relations — is masked the same way. Exports read `isPersonalField` for their columns.
import { defaultFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { Extensions, getMetadataStorage } from 'type-graphql';
import type { Viewer } from './viewer.js';

/** What a PARTNER sees instead of a personal value (the same for every field, strings and lists of strings). */
export const PERSONAL_DATA_MASK = '***';

/** The sentence added to a marked field's description, so the rule reaches the SDL. */
export const PERSONAL_DATA_NOTE = `Personal data: "${PERSONAL_DATA_MASK}" for role PARTNER (null stays null).`;

const EXTENSION = 'personalData';

/** Marked fields by GraphQL type name → field names, for exports and tests. */
const PERSONAL_FIELDS = new Map<string, Set<string>>();

/** Whether a viewer must not see personal data. */
export function masksPersonalData(viewer: Viewer | undefined): boolean {
  return viewer?.role === 'PARTNER';
}

/** The masked form of a value: null stays null, lists keep their shape. */
export function maskValue(value: unknown): unknown {
  if (value == null) return value;
  if (Array.isArray(value)) return value.map(maskValue);
  return PERSONAL_DATA_MASK;
}

/** Marks a field as personal data. Put it ABOVE `@Field` (decorators run bottom-up; the field must exist). */
export function PersonalData(): PropertyDecorator & MethodDecorator {
  const extensions = Extensions({ [EXTENSION]: true });
  return (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor) => {
    const name = String(propertyKey);
    const field = getMetadataStorage().fields.find((f) => f.target === target.constructor && f.name === name);
    if (!field) throw new Error(`@PersonalData() on ${target.constructor.name}.${name}: put it above @Field()`);
    field.description = field.description ? `${field.description} ${PERSONAL_DATA_NOTE}` : PERSONAL_DATA_NOTE;
    const typeName = target.constructor.name;
    if (!PERSONAL_FIELDS.has(typeName)) PERSONAL_FIELDS.set(typeName, new Set());
    PERSONAL_FIELDS.get(typeName)!.add(name);
    (extensions as (t: object, k: string | symbol, d?: PropertyDescriptor) => void)(target, propertyKey, descriptor);
  };
}

/** Whether a field of a class (by class name, e.g. "Accident") holds personal data. */
export function isPersonalField(typeName: string, field: string): boolean {
  return PERSONAL_FIELDS.get(typeName)?.has(field) ?? false;
}

/** Every marked field, as "Type.field" (for tests and documentation). */
export function personalFields(): string[] {
  return [...PERSONAL_FIELDS].flatMap(([type, fields]) => [...fields].map((f) => `${type}.${f}`)).sort();
}

/** Wraps the resolver of every field marked `@PersonalData()` so PARTNER gets the mask. Returns the schema. */
export function maskPersonalData(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.extensions?.[EXTENSION]) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = async (source, args, context: { viewer?: Viewer }, info) => {
        const value = await resolve(source, args, context, info);
        return masksPersonalData(context?.viewer) ? maskValue(value) : value;
      };
    }
  }
  return schema;
}
