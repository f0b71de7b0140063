// What the import keeps: uploaded files (in the database, so any server process can read them), saved column
// mappings, one job per run (dry run or commit) with its counts and problems, and the key of every row an
// import inserted — the source of idempotency (a key seen before is not inserted again) and of undo.
import { BigIntType, BlobType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, Node } from '../../common/base.entity.js';
import { PersonalData } from '../../common/personal-data.js';

/** The kinds of record that can be imported (and have templates). */
export enum ImportKind {
  ACCIDENT = 'ACCIDENT',
  HAZARD = 'HAZARD',
  INSPECTION = 'INSPECTION',
  TRAINING = 'TRAINING',
  OUTREACH = 'OUTREACH',
  CAPACITY = 'CAPACITY',
  ENTERPRISE = 'ENTERPRISE',
  TOWNSHIP = 'TOWNSHIP',
  WORK_PLAN = 'WORK_PLAN',
  DRILL = 'DRILL',
  INVESTIGATION = 'INVESTIGATION',
}
registerEnumType(ImportKind, {
  name: 'ImportKind',
  description: 'What a file holds: the kind of record it imports into.',
  valuesConfig: {
    ACCIDENT: { description: '事故（含道路交通事故信息） / accidents, with road-traffic details' },
    HAZARD: { description: '隐患 / hazards' },
    INSPECTION: { description: '执法检查 / inspections' },
    TRAINING: { description: '培训班 / training sessions' },
    OUTREACH: { description: '送法六进 / law outreach activities' },
    CAPACITY: { description: '监管力量 / supervisory capacity' },
    ENTERPRISE: { description: '生产经营单位 / enterprises' },
    TOWNSHIP: { description: '乡镇 / townships' },
    WORK_PLAN: { description: '工作计划 / work-plan items' },
    DRILL: { description: '应急演练 / drills' },
    INVESTIGATION: { description: '事故调查 / accident investigations' },
  },
});

export enum ImportStatus {
  RUNNING = 'RUNNING',
  VALIDATED = 'VALIDATED',
  INVALID = 'INVALID',
  COMMITTED = 'COMMITTED',
  FAILED = 'FAILED',
  UNDONE = 'UNDONE',
  ABANDONED = 'ABANDONED',
}
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  description: 'Where an import run stands.',
  valuesConfig: {
    RUNNING: { description: '进行中 — reading, validating (and writing, for a commit).' },
    VALIDATED: { description: '校验通过 — a dry run that found no invalid row; nothing written.' },
    INVALID: {
      description: '有错误 — invalid rows found; nothing written (a dry run, or a commit without validOnly).',
    },
    COMMITTED: { description: '已导入 — written in one transaction (only the valid rows, when validOnly).' },
    FAILED: { description: '失败 — stopped by an error (see `error`); nothing written.' },
    UNDONE: { description: '已撤销 — committed, then undone as a whole.' },
    ABANDONED: {
      description: '已中断 — the process running it stopped (no heartbeat for a minute); nothing was written.',
    },
  },
});

/** A file uploaded for import, kept in the database in chunks so that any server process can read it. */
@ObjectType({ implements: Node, description: '待导入文件 — a file uploaded for import.' })
@Entity({ tableName: 'import_file' })
export class ImportFile extends BaseEntity {
  @Field({ description: 'File name as uploaded.' })
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => Float, { description: 'Size in bytes.' })
  @Property({ type: new BigIntType('number') })
  size!: number;

  @Field({ description: 'SHA-256 of the content, hex.' })
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Field({ description: 'Who uploaded it (free text until accounts exist).' })
  @Property({ type: 'string', length: 120 })
  uploadedBy!: string;
}

/** One piece (up to 1 MiB) of an uploaded file. */
@Entity({ tableName: 'import_file_chunk' })
export class ImportFileChunk {
  @ManyToOne(() => ImportFile, { primary: true, ref: true, deleteRule: 'cascade', fieldName: 'file_id' })
  file!: Ref<ImportFile>;

