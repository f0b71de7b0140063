// The import's GraphQL API, for the web's import page: kinds and their fields (to build a mapping), a preview
// of an uploaded file, saved mappings, starting a dry run or a commit (it runs in the background; poll
// `importJob` for progress), the problems of a run, the history, and undo. Files are uploaded over HTTP
// (POST /import/files); reports and templates are downloaded over HTTP (see `problemsUrl`, `templateUrls`).
import { checkPageSize } from '../../common/pagination.js';
import { GraphQLError } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { HubContext } from '../../common/context.js';
import { BadUserInputError } from '../../common/errors.js';
import type { Viewer } from '../../common/viewer.js';
import { fromGlobalId } from '../../common/global-id.js';
import { connectionType, PageArgs, paginate } from '../../common/pagination.js';
import { loadRef } from '../../common/relations.js';
import { cellText } from './fields.js';
import { ImportError } from './import-error.js';
import { ImportFile, ImportJob, ImportKind, ImportMapping, ImportProblem, ImportStatus } from './import.entities.js';
import { KINDS, kindDef } from './kinds.js';
import { MappingError } from './mapping.js';
import { PersonalData } from '../../common/personal-data.js';

const ImportJobConnection = connectionType(ImportJob, 'ImportJob', 'import run');

@ObjectType({ simpleResolvers: true, description: 'A value an enum field takes, with how people write it.' })
class ImportValueLabel {
  @Field({ description: 'The code, e.g. ROAD_TRAFFIC.' })
  value!: string;

  @Field({ description: 'Chinese label, e.g. 道路交通 (also read on import).' })
  labelZh!: string;

  @Field({ description: 'English label (also read on import).' })
  labelEn!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One field of a kind: a column of its template.' })
class ImportFieldInfo {
  @Field({ description: 'Field name: the English header, and the key in a mapping.' })
  name!: string;

  @Field({ description: 'Chinese header of the template.' })
  header!: string;

  @Field({ description: 'A row without it is invalid.' })
  required!: boolean;

  @Field({ description: 'string, int, number, date, datetime, bool, enum or enumList.' })
  type!: string;

  @Field(() => [String], {
    description: 'For enum fields: the values (codes; Chinese and English labels are also read).',
  })
  allowedValues!: string[];

  @Field(() => [ImportValueLabel], {
    description: 'For enum fields: each value with its Chinese and English label (to offer in value translations).',
  })
  allowedLabels!: ImportValueLabel[];

  @Field({ description: "The template's example value." })
  example!: string;

  @Field(() => String, { nullable: true, description: 'How to fill it, in Chinese.' })
  hintZh!: string | null;

  @Field(() => String, { nullable: true, description: 'How to fill it, in English.' })
  hintEn!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A kind of record that can be imported.' })
class ImportKindInfo {
  @Field(() => ImportKind, { description: 'The kind.' })
  kind!: ImportKind;

  @Field({ description: 'Name on the command line (`hub import --kind <cliName>`).' })
  cliName!: string;

  @Field({ description: 'Name in Chinese, e.g. 事故.' })
  labelZh!: string;

  @Field({ description: 'Name in English, e.g. accidents.' })
  labelEn!: string;

  @Field({
    description: 'Rows have a natural key (a code, a credit code...); otherwise the source id or a hash of the row.',
  })
  naturalKey!: boolean;

  @Field(() => [ImportFieldInfo], { description: 'The fields, in template order.' })
  fields!: ImportFieldInfo[];

  @Field(() => [String], { description: 'Where to download the template: CSV (UTF-8 with BOM) and XLSX.' })
  templateUrls!: string[];
}

@ObjectType({ description: 'A page of the problems of an import run, in file order.' })
class ImportProblemPage {
  @Field(() => Int, { description: 'All problems recorded for the run (at most 100,000 are kept).' })
  totalCount!: number;

  @Field(() => [ImportProblem], { description: 'The problems of this page.' })
  items!: ImportProblem[];
}

/**
 * Imports write with COPY, past the ORM's township checks: a township-limited caller may not run or undo them
 * (its rows go through the mutations, which keep it to its township).
 */
function refuseTownshipLimited(viewer: Viewer): void {
  if (viewer.townshipCode)
    throw new GraphQLError(
      `限定乡镇（${viewer.townshipCode}）的调用方不能批量导入或撤销导入 / a caller limited to township ${viewer.townshipCode} cannot run or undo imports`,
      { extensions: { code: 'FORBIDDEN' } },
    );
}

@ObjectType({ simpleResolvers: true, description: 'The first rows of an uploaded file, as text, to build a mapping.' })
class ImportFilePreview {
  @Field({ description: 'CSV or XLSX.' })
  format!: string;

