import { Chrome } from './Chrome';

/** The layout of every top-level route folder whose pages render per request (see app/layout.tsx). */
export default function SessionLayout({ children }: { children: React.ReactNode }) {
  return <Chrome mode="session">{children}</Chrome>;
}
