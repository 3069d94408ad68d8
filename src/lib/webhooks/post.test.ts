import { describe, expect, it } from 'vitest';
import { isWebhookUrl, MAX_CONTENT_BYTES, textMessage } from './post';

describe('group-robot text messages', () => {
  it('have the WeCom/DingTalk shape', () => {
    expect(textMessage('清河区：整改逾期 1 项')).toEqual({ msgtype: 'text', text: { content: '清河区：整改逾期 1 项' } });
  });

  it('are cut to 2048 bytes of UTF-8, not characters', () => {
    const long = '逾'.repeat(1000); // 3 bytes each
    const content = textMessage(long).text.content;
    expect(new TextEncoder().encode(content).length).toBeLessThanOrEqual(MAX_CONTENT_BYTES);
    expect(content.endsWith('…')).toBe(true);
    expect(content.length).toBeGreaterThan(600);
  });
});

describe('webhook addresses', () => {
  it('are http(s) without credentials in the URL', () => {
    expect(isWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).toBe(true);
    expect(isWebhookUrl('https://oapi.dingtalk.com/robot/send?access_token=abc')).toBe(true);
    expect(isWebhookUrl('http://127.0.0.1:8080/hook')).toBe(true);
    expect(isWebhookUrl('file:///etc/passwd')).toBe(false);
    expect(isWebhookUrl('javascript:alert(1)')).toBe(false);
    expect(isWebhookUrl('https://user:pw@example.cn/hook')).toBe(false);
    expect(isWebhookUrl('not a url')).toBe(false);
  });
});
