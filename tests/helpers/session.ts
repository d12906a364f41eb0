import type { PublicUser } from '@/db/schema';

/**
 * The session for tests that call server actions: vi.mock('@/lib/auth/session') in the test file
 * answers currentUser() with `who.current` (the JWT decoding is replaced; the account rows, the
 * builders' can() check and everything after it are the real ones). See mockSession().
 */
export const who = { current: null as PublicUser | null };

type Fields = Record<string, string | number | boolean | string[] | undefined | null>;

/** A form as the browser posts it: repeated names for lists, nothing for undefined/null. */
export function form(fields: Fields): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) fd.append(k, item);
    else fd.set(k, String(v));
  }
  return fd;
}

/** Calls a form action as `user` would from the page. */
export function act<S>(
  action: (prev: never, formData: FormData) => Promise<S>,
  user: PublicUser | null,
  fields: Fields | FormData,
): Promise<S> {
  who.current = user;
  return action(null as never, fields instanceof FormData ? fields : form(fields));
}

/** The factory for vi.mock('@/lib/auth/session', mockSession). */
export async function mockSession() {
  const { notFound, redirect } = await import('next/navigation');
  const { can } = await import('@/lib/auth/can');
  return {
    currentUser: async () => who.current,
    requirePage: async (level: Parameters<typeof can>[1], returnTo = '/') => {
      if (!who.current && (level === 'user' || level === 'publisher'))
        redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
      if (!who.current || !can(who.current, level)) notFound();
      return who.current;
    },
  };
}

/** The factory for vi.mock('next/cache', mockCache): revalidation needs a Next request; here it is a no-op. */
export async function mockCache(importOriginal: () => Promise<object>) {
  return {
    ...(await importOriginal()),
    revalidatePath: () => {},
    refresh: () => {},
    updateTag: () => {},
    revalidateTag: () => {},
  };
}
