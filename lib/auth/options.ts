import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Role } from '@/db/schema';
import { authorizeCredentials } from './authorize';
import { redirectCallback } from './callback-url';
import { clientAddress } from './client-address';
import { authLogger } from './logger';
import { authSecret } from './secret';
import { createSession, isSessionLive, revokeSession } from './sessions';

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: '/login' },
  logger: authLogger,
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const user = await authorizeCredentials(credentials, clientAddress(req?.headers));
        const ua = req?.headers?.['user-agent'];
        // The session row exists from the moment of sign-in; the JWT only carries its id.
        const sid = createSession(user.id, typeof ua === 'string' ? ua : '');
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, sid };
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      revokeSession(token?.sid);
    },
  },
  callbacks: {
    redirect: redirectCallback,
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = (user as unknown as { role: Role }).role;
        token.sid = (user as unknown as { sid?: string }).sid;
      }
      return token;
    },
    async session({ session, token }) {
      // A revoked, unknown or missing session row: the cookie no longer signs anyone in.
      if (!isSessionLive(token.sid, token.uid)) return { expires: session.expires } as typeof session;
      if (session.user) {
        session.user.id = token.uid as number;
        session.user.role = token.role as Role;
      }
      return session;
    },
  },
};
