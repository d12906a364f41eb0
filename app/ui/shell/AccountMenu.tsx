'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * The signed-in person's menu in the header: their name opens the account links and "Sign out"
 * (a <details> disclosure, so it works by keyboard and before hydration). It closes on a page
 * change — the layout's header outlives client navigation — on Escape and on a click elsewhere.
 */
export function AccountMenu({ name, children }: { name: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const menu = ref.current;
      if (menu?.open && !menu.contains(e.target as Node)) menu.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      const menu = ref.current;
      if (e.key !== 'Escape' || !menu?.open) return;
      menu.open = false;
      menu.querySelector('summary')?.focus();
    };
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <details className="account-menu" ref={ref} data-testid="account-menu">
      <summary>
        <span data-testid="signed-in-as">{name}</span>
        <span className="sr-only"> — account menu</span>
      </summary>
      <ul className="account-menu-panel">{children}</ul>
    </details>
  );
}
