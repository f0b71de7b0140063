// A saved explore query: the operation (dataset, measures, dimensions, filter…) and its chart, owned by the
// person or key that saved it and shared by its visibility. Not a Relay Node on purpose: `node(id:)` knows no
// visibility rules, so a saved query is read only through `savedQuery(id)`, which applies them.
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/global-id.js';
import { ExploreDataset } from '../explore/explore.types.js';

export enum SavedQueryVisibility {
  PRIVATE = 'PRIVATE',
  ROLES = 'ROLES',
  USERS = 'USERS',
  PUBLIC = 'PUBLIC',
}
registerEnumType(SavedQueryVisibility, {
  name: 'SavedQueryVisibility',
  description: 'Who besides its owner may see and run a saved query.',
  valuesConfig: {
    PRIVATE: { description: '仅自己 — the owner only.' },
    ROLES: { description: '指定角色 — signed-in callers with one of `sharedWithRoles`.' },
    USERS: { description: '指定用户 — the people whose logins are in `sharedWithUsers`.' },
    PUBLIC: { description: '所有登录用户 — every signed-in caller, third-party API keys included.' },
  },
});

export enum ExploreChartType {
  LINE = 'LINE',
  STACKED_BAR = 'STACKED_BAR',
  PIE = 'PIE',
  TOWNSHIP_MAP = 'TOWNSHIP_MAP',
  HEATMAP = 'HEATMAP',
  TABLE = 'TABLE',
}
registerEnumType(ExploreChartType, {
  name: 'ExploreChartType',
  description: 'How the workbench draws an explore result.',
  valuesConfig: {
    LINE: { description: '折线图 — line.' },
    STACKED_BAR: { description: '堆叠柱状图 — stacked bar.' },
    PIE: { description: '饼图 — pie.' },
    TOWNSHIP_MAP: { description: '乡镇地图 — township map (needs the TOWNSHIP dimension).' },
    HEATMAP: { description: '热力图 — heatmap (two dimensions).' },
    TABLE: { description: '表格 — table.' },
  },
});

/** The operation as stored: what `<dataset>Explore` is asked, with its arguments as JSON. */
export interface StoredOperation {
  measures: string[];
  dimensions: string[];
  filter: Record<string, unknown> | null;
  orderBy: { measure?: string | null; dimension?: string | null; direction?: string | null }[] | null;
  limit: number | null;
}

@ObjectType('SavedQuery', { description: '已保存的查询 — an explore query and its chart, saved by an analyst.' })
@Entity({ tableName: 'saved_query' })
@Index({ properties: ['ownerId'] })
export class SavedQueryRecord {
  [OptionalProps]?:
    'globalId' | 'createdAt' | 'updatedAt' | 'sharedWithRoles' | 'sharedWithUsers' | 'chartOptions' | 'pinned';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => ID, { name: 'id', description: 'Opaque id; pass it to `savedQuery`, `runSavedQuery`, the permalink.' })
  get globalId(): string {
    return toGlobalId('SavedQuery', this.id);
  }

  @Field({ description: 'Name.' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What it answers.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field({ description: 'Id of the user or API key that saved it.' })
  @Property({ type: 'string', length: 64 })
  ownerId!: string;

  @Field({ description: 'Login or key name of the owner.' })
  @Property({ type: 'string', length: 120 })
  ownerName!: string;

  @Field(() => SavedQueryVisibility, { description: 'Who besides the owner may see and run it.' })
  @Enum({ items: () => SavedQueryVisibility })
  visibility!: SavedQueryVisibility;

  @Field(() => [String], { description: 'Roles it is shared with (visibility ROLES).' })
  @Property({ type: 'text[]', default: '{}' })
  sharedWithRoles: string[] = [];

  @Field(() => [String], { description: 'User ids or logins it is shared with (visibility USERS).' })
  @Property({ type: 'text[]', default: '{}' })
  sharedWithUsers: string[] = [];

  @Field(() => ExploreDataset, { description: 'The dataset: which explore query runs it.' })
  @Enum({ items: () => ExploreDataset })
  dataset!: ExploreDataset;

  @Field(() => GraphQLJSONObject, {
    description: 'The arguments of the explore query: { measures, dimensions, filter, orderBy, limit }.',
  })
  @Property({ type: 'jsonb' })
  operation!: StoredOperation;

  @Field(() => ExploreChartType, { description: 'Chart type.' })
  @Enum({ items: () => ExploreChartType })
  chartType!: ExploreChartType;

  @Field(() => GraphQLJSONObject, { description: 'Chart options of the workbench (title, stacking, …).' })
  @Property({ type: 'jsonb', default: '{}' })
  chartOptions: Record<string, unknown> = {};

  @Field({ description: "Pinned to the owner's board." })
  @Property({ default: false })
  pinned: boolean = false;

  @Field(() => Date, { description: 'When it was saved.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When it was last changed.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