  @Field(() => String, { nullable: true, description: 'Detected text encoding of a CSV.' })
  encoding!: string | null;

  @Field(() => [String], { description: 'The header row.' })
  header!: string[];

  @PersonalData()
  @Field(() => [[String]], { description: 'The first data rows (cells as text; empty cells as "").' })
  rows!: string[][];
}

@InputType({ description: 'A mapping to save under a name.' })
class SaveImportMappingInput {
  @Field({ description: 'Name (1–80 characters); saving under an existing name replaces it.' })
  name!: string;

  @Field(() => ImportKind, { description: 'Kind of record it maps to.' })
  kind!: ImportKind;

  @Field(() => GraphQLJSONObject, {
    description:
      '{ "source"?: name of the source system (keys its id column), "dateOrder"?: "YMD" | "MDY" | "DMY", "sheet"?: XLSX sheet, ' +
      '"fields": { <field>: "<column header>" | { "column": "<header>", "values"?: { "<source value>": <value> }, ' +
      '"otherwise"?: <value>, "default"?: <value when empty> } | { "value": <constant> } } }. Fields left out are found by the ' +
      'template headers. Checked against the kind on save.',
  })
  definition!: Record<string, unknown>;
}

@InputType({ description: 'Starts an import run of an uploaded file.' })
class StartImportInput {
  @Field(() => ID, { description: 'The uploaded file (the id POST /import/files answered).' })
  fileId!: string;

  @Field(() => ImportKind, { description: 'What the file holds.' })
  kind!: ImportKind;

  @Field(() => String, {
    nullable: true,
    description: 'A saved mapping; without one (and without `mapping`) the template headers are used.',
  })
  mappingName?: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'A mapping given inline (not saved), in the form of `SaveImportMappingInput.definition`.',
  })
  mapping?: Record<string, unknown>;

  @Field({ description: 'Validate and report only; write nothing.' })
  dryRun!: boolean;

  @Field({
    defaultValue: false,
    description: 'Import the valid rows and leave out the invalid ones (recorded on the run).',
  })
  validOnly!: boolean;

  @Field(() => String, {
    nullable: true,
    deprecationReason: 'The signed-in caller is recorded; this value is ignored.',
    description: 'Ignored: the signed-in person or API key is recorded as importing.',
  })
  importedBy?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Force the CSV encoding (utf-8, gbk, gb18030); detected otherwise.',
  })
  encoding?: string;
}

const NO_FILE = {
  zh: '找不到该文件（已导入的文件和上传超过24小时的文件会被清理），请重新上传',
  en: 'no such file (files are removed once imported or 24 hours after upload); upload it again',
};

function userError(e: unknown): never {
  if (e instanceof ImportError)
    throw new GraphQLError(e.message, {
      extensions: { code: 'BAD_USER_INPUT', reason: { zh: e.zh, en: e.en }, importCode: e.code },
    });
  if (e instanceof MappingError)
    throw new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT', problems: e.problems } });
  throw e;
}

function databaseKey(id: string, type: string, field: string): number {
  const decoded = fromGlobalId(id);
  if (decoded?.type === type) return decoded.key;
  if (/^\d{1,10}$/.test(id) && Number(id) > 0) return Number(id);
  throw new BadUserInputError(field, `不是有效的 ${type} ID`, `is not a valid ${type} id`);
}

/** Who is recorded as importing or undoing: the signed-in person or key (imports need EDITOR or ADMIN). */
const whoActs = (viewer: Viewer): string => viewer.name;

