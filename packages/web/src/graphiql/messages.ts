// The GraphiQL page's own words (GraphiQL's interface itself is English only), zh-CN first.
import type { Lang } from '../i18n/lang';

const zhCN = {
  backToDashboard: '返回仪表盘',
  examplesHeading: '接口合同查询示例',
  examplesIntro: '这些是接口合同中的查询：名称和结构保持稳定，第三方可以依赖。点击一项在新标签页中打开，再按 ▶ 运行。',
  mutationBadge: '写入',
  credentialsHeading: '身份',
  credentialsSession: '已登录时，请求自动带上当前会话。',
  credentialsKey: '使用 API 密钥：在下方「Headers」中填写',
  credentialsNotStored: '请求头不会保存在浏览器中。',
  docsHint: '接口文档：点击左侧书本图标（Documentation Explorer）。',
  switchLanguage: 'English',
};

export type GraphiqlMessages = typeof zhCN;

const en: GraphiqlMessages = {
  backToDashboard: 'Back to the dashboard',
  examplesHeading: 'Contract operations',
  examplesIntro:
    'The operations of the API contract: their names and shapes stay stable for third parties. Click one to open it in a new tab, then press ▶ to run it.',
  mutationBadge: 'writes',
  credentialsHeading: 'Credentials',
  credentialsSession: 'Signed in, requests carry your session.',
  credentialsKey: 'With an API key: in Headers below, enter',
  credentialsNotStored: 'Headers are not stored in the browser.',
  docsHint: 'API documentation: the book icon on the left (Documentation Explorer).',
  switchLanguage: '中文',
};

export const GRAPHIQL_MESSAGES: Record<Lang, GraphiqlMessages> = { 'zh-CN': zhCN, en };
