import { findUser, type HostStore } from "./store";
import { formatUrl, parseUrl, withPageQuery, type Route } from "./url-state";

/**
 * Keeps the address bar and the store in step: switching user, host kind,
 * theme or route rewrites the URL (so it can be shared as a deep link), and
 * back/forward or a hand-edited hash updates the store.
 */
export class UrlSync {
  private replaceNext = false;
  /** The hosted pages' query of the address being navigated to (navigate(url)), for the next write. */
  private nextPageQuery: URLSearchParams | undefined;

  constructor(private readonly store: HostStore) {
    store.subscribe((state, previous) => {
      const isNavigation = state.route !== previous.route || state.contentHash !== previous.contentHash;
      this.write(isNavigation && !this.replaceNext);
      this.replaceNext = false;
    });
    window.addEventListener("popstate", () => this.readUrl());
    window.addEventListener("hashchange", () => this.readUrl());
  }

  /** Rewrites the address bar from the state without a history entry (e.g. "/" → "/?org=…#/hub"). */
  syncAddressBar(): void {
    this.write(false);
  }

  /** Shows `route`; with `pageQuery` (a page address's query), the hosted pages' parameters become exactly those. */
  goTo(route: Route, pageQuery?: URLSearchParams): void {
    this.nextPageQuery = pageQuery;
    this.store.update({ route, contentHash: "" });
  }

  setContentHash(hash: string, replace: boolean): void {
    this.replaceNext = replace;
    this.store.update({ contentHash: hash });
  }

  /** Empty values remove a parameter, as IHostNavigationService.setQueryParams documents. */
  setQueryParams(params: Record<string, string>): void {
    const query = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(params)) {
      if (value === "" || value === null || value === undefined) query.delete(key);
      else query.set(key, String(value));
    }
    history.replaceState(null, "", `?${query.toString()}${window.location.hash}`);
  }

  private write(push: boolean): void {
    const state = this.store.state;
    const search = this.nextPageQuery
      ? withPageQuery(window.location.search, this.nextPageQuery)
      : window.location.search;
    this.nextPageQuery = undefined;
    const url = formatUrl(
      {
        org: state.org.name,
        user: state.user.email || state.user.id,
        host: state.hostKind,
        theme: state.theme,
        route: state.route,
        contentHash: state.contentHash,
      },
      search,
    );
    if (url === window.location.search + window.location.hash) return;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  private readUrl(): void {
    const parsed = parseUrl(window.location);
    const state = this.store.state;
    const user = findUser(state.org, parsed.user) ?? state.user;
    const sameRoute = JSON.stringify(parsed.route) === JSON.stringify(state.route);
    this.store.update({
      route: sameRoute ? state.route : parsed.route,
      contentHash: parsed.contentHash,
      user,
      hostKind: parsed.host,
      theme: parsed.theme,
    });
  }
}