@Resolver(() => ImportJob)
export class ImportResolver {
  @Query(() => [ImportKindInfo], {
    description: 'What can be imported, with the fields of each kind (the template columns).',
  })
  importKinds(): ImportKindInfo[] {
    return KINDS.map((k) => ({
      kind: k.kind,
      cliName: k.cli,
      labelZh: k.zh,
      labelEn: k.en,
      naturalKey: k.natural,
      templateUrls: [`/import/templates/${k.cli}.csv`, `/import/templates/${k.cli}.xlsx`],
      fields: k.fields.map((f) => ({
        name: f.name,
        header: f.zh,
        required: !!f.required,
        type: f.type.t,
        allowedValues: f.type.t === 'enum' || f.type.t === 'enumList' ? Object.keys(f.type.labels) : [],
        allowedLabels:
          f.type.t === 'enum' || f.type.t === 'enumList'
            ? Object.entries(f.type.labels).map(([value, l]) => ({ value, labelZh: l.zh, labelEn: l.en }))
            : [],
        example: f.example,
        hintZh: f.hint?.zh ?? null,
        hintEn: f.hint?.en ?? null,
      })),
    }));
  }

  @Query(() => ImportJobConnection, {
    description: 'Import runs, newest first: who, when, which file, counts, status.',
  })
  async importJobs(
    @Ctx() { em }: HubContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('kind', () => ImportKind, { nullable: true, description: 'Only runs of this kind.' }) kind?: ImportKind,
  ) {
    const { markAbandoned } = await import('./runner.js');
    await markAbandoned(em.getKnex());
    return paginate(em, ImportJob, () => (kind ? { kind } : {}), { createdAt: 'desc' }, page);
  }

  @Query(() => ImportJob, { nullable: true, description: 'One import run; poll it for progress while RUNNING.' })
  async importJob(@Ctx() { em }: HubContext, @Arg('id', () => ID) id: string) {
    const { markAbandoned } = await import('./runner.js');
    await markAbandoned(em.getKnex());
    return em.findOne(ImportJob, { id: databaseKey(id, 'ImportJob', 'id') });
  }

