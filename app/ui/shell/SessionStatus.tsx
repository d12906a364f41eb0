'use client';

import { useEffect, useState } from 'react';
import { SessionLinks } from './SessionLinks';

type Me = { user: { name: string } | null };

/**
 * The header's sign-in part, asked from the browser. Used where the server must not read the
 * session: the root not-found page is rendered into every page, the cached visitor pages too.
 * Nothing shows until the answer comes, so a signed-in user never sees "Sign in" flash.
 */
export function SessionStatus() {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/me', { cache: 'no-store' })
      .then((res) => (res.ok ? (res.json() as Promise<Me>) : { user: null }))
      .catch(() => ({ user: null }))
      .then((answer) => live && setMe(answer));
    return () => {
      live = false;
    };
  }, []);
  return me ? <SessionLinks name={me.user?.name ?? null} /> : null;
}
