import 'server-only';
import type { Mail } from '@/lib/mail/outbox';
import { siteUrl } from '@/lib/site';
import { composeMail as mail } from '@/lib/mail/compose';

/*
 * Mails about a password or an address (issue 14 items 2 and 3). Each says what happened and what
 * to do if it was not the reader; only the mails to the mailbox being proved carry a link that acts.
 */

export const resetLink = (token: string) => `${siteUrl()}/reset-password?token=${token}`;
export const changeEmailLink = (token: string) => `${siteUrl()}/change-email?token=${token}`;
const ifNotYou = () =>
  `If this was not you, set a new password at ${siteUrl()}/forgot-password and sign out everywhere from your account settings.`;

export function resetPasswordMail(to: string, name: string, token: string): Mail {
  return mail(
    to,
    'password_reset',
    'Set a new password for the Republish Desk',
    [
      `Hello ${name},`,
      'Someone (we hope you) asked to set a new password for your account. The link works once, for one hour.',
      'If you did not ask, ignore this mail: your password stays as it is.',
    ],
    { href: resetLink(token), label: 'Set a new password' },
  );
}

export function passwordChangedMail(to: string, name: string): Mail {
  return mail(to, 'password_changed', 'Your Republish Desk password was changed', [
    `Hello ${name},`,
    'The password of your account was just changed, and your other signed-in devices were signed out.',
    ifNotYou(),
  ]);
}

/** To the new address: the link that moves the account there. */
export function changeEmailMail(to: string, name: string, token: string): Mail {
  return mail(
    to,
    'email_change',
    'Confirm your new email address for the Republish Desk',
    [
      `Hello ${name},`,
      'Please confirm that your Republish Desk account should use this email address from now on. The link works once, for 24 hours.',
      'If you did not ask for this, ignore this mail: nothing changes without the link.',
    ],
    { href: changeEmailLink(token), label: 'Confirm my new email address' },
  );
}

/**
 * To a new address that already has an account: no link, and the page said the same as for a free
 * address, so whoever asked learns nothing about who is registered.
 */
export function emailChangeTakenMail(to: string): Mail {
  return mail(
    to,
    'email_change_attempt',
    'Someone tried to move an account to your email address',
    [
      'Someone asked to move another Republish Desk account to this email address, which already has an account. Nothing was changed.',
      'If it was you, sign in with this address instead. If it was not you, you need not do anything.',
    ],
    { href: `${siteUrl()}/login`, label: 'Sign in' },
  );
}

/** To the old address when a change is asked for: the owner learns of it before it can happen. */
export function emailChangeRequestedMail(to: string, name: string, newEmail: string): Mail {
  return mail(to, 'email_change_requested', 'A change of your Republish Desk email address was requested', [
    `Hello ${name},`,
    `Someone signed in to your account asked to change its email address to ${newEmail}. It changes only when the link we sent there is followed.`,
    ifNotYou(),
  ]);
}

/** To the old address when the change is done. */
export function emailChangedMail(to: string, name: string, newEmail: string): Mail {
  return mail(to, 'email_changed', 'Your Republish Desk email address was changed', [
    `Hello ${name},`,
    `Your account's email address is now ${newEmail}; this address no longer signs in.`,
    'If this was not you, contact the desk at once: the account is no longer reachable from this address.',
  ]);
}
