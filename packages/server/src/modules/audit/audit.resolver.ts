import type { FilterQuery } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { BadUserInputError } from '../../common/errors.js';
import { connectionType, PageArgs, paginate } from '../../common/pagination.js';
import { AuditEntry } from './audit.entity.js';
import { AuditFilter } from './audit.inputs.js';

const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry', 'audit entry');

export function auditWhere(filter: AuditFilter = {}): FilterQuery<AuditEntry> {
  if (filter.from && filter.to && filter.from > filter.to)
    throw new BadUserInputError('filter.from', '起始时间晚于截止时间', 'from is after to');
  const where: Record<string, unknown> = {};
  if (filter.viewerName != null) where.viewerName = filter.viewerName;
  if (filter.operationName != null) where.operationName = filter.operationName;
  if (filter.outcome != null) where.outcome = filter.outcome;
  if (filter.from || filter.to)
    where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  return where as FilterQuery<AuditEntry>;
}

// There is no mutation here on purpose: nobody changes the audit log through the API.
@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description:
      'The audit log (审计日志), newest first: every mutation, sign-in, key change and PARTNER request. ADMIN only.',
  })
  auditLog(
    @Ctx() { em, viewer }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Which entries.' }) filter?: AuditFilter,
  ) {
    // The role checks are the access-control module's; until it reconciles this one, the rule is here.
    if (viewer.role !== 'ADMIN')
      throw new GraphQLError('只有管理员可以查看审计日志 / only ADMIN may read the audit log', {
        extensions: { code: 'FORBIDDEN' },
      });
    return paginate(em, AuditEntry, () => auditWhere(filter), { at: 'desc' }, page);
  }
}
