import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Info, Mutation, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { HubContext } from '../../common/context.js';
import { registerTrustedDocument } from './trusted-document.service.js';

@Resolver()
export class TrustedDocumentResolver {
  @Mutation(() => String, {
    description:
      'ADMIN only. Registers an operation document that an API key in trusted-documents mode may run, and returns ' +
      'its hash (lower-case hex SHA-256 of the exact text). The key then sends the text or only the hash ' +
      '(`extensions.persistedQuery.sha256Hash`). An invalid document is refused with the validation errors.',
  })
  async registerTrustedDocument(
    @Ctx() { em, viewer }: HubContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('apiKeyId', () => ID, { description: 'The API key that may run the document.' }) apiKeyId: string,
    @Arg('document', { description: 'The GraphQL document: one or more operations and their fragments.' })
    document: string,
  ): Promise<string> {
    if (viewer.role !== 'ADMIN') {
      throw new GraphQLError('只有管理员可以登记可信文档 / only an ADMIN may register trusted documents', {
        extensions: { code: 'FORBIDDEN' },
      });
    }
    return registerTrustedDocument(em.getKnex(), info.schema, apiKeyId, document, `${viewer.kind}:${viewer.name}`);
  }
}
