import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { requiredLine } from '@/lib/schema-fields';
import { ABSOLUTE_TIMEOUT_MS } from './sessions';
import { signInWithPassword } from './credentials';
import { clientAddress } from '@/lib/net/client-address';

declare module 'next-auth' {
  interface Session {
    sid?: string;
  }
  interface User {
    sessionId?: string;
    locale?: string;
  }
}

// No NUL or controls in the identifier: it is looked up in PostgreSQL, which refuses NUL (a 500).
const CredentialsInput = z.object({ identifier: requiredLine(200), password: z.string().min(1).max(1024) });

/**
 * Auth.js keeps only a signed JWT in an HttpOnly cookie holding our session id; the session
 * itself (idle and absolute time-outs, revocation) lives in PostgreSQL: see sessions.ts.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(raw, request) {
        const parsed = CredentialsInput.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const result = await signInWithPassword(parsed.data.identifier, parsed.data.password, clientAddress(request.headers));
        if (!result.ok) throw new CredentialsSignin();
        return { id: result.userId, sessionId: result.sessionId, locale: result.locale };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined };
    },
  },
});