  @Query(() => ImportProblemPage, { description: 'The problems of a run, in file order (row, column, value, reason).' })
  async importProblems(
    @Ctx() { em }: HubContext,
    @Arg('jobId', () => ID) jobId: string,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<ImportProblemPage> {
    if (first < 1) throw new BadUserInputError('first', '至少为 1', 'must be at least 1');
    checkPageSize(first);
    if (offset < 0) throw new BadUserInputError('offset', '不能为负数', 'must not be negative');
    const job = databaseKey(jobId, 'ImportJob', 'jobId');
    const [items, totalCount] = await em.findAndCount(
      ImportProblem,
      { job },
      { orderBy: { id: 'asc' }, limit: first, offset },
    );
    return { totalCount, items };
  }

  @Query(() => [ImportMapping], { description: 'The saved mappings, by name.' })
  importMappings(@Ctx() { em }: HubContext, @Arg('kind', () => ImportKind, { nullable: true }) kind?: ImportKind) {
    return em.find(ImportMapping, kind ? { kind } : {}, { orderBy: { name: 'asc' } });
  }

  @Query(() => ImportFilePreview, { description: 'The header and first rows of an uploaded file.' })
  async importFilePreview(
    @Ctx() { em }: HubContext,
    @Arg('fileId', () => ID) fileId: string,
    @Arg('rows', () => Int, { defaultValue: 10 }) rows: number,
    @Arg('encoding', () => String, { nullable: true }) encoding?: string,
  ): Promise<ImportFilePreview> {
    const { fileStream, findFile } = await import('./import.service.js');
    const { openSource } = await import('./source.js');
    const id = databaseKey(fileId, 'ImportFile', 'fileId');
    const knex = em.getKnex();
    if (!(await findFile(knex, id))) throw new BadUserInputError('fileId', NO_FILE.zh, NO_FILE.en);
    const input = fileStream(knex, id);
    try {
      const source = await openSource(input, { encoding }).catch(userError);
      const all: string[][] = [];
      for await (const r of source.rows) {
        all.push(r.cells.map((c) => cellText(c) ?? ''));
        if (all.length > Math.min(Math.max(rows, 1), 100)) break;
      }
      return { format: source.format, encoding: source.encoding, header: all[0] ?? [], rows: all.slice(1) };
    } finally {
      input.destroy();
    }
  }

  @Mutation(() => ImportMapping, { description: 'Saves (or replaces) a mapping under a name, after checking it.' })
  async saveImportMapping(
    @Ctx() { em }: HubContext,
    @Arg('input', () => SaveImportMappingInput) input: SaveImportMappingInput,
  ) {
    const { saveMapping } = await import('./import.service.js');
    const saved = await saveMapping(em.getKnex(), input.name, kindDef(input.kind), input.definition).catch(userError);
    return em.findOneOrFail(ImportMapping, { id: saved.id });
  }

  @Mutation(() => Boolean, { description: 'Deletes a saved mapping; false when none has the name.' })
  async deleteImportMapping(@Ctx() { em }: HubContext, @Arg('name') name: string) {
    const { deleteMapping } = await import('./import.service.js');
    return deleteMapping(em.getKnex(), name);
  }

  @Mutation(() => ImportJob, {
    description:
      'Starts a dry run or a commit of an uploaded file and answers at once with the RUNNING job; poll `importJob` for ' +
      'progress and the outcome. A commit is one transaction: with any invalid row it writes nothing, unless `validOnly`.',
  })
  async startImport(
    @Ctx() { em, log, viewer }: HubContext,
    @Arg('input', () => StartImportInput) input: StartImportInput,
  ) {
    refuseTownshipLimited(viewer);
    const { deleteFile, fileStream, findFile, requireMapping } = await import('./import.service.js');
    const { createJob, runImport } = await import('./runner.js');
    const { validateMapping } = await import('./mapping.js');
    const knex = em.getKnex();
    const kind = kindDef(input.kind);
    const fileKey = databaseKey(input.fileId, 'ImportFile', 'fileId');
    const file = await findFile(knex, fileKey);
    if (!file) throw new BadUserInputError('fileId', NO_FILE.zh, NO_FILE.en);
    if (input.mappingName && input.mapping)
      throw new BadUserInputError('mapping', '映射名称和映射只能给一个', 'give mappingName or mapping, not both');
    const mapping = input.mappingName
      ? await requireMapping(knex, input.mappingName, kind).catch(userError)
      : input.mapping
        ? (() => {
            try {
              return validateMapping(kind, input.mapping);
            } catch (e) {
              return userError(e);
            }
          })()
        : undefined;
    const options = {
      kind,
      fileName: file.name,
      fileSize: file.size,
      fileId: file.id,
      mappingName: input.mappingName ?? null,
      dryRun: input.dryRun,
      validOnly: input.validOnly,
      importedBy: whoActs(viewer),
    };
    const jobId = await createJob(knex, { ...options, sha256: file.sha256 });
    void runImport(knex, {
      ...options,
      mapping,
      encoding: input.encoding,
      jobId,
      input: fileStream(knex, file.id),
    })
      // A committed file is not needed again (re-importing it would change nothing): remove its bytes.
      .then((result) => (result.status === ImportStatus.COMMITTED ? deleteFile(knex, file.id) : undefined))
      .catch((e: Error) => log.error('import failed', { jobId, message: e.message, stack: e.stack }));
    return em.findOneOrFail(ImportJob, { id: jobId });
  }

  @Mutation(() => ImportJob, {
    description:
      'Undoes a committed import as a whole: deletes exactly the rows it inserted, in one transaction. Refused, naming them, ' +
      'when later records refer to those rows.',
  })
  async undoImport(
    @Ctx() { em, viewer }: HubContext,
    @Arg('id', () => ID) id: string,
    @Arg('by', () => String, {
      nullable: true,
      deprecationReason: 'The signed-in caller is recorded; this value is ignored.',
      description: 'Ignored: the signed-in person or API key is recorded as undoing.',
    })
    _by?: string | null,
  ) {
    refuseTownshipLimited(viewer);
    const { undoImport } = await import('./import.service.js');
    const jobId = databaseKey(id, 'ImportJob', 'id');
    await undoImport(em.getKnex(), jobId, whoActs(viewer)).catch(userError);
    return em.findOneOrFail(ImportJob, { id: jobId }, { refresh: true });
  }

  @FieldResolver(() => String, { description: 'Where to download the problem report (CSV, UTF-8 with BOM).' })
  problemsUrl(@Root() job: ImportJob): string {
    return `/import/jobs/${job.id}/problems.csv`;
  }

  @FieldResolver(() => ImportFile, { nullable: true, description: 'The uploaded file, when it came through the web.' })
  file(@Root() job: ImportJob) {
    return loadRef(job.file);
  }
}
