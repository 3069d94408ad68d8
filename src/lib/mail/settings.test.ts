import { describe, expect, it } from 'vitest';
import { appUrl, mailSettings } from './settings';

describe('mail settings from the environment', () => {
  it('are off without SMTP_URL or SMTP_HOST', () => {
    expect(mailSettings({})).toBeNull();
    expect(mailSettings({ SMTP_USER: 'a', SMTP_PASS: 'b', SMTP_FROM: 'x@y.cn' })).toBeNull();
  });

  it('take a URL as it is', () => {
    expect(mailSettings({ SMTP_URL: 'smtps://u:p@smtp.example.cn:465', SMTP_FROM: '手拉手 <noreply@example.cn>' })).toEqual({
      transport: 'smtps://u:p@smtp.example.cn:465',
      from: '手拉手 <noreply@example.cn>',
    });
  });

  it('build host, port and login, TLS from the start on port 465 only unless told', () => {
    expect(mailSettings({ SMTP_HOST: 'smtp.example.cn', SMTP_USER: 'bot@example.cn', SMTP_PASS: 's' })).toEqual({
      transport: { host: 'smtp.example.cn', port: 587, secure: false, auth: { user: 'bot@example.cn', pass: 's' } },
      from: 'bot@example.cn',
    });
    expect(mailSettings({ SMTP_HOST: 'h', SMTP_PORT: '465' })?.transport).toEqual({ host: 'h', port: 465, secure: true });
    expect(mailSettings({ SMTP_HOST: 'h', SMTP_PORT: '2525', SMTP_SECURE: '1' })?.transport).toMatchObject({ secure: true });
  });

  it('link to APP_URL without a trailing slash, else the local server', () => {
    expect(appUrl({ APP_URL: 'https://hih.example.cn/' })).toBe('https://hih.example.cn');
    expect(appUrl({ PORT: '3100' })).toBe('http://localhost:3100');
  });
});
