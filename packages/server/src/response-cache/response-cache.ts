// A cache of whole GraphQL answers for the statistics the dashboard and programs ask over and over. The key is
// the normalised operation (the printed document: layout and comments do not matter), its name, its variables
// and what the caller may see (role and township scope), under the current data version (data-version.ts):
// any committed write, from anywhere, retires every cached answer at once.
//
// Only queries whose every root field is a statistic or reference list in CACHEABLE_ROOT_FIELDS are cached:
// their answers depend on the data and the caller's visibility alone, never on who exactly asks.
import crypto from 'node:crypto';
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { type DocumentNode, type OperationDefinitionNode, print } from 'graphql';
import type { HubContext } from '../common/context.js';
import type { Logger } from '../common/logger.js';
import { type DataChangeObserver, type DataVersion, listenForDataChanges } from './data-version.js';
import { memoryStore, redisStore, type ResponseStore } from './stores.js';

export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'accidentExplore',
  'roadTrafficExplore',
  'hazardExplore',
  'inspectionExplore',
  'trainingExplore',
  'capacityExplore',
  'investigationExplore',
  'accidentClusters',
  'accidentKpis',
  'accidentStats',
  'capacityStats',
  'countyYearStatistics',
  'enterpriseStats',
  'hazardStats',
  'inspectionStats',
  'investigationStats',
  'outreachStats',
  'supervisoryCapacity',
  'taskStats',
  'townships',
  'trainingStats',
  'workPlan',
]);

/** The response header that says whether an answer came from the cache (hit) or was computed (miss). */
export const CACHE_HEADER = 'x-hub-cache';
/**
 * Between the plugin and the HTTP handler only (removed before the answer leaves): the cache key of an answer
 * the cache holds, without its data version.
 */
export const CACHE_KEY_HEADER = 'x-hub-cache-key';

/** An answer the cache holds for a request seen before, sent without Apollo. */
export interface EarlyAnswer {
  body: string;
  contentType: string;
}

export interface ResponseCache {
  plugin: ApolloServerPlugin<HubContext>;
  store: ResponseStore;
  version: DataVersion;
  /**
   * The cached answer to a request whose exact form (see graphql-handler.ts `earlyAnswerKey`) was answered
   * from or into the cache before, at the current data version; null when there is none.
   */
  earlyAnswer(requestKey: string): Promise<EarlyAnswer | null>;
  /** Records that requests of this form are answered by the cache entry `cacheKey` (see CACHE_KEY_HEADER). */
  rememberRequest(requestKey: string, cacheKey: string, contentType: string): void;
  close(): Promise<void>;
}

const KEY_PREFIX = 'hub:rc:';
/** `hub:rc:<version>:<hash>` → `<hash>`: what stays the same for a question from one data version to the next. */
const withoutVersion = (key: string) => key.slice(key.indexOf(':', KEY_PREFIX.length) + 1);

function isCacheable(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  let fields = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== 'Field') return false;
    if (selection.name.value === '__typename') continue;
    if (!CACHEABLE_ROOT_FIELDS.has(selection.name.value)) return false;
    fields++;
  }
  return fields > 0;
}

