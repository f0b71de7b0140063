// Every request to the hub outside GraphQL (uploads, file downloads) goes through here, so whatever
// credentials the hub asks for later are added in one place, as for the urql client.
import type { Lang } from '../i18n/lang';

/** The hub's answer when it refuses: its `中文 / English` reason, in the reader's language. */
export class HubRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function hubFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(path, { credentials: 'same-origin', ...init });
}

/** The reason of a refused request, from the hub's `{ errors: [{ message, extensions: { reason } }] }`. */
export async function refusalOf(response: Response, lang: Lang): Promise<HubRequestError> {
  let message = `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as {
      errors?: { message?: string; extensions?: { reason?: { zh?: string; en?: string } } }[];
    };
    const first = body.errors?.[0];
    const reason = first?.extensions?.reason;
    message = (lang === 'zh-CN' ? reason?.zh : reason?.en) ?? first?.message ?? message;
  } catch {
    // Not JSON: the status says enough.
  }
  return new HubRequestError(message, response.status);
}

/** Downloads what the hub serves at `path` (GET) or makes from `body` (POST JSON) and saves it as `fileName`. */
export async function downloadFromHub(path: string, fileName: string, lang: Lang, body?: unknown): Promise<void> {
  const response = await hubFetch(
    path,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  if (!response.ok) throw await refusalOf(response, lang);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
