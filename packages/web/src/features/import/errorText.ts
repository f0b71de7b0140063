// What a person is told when the hub refuses: its reason in their language, never a code or a stack.
import type { CombinedError } from 'urql';
import type { Lang } from '../../i18n/lang';

const UNREACHABLE = {
  'zh-CN': '无法连接到数据中枢，请检查网络后重试',
  en: 'the hub cannot be reached; check the connection and try again',
} as const;

/** A GraphQL error's reason (`extensions.reason`, or the `中文 / English` message split by language). */
export function errorText(error: CombinedError, lang: Lang): string {
  const first = error.graphQLErrors[0];
  if (!first) return UNREACHABLE[lang];
  const extensions = first.extensions as { reason?: { zh?: string; en?: string }; problems?: string[] };
  const reason = lang === 'zh-CN' ? extensions.reason?.zh : extensions.reason?.en;
  if (reason) return reason;
  if (extensions.problems?.length) return extensions.problems.map((p) => splitMessage(p, lang)).join('；');
  return splitMessage(first.message, lang);
}

/** "field: 中文 / English" → the part in the reader's language (the field name is for programs). */
export function splitMessage(message: string, lang: Lang): string {
  const withoutField = message.replace(/^[\w.]+: /, '');
  const [zh, en] = withoutField.split(' / ');
  return (lang === 'zh-CN' ? zh : (en ?? zh))!.trim();
}