  @PrimaryKey({ type: 'integer' })
  seq!: number;

  @Property({ type: BlobType })
  data!: Buffer;
}

/** A saved column mapping, reusable by name for every file of the same shape. */
@ObjectType({ implements: Node, description: '列映射 — a saved column mapping for files of one shape.' })
@Entity({ tableName: 'import_mapping' })
export class ImportMapping extends BaseEntity {
  @Field({ description: 'Name it is saved under (unique).' })
  @Property({ type: 'string', length: 80, unique: true })
  name!: string;

  @Field(() => ImportKind, { description: 'Kind of record it maps to.' })
  @Enum({ items: () => ImportKind })
  kind!: ImportKind;

  @Field(() => GraphQLJSONObject, {
    description: 'The mapping (validated on save): see `ImportMappingInput.definition` for its form.',
  })
  @Property({ type: 'jsonb' })
  definition!: Record<string, unknown>;
}

/** One run of an import: a dry run or a commit, its file, counts, progress and outcome. */
@ObjectType({ implements: Node, description: '导入记录 — one import run (dry run or commit), its counts and outcome.' })
@Entity({ tableName: 'import_job' })
@Index({ properties: ['createdAt'] })
export class ImportJob extends BaseEntity<
  | 'encoding'
  | 'mappingName'
  | 'file'
  | 'rowsRead'
  | 'rowsValid'
  | 'rowsInvalid'
  | 'rowsInserted'
  | 'rowsSkipped'
  | 'problemCount'
  | 'bytesRead'
  | 'error'
  | 'finishedAt'
  | 'heartbeatAt'
  | 'undoneAt'
  | 'undoneBy'
  | 'progress'
> {
  @Field(() => ImportKind, { description: 'Kind of record imported.' })
  @Enum({ items: () => ImportKind })
  kind!: ImportKind;

  @Field({ description: 'File name.' })
  @Property({ type: 'string', length: 255 })
  fileName!: string;

  @Field({ description: 'SHA-256 of the file, hex.' })
  @Property({ type: 'string', length: 64 })
  fileSha256!: string;

  @Field(() => Float, { description: 'File size in bytes.' })
  @Property({ type: new BigIntType('number') })
  fileSize!: number;

  @ManyToOne(() => ImportFile, { ref: true, nullable: true, deleteRule: 'set null' })
  file?: Ref<ImportFile> | null;

  @Field({ description: 'CSV or XLSX.' })
  @Property({ type: 'string', length: 8 })
  format!: string;

  @Field(() => String, { nullable: true, description: 'Text encoding of a CSV (utf-8, utf-8-bom, gb18030).' })
  @Property({ type: 'string', length: 20, nullable: true })
  encoding?: string | null;

  @Field(() => String, { nullable: true, description: 'Saved mapping used, if any (else the template headers).' })
  @Property({ type: 'string', length: 80, nullable: true })
  mappingName?: string | null;

  @Field({ description: 'Who ran it (free text until accounts exist).' })
  @Property({ type: 'string', length: 120 })
  importedBy!: string;

  @Field({ description: 'A dry run: validated only, nothing written.' })
  @Property()
  dryRun!: boolean;

  @Field({ description: 'The person chose to import the valid rows only, leaving out the invalid ones.' })
  @Property()
  validOnly!: boolean;

  @Field(() => ImportStatus, { description: 'Where it stands.' })
  @Enum({ items: () => ImportStatus })
  status!: ImportStatus;

  @Field(() => Int, { description: 'Data rows read so far.' })
  @Property({ type: 'integer', default: 0 })
  rowsRead: number = 0;

  @Field(() => Int, { description: 'Valid rows so far.' })
  @Property({ type: 'integer', default: 0 })
  rowsValid: number = 0;

  @Field(() => Int, { description: 'Rows with at least one problem.' })
  @Property({ type: 'integer', default: 0 })
  rowsInvalid: number = 0;

  @Field(() => Int, { description: 'Rows inserted (a commit), or that would be (a dry run).' })
  @Property({ type: 'integer', default: 0 })
  rowsInserted: number = 0;

  @Field(() => Int, { description: 'Valid rows already in the hub (imported before, or same natural key): unchanged.' })
  @Property({ type: 'integer', default: 0 })
  rowsSkipped: number = 0;

  @Field(() => Int, { description: 'Problems found (each a row, column, value and reason).' })
  @Property({ type: 'integer', default: 0 })
  problemCount: number = 0;

  @Field(() => Float, { description: 'Bytes of the file read so far.' })
  @Property({ type: new BigIntType('number'), default: 0 })
  bytesRead: number = 0;

  @Field(() => Float, { description: 'Progress from 0 to 1 (bytes read / file size).' })
  get progress(): number {
    if (this.status !== ImportStatus.RUNNING) return 1;
    return this.fileSize > 0 ? Math.min(1, this.bytesRead / this.fileSize) : 0;
  }

  @Field(() => String, { nullable: true, description: 'Why it failed, when it did.' })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it finished.' })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  /** Written every second or so while running; a running job without one for a minute was abandoned. */
  @Property({ type: 'timestamptz', nullable: true })
  heartbeatAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was undone.' })
  @Property({ type: 'timestamptz', nullable: true })
  undoneAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Who undid it.' })
  @Property({ type: 'string', length: 120, nullable: true })
  undoneBy?: string | null;
}

