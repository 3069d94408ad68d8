import 'server-only';
import nodemailer from 'nodemailer';
import type { MailSettings } from './settings';

export type Mail = { to: string; subject: string; text: string };

/**
 * Sends one plain-text mail. Timeouts are short: a delivery holds its outbox row locked while it
 * talks to the server, and a failure is retried by the queue with backoff.
 */
export async function sendMail(settings: MailSettings, mail: Mail): Promise<void> {
  const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };
  const server = typeof settings.transport === 'string' ? { url: settings.transport } : settings.transport;
  const transport = nodemailer.createTransport({ ...server, ...timeouts });
  try {
    await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
  } finally {
    transport.close();
  }
}
