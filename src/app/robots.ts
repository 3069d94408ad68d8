import type { MetadataRoute } from 'next';

// Without this file /robots.txt answered the sign-in page's HTML, which crawlers (and Lighthouse)
// read as an invalid robots.txt. Signed-in pages need no rule: a crawler has no session, so each one
// redirects it to the sign-in page, the only page it can index. A printed service record's check page
// is public to whoever holds the paper's code, not to search engines; the API is for tokens.
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: '*', allow: '/', disallow: ['/verify', '/api/'] } };
}
