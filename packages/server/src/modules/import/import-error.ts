/** A request the import cannot carry out, told in Chinese and English (an unknown kind, mapping or import...). */
export class ImportError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly code = 'IMPORT_ERROR',
  ) {
    super(`${zh} / ${en}`);
  }
}
