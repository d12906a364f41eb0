/**
 * The licence terms a request is made on, and the box that accepts them: the same for a request of
 * articles and a catalogue licence (`extra` adds terms of that kind of licence).
 */
export function LicenceTermsFieldset({
  terms,
  extra = [],
  accepted,
  error,
}: {
  terms: readonly string[];
  extra?: readonly string[];
  accepted: boolean;
  error?: string;
}) {
  return (
    <fieldset>
      <legend>Licence terms</legend>
      <ul className="terms-list">
        {[...terms, ...extra].map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <div className={`field${error ? ' has-error' : ''}`}>
        <span className="checkbox">
          <input
            type="checkbox"
            id="f-acceptTerms"
            name="acceptTerms"
            defaultChecked={accepted}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'f-acceptTerms-error' : undefined}
          />
          <label htmlFor="f-acceptTerms">I accept these licence terms</label>
        </span>
        {error && (
          <p id="f-acceptTerms-error" className="field-error">
            {error}
          </p>
        )}
      </div>
    </fieldset>
  );
}
