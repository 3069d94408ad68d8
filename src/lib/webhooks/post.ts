/**
 * A group-robot webhook as WeCom (企业微信) and DingTalk (钉钉) take it: a JSON POST of
 * {"msgtype":"text","text":{"content":…}}. Both answer HTTP 200 with {"errcode":0,…} when they accept
 * the message and 200 with another errcode when they refuse it (bad key, rate limit), so the body is
 * read too: any refusal is a failure the queue retries.
 */
export type TextMessage = { msgtype: 'text'; text: { content: string } };

/** WeCom limits a text message to 2048 bytes; longer ones are cut with an ellipsis. */
export const MAX_CONTENT_BYTES = 2048;

export function textMessage(content: string): TextMessage {
  return { msgtype: 'text', text: { content: truncateBytes(content, MAX_CONTENT_BYTES) } };
}

function truncateBytes(text: string, max: number): string {
  const bytes = new TextEncoder();
  if (bytes.encode(text).length <= max) return text;
  let cut = text;
  while (bytes.encode(`${cut}…`).length > max) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** An http(s) address a webhook may be posted to; anything else is refused when it is set. */
export function isWebhookUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

export async function postWebhook(url: string, body: unknown, timeoutMs = 10_000): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  let answer: { errcode?: unknown; errmsg?: unknown } | null = null;
  try {
    answer = JSON.parse(text);
  } catch {
    // A plain "ok" (or nothing) from another kind of receiver: HTTP 2xx is acceptance.
  }
  if (answer && typeof answer === 'object' && answer.errcode != null && answer.errcode !== 0) {
    throw new Error(`webhook refused the message: errcode ${String(answer.errcode)} ${String(answer.errmsg ?? '')}`.trim());
  }
}
