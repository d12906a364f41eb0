import { segmentsToHtml } from '@/lib/catalogue/fts';
import { siteUrl } from '@/lib/site';
import { listArticles } from '@/lib/catalogue/queries';
import { articleQuerySchema, queryObject } from '@/lib/validation/catalogue';
import { fieldErrors } from '@/lib/errors';

/**
 * GET /api/articles: the catalogue as JSON, with the parameters and results of /articles.
 * Highlights come as HTML in which every character of the text is escaped and only <mark> is
 * markup, so a client can insert them as they are.
 */
export async function GET(request: Request) {
  const parsed = articleQuerySchema.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 });
  const list = listArticles(parsed.data);
  const base = siteUrl();
  return Response.json({
    items: list.items.map((a) => ({
      slug: a.slug,
      url: `${base}/articles/${a.slug}`,
      title: a.title,
      standfirst: a.standfirst,
      section: a.section,
      authors: a.authors,
      byline: a.byline,
      publishedAt: a.publishedAt,
      wordCount: a.wordCount,
      rightsStatus: a.rightsStatus,
      licensable: a.licensable,
      ...(a.highlights && {
        highlights: {
          title: segmentsToHtml(a.highlights.title),
          standfirst: segmentsToHtml(a.highlights.standfirst),
          snippet: a.highlights.snippet ? segmentsToHtml(a.highlights.snippet) : null,
        },
      }),
    })),
    page: list.page,
    pageSize: list.pageSize,
    total: list.total,
    totalCapped: list.totalCapped,
    sort: list.sort,
  });
}
