import { findUser, type HostStore } from "./store";
import { formatUrl, parseUrl, type Route } from "./url-state";
import { HOST_QUERY_KEYS } from "./host-query-keys";

/**
 * Keeps the address bar and the store in step: switching user, host kind,
 * theme or route rewrites the URL (so it can be shared as a deep link), and
 * back/forward or a hand-edited hash updates the store.
 */
export class UrlSync {
  private replaceNext = false;
  private nextPageQuery: Record<string, string> | null = null;

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

  /**
   * Another page: with `pageQuery`, the hosted page's own query parameters are replaced by
   * these (an SDK navigate to a URL); without, they stay (the host's own menus).
   */
  goTo(route: Route, pageQuery?: Record<string, string>): void {
    if (pageQuery) this.nextPageQuery = pageQuery;
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
    const search = this.nextPageQuery ? this.withPageQuery(this.nextPageQuery) : window.location.search;
    this.nextPageQuery = null;
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

  /** The current search with the hosted page's parameters replaced (the host's own are kept). */
  private withPageQuery(pageQuery: Record<string, string>): string {
    const query = new URLSearchParams(window.location.search);
    for (const key of [...query.keys()]) if (!HOST_QUERY_KEYS.has(key)) query.delete(key);
    for (const [key, value] of Object.entries(pageQuery)) if (value) query.set(key, value);
    return `?${query.toString()}`;
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
