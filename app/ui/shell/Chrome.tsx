import { Header, HeaderView } from './Header';

function Chrome({ header, children }: { header: React.ReactNode; children: React.ReactNode }) {
  return (
    <>
      {header}
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/**
 * Header and main for pages rendered per request: the header shows who is signed in.
 * The root layout has no header on purpose — reading the session there would make every page,
 * including the cached visitor pages under app/(visitor), render per request.
 */
export function SessionChrome({ children }: { children: React.ReactNode }) {
  return <Chrome header={<Header />}>{children}</Chrome>;
}

/** Header and main for the visitor pages that are cached and shared by every visitor. */
export function VisitorChrome({ children }: { children: React.ReactNode }) {
  return <Chrome header={<HeaderView user={null} />}>{children}</Chrome>;
}

/**
 * For the root not-found page. Next renders it into every page's payload, cached ones included,
 * so it must not read the session: its header asks the browser for the sign-in part.
 */
export function PlainChrome({ children }: { children: React.ReactNode }) {
  return <Chrome header={<HeaderView user={undefined} />}>{children}</Chrome>;
}
