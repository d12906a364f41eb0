import type { Metadata } from 'next';
import './globals.css';
import { Footer } from './ui/shell/Footer';

export const metadata: Metadata = {
  title: { default: 'Republish Desk', template: '%s · Republish Desk' },
  description: 'License and republish our journalism: instant quotes, clear terms, ready-to-paste copies.',
};

// No header here: each top-level folder's layout adds Chrome mode="session" (per request, shows
// who is signed in) or mode="visitor" (app/(visitor): cached pages for visitors). A new top-level route
// folder needs a layout.tsx that re-exports SessionLayout.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        {children}
        <Footer />
      </body>
    </html>
  );
}
