import type { HostStore } from "../store";
import type { UrlSync } from "../url-sync";
import { textOf } from "../text";
import { HOST_QUERY_KEYS } from "../url-state";

// ms.vss-features.host-navigation-service (IHostNavigationService in
// azure-devops-extension-api Common/CommonServices.d.ts).

export interface NavigationDeps {
  store: HostStore;
  urlSync: UrlSync;
  /** The asking page's contribution (getPageNavigationElements, getPageRoute). */
  page: { id: string; name?: string; type: string };
}

type HashCallback = (hash: string) => unknown;

export function createHostNavigationService(deps: NavigationDeps): object {
  const callbacks = new Set<HashCallback>();
  let unsubscribe: (() => void) | undefined;
  const notify = (hash: string) => {
    for (const callback of callbacks) {
      Promise.resolve(callback(hash)).catch(() => {
        callbacks.delete(callback); // the frame that registered it is gone
        if (callbacks.size === 0) {
          unsubscribe?.();
          unsubscribe = undefined;
        }
      });
    }
  };
  const stripHash = (hash: unknown) => textOf(hash).replace(/^#/, "");
  return {
    getHash: () => deps.store.state.contentHash,
    setHash: (hash: string) => deps.urlSync.setContentHash(stripHash(hash), false),
    replaceHash: (hash: string) => deps.urlSync.setContentHash(stripHash(hash), true),
    onHashChanged: (callback: HashCallback) => {
      if (typeof callback !== "function") return;
      callbacks.add(callback);
      unsubscribe ??= deps.store.subscribe((state, previous) => {
        if (state.contentHash !== previous.contentHash) notify(state.contentHash);
      });
    },
    getQueryParams: () => {
      const params: Record<string, string> = {};
      new URLSearchParams(window.location.search).forEach((value, key) => {
        if (!HOST_QUERY_KEYS.has(key)) params[key] = value;
      });
      return params;
    },
    setQueryParams: (params: Record<string, string>) => deps.urlSync.setQueryParams(params ?? {}),
    navigate: (url: string) => {
      // Azure DevOps serves collection-admin hubs at <collection>/_settings/<publisher.extension.hub>:
      // show that hub here rather than leaving for the stand-in's URL, with the address's query
      // string, which the hub reads through getQueryParams (the Subscription page's ?users=N).
      const settings = /\/_settings\/([^/?#]+)(\?[^#]*)?/.exec(String(url));
      if (settings)
        deps.urlSync.goTo(
          { kind: "settings", slug: settings[1].split(".").pop()! },
          new URLSearchParams(settings[2] ?? ""),
        );
      else window.location.href = String(url);
    },
    openNewWindow: (url: string, features?: string) => {
      window.open(String(url), "_blank", features ?? "");
    },
    reload: () => window.location.reload(),
    setDocumentTitle: (title: string) => {
      document.title = String(title);
    },
    getPageRoute: () => ({ id: `${deps.page.id}-route`, routeValues: { contributionId: deps.page.id } }),
    getPageNavigationElements: () => [deps.page],
  };
}
