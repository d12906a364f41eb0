import type { Metadata } from 'next';
import { requireStaff } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Desk dashboard' };

export default async function AdminDashboard() {
  const user = await requireStaff();
  return (
    <section>
      <h1>Desk dashboard</h1>
      <p className="lead">Welcome, {user.name}.</p>
    </section>
  );
}
