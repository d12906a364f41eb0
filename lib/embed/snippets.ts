/**
 * The copy-paste snippets for the publisher's site (shown on /admin/embed and in the README).
 * `url` is the article's canonical URL: in a CMS template, the variable that prints it.
 */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export type Snippets = { link: string; embed: string; frame: string; badge: string };

export function snippets(desk: string, url: string): Snippets {
  const q = encodeURIComponent(url);
  const door = `${desk}/r?url=${q}`;
  const badge = `<a href="${attr(door)}"><img src="${attr(`${desk}/badge.svg?url=${q}`)}" alt="Republish this article" height="28"></a>`;
  return {
    link: `<p>To learn about republishing this article and the fees, <a href="${attr(door)}">see our licensing desk</a>.</p>`,
    embed: `<script src="${attr(`${desk}/embed.js`)}" data-url="${attr(url)}" async></script>\n<noscript>${badge}</noscript>`,
    frame: `<iframe src="${attr(`${desk}/embed/frame?url=${q}`)}" title="Republish this article" width="100%" height="170" style="border:0;max-width:32rem" loading="lazy"></iframe>`,
    badge,
  };
}
