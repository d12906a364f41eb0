/** A plain GET form: works without JavaScript; /licenses turns the typed code into the page address. */
export function CodeLookupForm({ value, error }: { value?: string; error?: string }) {
  return (
    <form action="/licenses" method="get" className="form narrow" role="search" aria-label="Verify a licence">
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor="license-code">Licence code</label>
        <p id="license-code-hint" className="hint">
          It looks like LIC-7QK4-M2XD-9PBA and appears in the credit line under the article.
        </p>
        <div className="search-box">
          <input
            id="license-code"
            name="code"
            defaultValue={value}
            autoComplete="off"
            spellCheck={false}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={`license-code-hint${error ? ' license-code-error' : ''}`}
          />
          <button type="submit" className="button">
            Verify
          </button>
        </div>
        {error && (
          <p id="license-code-error" className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
