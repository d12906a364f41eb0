import { Header, type HeaderMode } from './Header';

/**
 * Header and main around a page. The root layout has none on purpose: reading the session there would
 * make every page, including the cached visitor pages under app/(visitor), render per request. So each
 * route group's layout says which header it has: app/(site) `session`, app/(visitor) `visitor`, the root
 * not-found page `browser` (see HeaderMode).
 */
export function Chrome({ mode, children }: { mode: HeaderMode; children: React.ReactNode }) {
  return (
    <>
      <Header mode={mode} />
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