/** JSON with object keys sorted, so that { a, b } and { b, a } are the same variables. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function createResponseCache(store: ResponseStore, version: DataVersion): ResponseCache {
  // Apollo keeps parsed documents, so the same text is the same DocumentNode: print each once.
  const normalised = new WeakMap<DocumentNode, string>();
  const documentHash = (document: DocumentNode) => {
    let h = normalised.get(document);
    if (!h) normalised.set(document, (h = crypto.createHash('sha256').update(print(document)).digest('base64url')));
    return h;
  };

  // Answers being computed in this process, by key: the same question asked again meanwhile waits for the
  // first instead of running the same heavy statement again (a dashboard opened by many at once).
  const computing = new Map<string, Promise<string | null>>();
  const COALESCE_WAIT_MS = 30_000;

  const plugin: ApolloServerPlugin<HubContext> = {
    async requestDidStart() {
      let key: string | null = null;
      let hit = false;
      let finish: ((answer: string | null) => void) | undefined;
      const answer = (singleResult: string) => ({
        http: { status: undefined, headers: new HeaderMap([[CACHE_HEADER, 'hit']]) },
        body: { kind: 'single' as const, singleResult: JSON.parse(singleResult) },
      });
      return {
        async responseForOperation({ operation, document, request, contextValue }) {
          const at = version.current();
          if (at === null || !isCacheable(operation)) return null;
          const { role, townshipCode } = contextValue.viewer;
          key = `${KEY_PREFIX}${at}:${crypto
            .createHash('sha256')
            .update(
              [
                documentHash(document),
                request.operationName ?? '',
                stableJson(request.variables ?? {}),
                role ?? '',
                townshipCode ?? '',
              ].join('\0'),
            )
            .digest('base64url')}`;
          /** The answer another request of this process is computing, when it comes in time. */
          const share = async (pending: Promise<string | null>): Promise<string | null> => {
            const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), COALESCE_WAIT_MS).unref());
            return Promise.race([pending, timeout]);
          };
          const pending = computing.get(key);
          const shared = pending ? await share(pending) : null;
          if (shared !== null) {
            hit = true;
            return answer(shared);
          }
          const cached = await store.get(key);
          if (cached !== null) {
            hit = true;
            const response = answer(cached);
            response.http.headers.set(CACHE_KEY_HEADER, withoutVersion(key));
            return response;
          }
          // While the store answered (a Redis round trip), another request may have started computing: look
          // again with no await between the look and registering this one, or two would compute.
          const startedMeanwhile = computing.get(key);
          if (startedMeanwhile) {
            const sharedLate = await share(startedMeanwhile);
            if (sharedLate !== null) {
              hit = true;
              return answer(sharedLate);
            }
          }
          if (!computing.has(key)) {
            const k = key;
            computing.set(
              k,
              new Promise((resolve) => {
                finish = resolve;
              }),
            );
          }
          return null;
        },
        async willSendResponse({ response, operation }) {
          if (operation?.operation === 'mutation') version.bump();
          if (!key || hit) return;
          response.http.headers.set(CACHE_HEADER, 'miss');
          const body = response.body;
          const ok = body.kind === 'single' && !body.singleResult.errors && body.singleResult.data;
          const serialized = ok ? JSON.stringify(body.singleResult) : null;
          finish?.(serialized);
          // Others may still ask this process until the store holds the answer: keep sharing it until then.
          try {
            if (serialized !== null) {
              await store.set(key, serialized);
              response.http.headers.set(CACHE_KEY_HEADER, withoutVersion(key));
            }
          } finally {
            if (finish) computing.delete(key);
          }
        },
      };
    },
  };

  // Request form → cache key, most recently used last; bounded, as request forms are the callers' to invent.
  const requestForms = new Map<string, { cacheKey: string; contentType: string }>();
  const MAX_REQUEST_FORMS = 10_000;

  return {
    plugin,
    store,
    version,
    async earlyAnswer(requestKey) {
      const form = requestForms.get(requestKey);
      const at = version.current();
      if (!form || at === null) return null;
      const body = await store.get(`${KEY_PREFIX}${at}:${form.cacheKey}`);
      return body === null ? null : { body, contentType: form.contentType };
    },
    rememberRequest(requestKey, cacheKey, contentType) {
      requestForms.delete(requestKey);
      requestForms.set(requestKey, { cacheKey, contentType });
      if (requestForms.size > MAX_REQUEST_FORMS) requestForms.delete(requestForms.keys().next().value!);
    },
    close: async () => {
      await version.close();
      await store.close();
    },
  };
}

/** The hub's cache: in Redis when a URL is given (shared by every process), else in this process's memory. */
export async function startResponseCache(
  databaseUrl: string,
  redisUrl: string | null,
  log: Logger,
  observer?: DataChangeObserver,
): Promise<ResponseCache> {
  const version = await listenForDataChanges(databaseUrl, log, observer);
  const store = redisUrl ? redisStore(redisUrl, log) : memoryStore();
  await store.ready();
  return createResponseCache(store, version);
}