/** One problem of one cell (or row) of an import. */
@ObjectType({ simpleResolvers: true, description: '导入问题 — a problem of one row: row, column, value and reason.' })
@Entity({ tableName: 'import_problem' })
export class ImportProblem {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => ImportJob, { ref: true, index: true, deleteRule: 'cascade', fieldName: 'job_id' })
  job!: Ref<ImportJob>;

  @Field(() => Int, { description: 'Row number as a spreadsheet shows it (the header is row 1).' })
  @Property({ type: 'integer' })
  row!: number;

  @Field({ description: 'Column header in the file (or the field name, when the value came from the mapping).' })
  @Property({ type: 'string', length: 255 })
  column!: string;

  @PersonalData()
  @Field(() => String, { nullable: true, description: 'The value in the cell.' })
  @Property({ type: 'text', nullable: true })
  value?: string | null;

  @Field({ description: 'Kind of problem, e.g. UNKNOWN_TOWNSHIP, MALFORMED_DATE, DUPLICATE_IN_FILE.' })
  @Property({ type: 'string', length: 40 })
  code!: string;

  // Reasons echo the cell's value (e.g. an unknown code or a malformed date), so they are masked like it.
  @PersonalData()
  @Field({ description: 'Reason in Chinese.' })
  @Property({ type: 'text' })
  reasonZh!: string;

  // Reasons echo the cell's value (e.g. an unknown code or a malformed date), so they are masked like it.
  @PersonalData()
  @Field({ description: 'Reason in English.' })
  @Property({ type: 'text' })
  reasonEn!: string;
}

/**
 * A row an import inserted, by its key: 128 bits of SHA-256 over the kind and a natural key (a township code,
 * a credit code...) or, for records without one, the source file's id column or the row's normalised values.
 * A key seen before is not inserted again; undo deletes the rows of an import by `import_id`.
 */
@Entity({ tableName: 'import_row' })
export class ImportRow {
  /** 128 bits of SHA-256 over the kind and the key (see key-set.ts). */
  @PrimaryKey({ type: 'uuid' })
  key!: string;

  @Property({ type: 'string', length: 20 })
  kind!: string;

  // No foreign key: checking one for every row would lock the job row that progress updates change meanwhile.
  @Property({ type: 'integer', fieldName: 'import_id', index: true })
  importId!: number;

  @Property({ type: 'integer' })
  rowId!: number;
}

export const IMPORT_ENTITIES = [ImportFile, ImportFileChunk, ImportMapping, ImportJob, ImportProblem, ImportRow];
