import type { Metadata } from 'next';
import './globals.css';
import { Footer } from './ui/shell/Footer';

export const metadata: Metadata = {
  title: { default: 'Republish Desk', template: '%s · Republish Desk' },
  description: 'License and republish our journalism: instant quotes, clear terms, ready-to-paste copies.',
};

// No header here: the route groups add it. app/(site) (pages rendered per request) shows who is signed
// in; app/(visitor) (the cached visitor pages) must never read the session. See app/ui/shell/Chrome.tsx.
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
