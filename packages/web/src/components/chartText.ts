// Small helpers shared by option builders.

// Tooltip HTML is built from server text (names, explanations), so it is escaped.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** ECharts types tooltip parameters loosely; this reads one named field safely. */
export function paramOf(params: unknown, key: string): unknown {
  return typeof params === 'object' && params !== null && key in params
    ? (params as Record<string, unknown>)[key]
    : undefined;
}
