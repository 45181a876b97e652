import "./styles.css";
import { fetchConfig, fetchOrg, mintTokens, setDeployment } from "./api";
import { placeContributions } from "./contributions";
import { h } from "./dom";
import { FrameHost } from "./frame-host";
import { needsRebuild, RouteRenderer } from "./route-renderer";
import { createServiceFactory } from "./services/service-registry";
import { findUser, HostStore } from "./store";
import { applyThemeToHost } from "./themes";
import { TokenCache } from "./tokens";
import { parseUrl } from "./url-state";
import { UrlSync } from "./url-sync";
import { DialogLayer } from "./views/dialog-layer";
import { GlobalMessages } from "./views/global-messages";
import { Shell } from "./views/shell";
import type { WorkItemSession } from "./work-item-session";
import { XdmChannelManager } from "./xdm/channel-manager";

async function boot(root: HTMLElement): Promise<void> {
  const url = parseUrl(window.location);
  applyThemeToHost(url.theme);
  const config = await fetchConfig();
  const org = await fetchOrg(url.org ?? config.defaultOrg);
  if (org.users.length === 0) throw new Error(`The stand-in org ${org.name} has no users.`);
  const wantedUser = findUser(org, url.user);

  const store = new HostStore({
    config,
    org,
    user: wantedUser ?? org.users[0],
    hostKind: url.host,
    theme: url.theme,
    route: url.route,
    contentHash: url.contentHash,
  });
  store.subscribe((state, previous) => {
    if (state.theme !== previous.theme) applyThemeToHost(state.theme);
  });
  const urlSync = new UrlSync(store);
  const places = placeContributions(config.contributions);
  const shell = new Shell(root, store, places);
  const messages = new GlobalMessages(shell.bannerRoot, shell.toastRoot);
  // ?xdmlog=1 prints every protocol message: handy when a page hangs in SDK.init().
  const logTraffic = new URLSearchParams(window.location.search).has("xdmlog");
  const channels = new XdmChannelManager(logTraffic ? (dir, msg) => console.debug(`[xdm ${dir}]`, msg) : undefined);
  // Cloud/Server also switches the stand-in org, so the backend meets what that host offers
  // (connectionData's deploymentType; no Graph or User Entitlements on Server). Tokens wait
  // for the switch: the backend decides on what Azure DevOps says when it first sees a token.
  let deployment = setDeployment(org.name, url.host);
  store.subscribe((state, previous) => {
    if (state.hostKind !== previous.hostKind || state.org.name !== previous.org.name)
      deployment = setDeployment(state.org.name, state.hostKind);
  });
  const mintAfterSwitch = async (orgName: string, userId: string) => {
    await deployment.catch((e: unknown) =>
      messages.addBanner({ level: 2, message: `Could not switch the host type: ${(e as Error).message}` }),
    );
    return mintTokens(orgName, userId);
  };
  const frames = new FrameHost(store, new TokenCache(mintAfterSwitch), channels);
  const dialogs = new DialogLayer(shell.layerRoot, frames);

  let activeWorkItem: WorkItemSession | undefined;
  let showFormError: (message: string | undefined) => void = () => undefined;
  frames.setServiceFactory(
    createServiceFactory({
      store,
      urlSync,
      dialogs,
      messages,
      activeWorkItem: () => activeWorkItem,
      showFormError: (message) => showFormError(message),
      setFullScreen: (on) => shell.setFullScreen(on),
      isFullScreen: () => shell.isFullScreen(),
    }),
  );
  // Banners belong to the page that raised them, like a page load in Azure DevOps.
  store.subscribe((state, previous) => {
    if (needsRebuild(state, previous)) messages.clearBanners();
  });
  if (url.user && !wantedUser) {
    messages.addBanner({
      level: 1,
      message: `No user "${url.user}" in ${org.name}; showing ${store.state.user.displayName}.`,
    });
  }
  new RouteRenderer(
    {
      store,
      frames,
      urlSync,
      places,
      setActiveWorkItem: (session, onError) => {
        activeWorkItem = session;
        showFormError = onError ?? (() => undefined);
      },
    },
    shell.contentRoot,
  );
  urlSync.syncAddressBar();
}

const root = document.getElementById("app")!;
boot(root).catch((e: unknown) => {
  root.replaceChildren(
    h(
      "div",
      { className: "boot-error", role: "alert" },
      h("h1", {}, "The dev host could not start"),
      h("pre", {}, (e as Error).message ?? String(e)),
    ),
  );
});
