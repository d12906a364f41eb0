/** "By A, B and C", each name linking to that author's articles (plain links, as in ArticleCard). */
export function Byline({ authors }: { authors: string[] }) {
  if (authors.length === 0) return null;
  return (
    <span>
      By{' '}
      {authors.map((a, i) => (
        <span key={a}>
          {i > 0 && (i === authors.length - 1 ? ' and ' : ', ')}
          <a href={`/articles?author=${encodeURIComponent(a)}`}>{a}</a>
        </span>
      ))}
    </span>
  );
}
