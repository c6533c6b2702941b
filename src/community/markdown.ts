// The safe markdown subset for posts and comments: markdown-it with raw HTML disabled renders, then
// sanitize-html enforces an allow-list on the output (defence in depth: a renderer bug cannot inject markup).
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
// Images would load third-party content (tracking, bandwidth): render them as their alt text only.
md.disable(['image']);

// markdown-it's own URL check (validateLink) already refuses javascript:, vbscript:, file: and data: (except
// some images, which are disabled). We additionally allow only http(s) and mailto in the sanitizer.
const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'hr', 'span'];

/** The visible domain of a link, so readers see where it goes before they follow it. */
export function linkDomain(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'mailto:' ? null : u.hostname;
  } catch {
    return null;
  }
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'rel', 'class'], span: ['class'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    // Headings inside a post would break the page outline: the post title is the h1/h2.
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => ({
      tagName,
      // ugc + nofollow: no search-ranking gain for spammers; noopener: the target cannot reach window.opener.
      // Only absolute http(s)/mailto targets: a relative link would pose as one of our own pages.
      attribs: { ...(attribs.href && /^(https?:\/\/|mailto:)/i.test(attribs.href) ? { href: attribs.href } : {}), rel: 'nofollow ugc noopener', class: 'ugc-link' },
    }),
  },
  exclusiveFilter: undefined,
};

/** Markdown → safe HTML. Links keep their text and are followed by their domain in brackets. */
export function renderMarkdown(source: string): string {
  const raw = md.render(source);
  const clean = sanitizeHtml(raw, SANITIZE);
  // Show each link's domain after it (done after sanitizing, on our own well-formed output).
  return clean.replace(/<a href="([^"]*)" rel="nofollow ugc noopener" class="ugc-link">([\s\S]*?)<\/a>/g, (all, href: string) => {
    const domain = linkDomain(href.replace(/&amp;/g, '&'));
    return domain ? `${all}<span class="link-domain"> (${escapeHtml(domain)})</span>` : all;
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const LINK_RE = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.|\[[^\]]*\]\([^)]*\)/i;
/** Whether a text contains a link (raw URL, www. host or a markdown link). */
export const hasLink = (s: string) => LINK_RE.test(s) || md.linkify.test(s);
export const countLinks = (s: string) => (md.linkify.match(s) ?? []).length + (s.match(/\]\([^)]*\)/g) ?? []).length;
