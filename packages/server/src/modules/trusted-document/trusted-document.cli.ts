// `hub trusted-document add --key <apiKeyId> <file.graphql>`: registers each operation of a file for a key.
import fs from 'node:fs';
import type { Command } from 'commander';
import { openDatabase } from '../../app.js';
import { createLogger } from '../../common/logger.js';
import { loadConfig } from '../../config.js';

export function registerTrustedDocumentCommands(program: Command): void {
  const group = program
    .command('trusted-document')
    .description('Operations that API keys in trusted-documents mode may run');
  group
    .command('add')
    .description(
      'Register every named operation of a .graphql file (each with the fragments it uses) for an API key; ' +
        'prints each operation name with its hash',
    )
    .requiredOption('--key <apiKeyId>', 'the API key id')
    .argument('<file>', 'a .graphql file of named operations')
    .action(async (file: string, opts: { key: string }) => {
      const { hubSchema } = await import('../../graphql/schema.js');
      const { registerTrustedDocument, splitOperations } = await import('./trusted-document.service.js');
      let source: string;
      try {
        source = fs.readFileSync(file, 'utf8');
      } catch (e) {
        process.stderr.write(`hub trusted-document: 无法读取 ${file} / cannot read ${file}: ${(e as Error).message}\n`);
        process.exit(1);
      }
      let operations: { name: string; text: string }[];
      try {
        operations = splitOperations(source);
      } catch (e) {
        process.stderr.write(`hub trusted-document: ${file}: ${(e as Error).message}\n`);
        process.exit(1);
      }
      if (!operations.length) {
        process.stderr.write(`hub trusted-document: ${file} 中没有操作 / has no operation\n`);
        process.exit(1);
      }
      const schema = await hubSchema();
      const config = loadConfig();
      const db = await openDatabase(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
      let failed = false;
      try {
        // All checked first: a file with one invalid operation registers nothing.
        const { checkDocument } = await import('./trusted-document.service.js');
        for (const op of operations) {
          try {
            checkDocument(schema, op.text);
          } catch (e) {
            failed = true;
            process.stderr.write(`hub trusted-document: ${op.name}: ${(e as Error).message}\n`);
          }
        }
        if (!failed) {
          await db.orm.em.getKnex().transaction(async (trx) => {
            for (const op of operations) {
              const hash = await registerTrustedDocument(trx, schema, opts.key, op.text, 'hub trusted-document add');
              process.stdout.write(`${op.name}\t${hash}\n`);
            }
          });
        }
      } finally {
        await db.close();
      }
      if (failed) process.exit(1);
    });
}
