import Link from 'next/link';
import { DateField } from '@/app/ui/forms/DateField';
import { Field } from '@/app/ui/forms/Field';
import type { FieldErrors } from '@/lib/errors';
import { FilterDisclosure } from './FilterDisclosure';

type Props = {
  /** What the URL holds, valid or not, so the form shows what was asked for. */
  values: Record<string, string>;
  sections: string[];
  errors?: FieldErrors;
  action?: string;
};

/**
 * The search and filters as a plain GET form: the state lives in the URL, so results can be
 * shared and the back button works, with or without JavaScript.
 */
export function CatalogueFilters({ values, sections, errors = {}, action = '/articles' }: Props) {
  const v = (k: string) => values[k] ?? '';
  const section = v('section');
  // Set filters (or their errors) open the disclosure, so what narrows the results is in sight.
  const active =
    ['section', 'tag', 'author', 'from', 'to', 'sort', 'licensable'].filter((k) => v(k) !== '').length +
    (Object.keys(errors).some((k) => k !== 'q') ? 1 : 0);
  return (
    <form
      action={action}
      method="get"
      role="search"
      className="catalogue-filters"
      aria-label="Search and filter articles"
    >
      <div className="search-row">
        <div className="search-field">
          <Field
            name="q"
            label="Search"
            type="search"
            defaultValue={v('q')}
            error={errors.q}
            maxLength={1000}
            placeholder="Words from the headline, standfirst or text"
          />
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">
            Search
          </button>
          <Link href={action}>Clear</Link>
        </div>
      </div>
      <FilterDisclosure active={active}>
        <Field name="section" label="Section" error={errors.section}>
          <select id="f-section" name="section" defaultValue={section}>
            <option value="">All sections</option>
            {sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            {section && !sections.includes(section) && <option value={section}>{section}</option>}
          </select>
        </Field>
        <Field name="tag" label="Tag" defaultValue={v('tag')} error={errors.tag} />
        <Field name="author" label="Author" defaultValue={v('author')} error={errors.author} />
        <DateField name="from" label="Published from" defaultValue={v('from')} error={errors.from} />
        <DateField name="to" label="Published until" defaultValue={v('to')} error={errors.to} />
        <Field name="sort" label="Order" hint="Automatic: best match when searching, else newest." error={errors.sort}>
          <select id="f-sort" name="sort" defaultValue={v('sort')} aria-describedby="f-sort-hint">
            <option value="">Automatic</option>
            <option value="relevance">Best match</option>
            <option value="newest">Newest first</option>
          </select>
        </Field>
        <div className="filter-wide">
          <label className="checkbox">
            <input type="checkbox" name="licensable" value="1" defaultChecked={v('licensable') === '1'} />
            <span>Only articles we can license</span>
          </label>
          {errors.licensable && <p className="field-error">{errors.licensable}</p>}
        </div>
      </FilterDisclosure>
    </form>
  );
}
