/**
 * The bearer token a page was given, kept for this browser tab only (sessionStorage): it goes when
 * the tab closes, is never written into a URL, and both pages of the service share it, so signing
 * in to one signs in to the other in the same tab.
 */
const KEY = 'throughline.token';

export const readToken = (): string | null => sessionStorage.getItem(KEY);
export const keepToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(KEY);

/** A token as pasted: surrounding space and a leading "Bearer " (copied with the header) removed. */
export const cleanToken = (pasted: string): string => pasted.trim().replace(/^bearer\s+/i, '').trim();
