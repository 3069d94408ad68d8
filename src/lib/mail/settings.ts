/**
 * Mail is sent only when an SMTP server is configured; unset means in-app notifications only. Read from
 * the environment on each use (cheap), so a test or a restart with new settings needs no cache reset.
 *   SMTP_URL=smtps://user:pass@smtp.example.cn:465   (or smtp://…:587, upgraded with STARTTLS)
 *   or SMTP_HOST, SMTP_PORT (587), SMTP_USER, SMTP_PASS, SMTP_SECURE (1 = TLS from the start; default on port 465)
 *   SMTP_FROM="手拉手 <noreply@jyj.example.cn>"
 */
export type MailSettings = {
  /** What nodemailer's createTransport takes: a URL, or host/port/auth. */
  transport: string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };
  from: string;
};

type Env = Record<string, string | undefined>;

export function mailSettings(env: Env = process.env): MailSettings | null {
  const from = env.SMTP_FROM?.trim() || env.SMTP_USER?.trim() || 'noreply@localhost';
  const url = env.SMTP_URL?.trim();
  if (url) return { transport: url, from };
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const port = Number(env.SMTP_PORT) || 587;
  const secure = env.SMTP_SECURE ? env.SMTP_SECURE === '1' || env.SMTP_SECURE === 'true' : port === 465;
  const user = env.SMTP_USER?.trim();
  return { transport: { host, port, secure, ...(user ? { auth: { user, pass: env.SMTP_PASS ?? '' } } : {}) }, from };
}

/** The address links in mails and webhook posts start with (no trailing slash). */
export function appUrl(env: Env = process.env): string {
  const url = env.APP_URL?.trim() || `http://localhost:${env.PORT || 3000}`;
  return url.replace(/\/+$/, '');
}
