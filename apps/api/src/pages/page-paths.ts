/** The pages for people the service serves from what `npm run build` made; each signs in by itself. */
export const PAGE_NAMES = ['dashboard', 'graphiql'] as const;
export type PageName = (typeof PAGE_NAMES)[number];

/** A file the build wrote under a page's assets/ folder: one name, never a path. */
export const ASSET_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

const PUBLIC_PAGE = new RegExp(`^/(${PAGE_NAMES.join('|')})(/|/assets/[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)?(\\?.*)?$`);

/**
 * Whether a request is for a page or one of its assets, which anyone may load: the page asks for
 * a token itself and sends it with every GraphQL request. Exactly the page, its folder and one
 * asset name below its assets/ folder; any other path under them is not a page's.
 */
export const isPublicPagePath = (url: string): boolean => PUBLIC_PAGE.test(url);
