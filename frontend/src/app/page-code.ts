// Each page's code is a chunk of its own (its script and its stylesheet), fetched when the page is first
// shown. A page whose code cannot be fetched (the server is down, or was redeployed) says so, whichever of
// the two failed: a script import fails with a TypeError, a stylesheet's preload with a plain Error.

export class PageCodeUnavailable extends Error {
  constructor(cause: unknown) {
    super('The page’s code could not be fetched.', { cause });
    this.name = 'PageCodeUnavailable';
  }
}

/** A route's `lazy` that turns any failure to fetch the page's code into PageCodeUnavailable. */
export function pageCode<T>(load: () => Promise<T>): () => Promise<T> {
  return () =>
    load().catch((error: unknown) => {
      throw new PageCodeUnavailable(error);
    });
}
