import { CodeLookupForm } from '@/app/ui/licenses/CodeLookupForm';

export default function LicenseNotFound() {
  return (
    <section>
      <h1>No licence with this code</h1>
      <p className="lead">
        We have never issued a licence with this code. Check it against the credit line (codes look like
        LIC-7QK4-M2XD-9PBA); a copy that shows a code we do not know is not licensed by us.
      </p>
      <CodeLookupForm />
    </section>
  );
}
