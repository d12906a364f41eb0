import 'server-only';
import type { Mail } from '@/lib/mail/outbox';
import { composeMail as mail } from '@/lib/mail/compose';
import { siteUrl } from '@/lib/site';

// Every account mail is a text part and its HTML twin (lib/mail/compose.ts); links come from NEXTAUTH_URL (siteUrl).

export const verifyLink = (token: string) => `${siteUrl()}/verify-email?token=${token}`;

export function verificationMail(to: string, name: string, token: string): Mail {
  return mail(
    to,
    'email_verification',
    'Confirm your email address for the Republish Desk',
    [
      `Hello ${name},`,
      'Please confirm that this is your email address. The link works once, for 24 hours.',
      'If you did not register, ignore this mail: nothing happens without the link.',
    ],
    { href: verifyLink(token), label: 'Confirm my email address' },
  );
}

/** To the owner of an address someone tried to register again: no link that changes anything. */
export function registrationAttemptMail(to: string): Mail {
  return mail(
    to,
    'registration_attempt',
    'Someone tried to register your email address',
    [
      'Someone tried to register a new account on the Republish Desk with this email address, which already has an account. No new account was created.',
      `If it was you, sign in instead; if you have forgotten your password, set a new one at ${siteUrl()}/forgot-password. If it was not you, you need not do anything.`,
    ],
    { href: `${siteUrl()}/login`, label: 'Sign in' },
  );
}
