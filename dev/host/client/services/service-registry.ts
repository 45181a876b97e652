import type { HostContribution } from "../../shared/config-types";
import type { ContributionFrame } from "../contribution-frame";
import type { ServiceFactory } from "../frame-host";
import type { HostStore } from "../store";
import type { UrlSync } from "../url-sync";
import type { DialogLayer } from "../views/dialog-layer";
import type { GlobalMessages } from "../views/global-messages";
import type { WorkItemSession } from "../work-item-session";
import { createGlobalMessagesService } from "./global-messages-service";
import { createHostNavigationService } from "./host-navigation-service";
import { createHostPageLayoutService } from "./host-page-layout-service";
import { createLocationService } from "./location-service";
import { createWorkItemFormService } from "./work-item-form-service";

/** What the services need from the rest of the host page. */
export interface ServiceHost {
  store: HostStore;
  urlSync: UrlSync;
  dialogs: DialogLayer;
  messages: GlobalMessages;
  // Plain functions, not methods: the services are handed them detached from this object.
  activeWorkItem: () => WorkItemSession | undefined;
  showFormError: (message: string | undefined) => void;
  setFullScreen: (on: boolean) => void;
  isFullScreen: () => boolean;
}

export function findContribution(contributions: HostContribution[], id: string): HostContribution | undefined {
  return contributions.find((c) => c.fullId === id || c.id === id);
}

/** Service ids as in azure-devops-extension-api (CommonServiceIds, WorkItemTrackingServiceIds). */
export function createServiceFactory(host: ServiceHost): ServiceFactory {
  const factories: Record<string, (frame: ContributionFrame) => object> = {
    "ms.vss-work-web.work-item-form": () =>
      createWorkItemFormService({
        activeWorkItem: host.activeWorkItem,
        showFormError: host.showFormError,
        resourceUrl: (id) => {
          const { config, org } = host.store.state;
          return `${config.devopsUrl.replace(/\/+$/, "")}/${encodeURIComponent(org.name)}/_apis/wit/workItems/${id}`;
        },
      }),
    "ms.vss-features.host-page-layout-service": (frame) =>
      createHostPageLayoutService({
        dialogs: host.dialogs,
        findContribution: (id) => findContribution(host.store.state.config.contributions, id),
        project: frame.options.project,
        setFullScreen: host.setFullScreen,
        isFullScreen: host.isFullScreen,
      }),
    "ms.vss-features.host-navigation-service": (frame) =>
      createHostNavigationService({
        store: host.store,
        urlSync: host.urlSync,
        page: { id: frame.contribution.fullId, name: frame.contribution.name, type: frame.contribution.type },
      }),
    "ms.vss-tfs-web.tfs-global-messages-service": (frame) =>
      createGlobalMessagesService({
        messages: host.messages,
        dialogs: host.dialogs,
        openContributionDialog: (id, title, configuration, onClose) => {
          const target = findContribution(host.store.state.config.contributions, id);
          if (!target) throw new Error(`addDialog: no contribution ${id} in the extension manifest.`);
          host.dialogs.openCustom("dialog", target, { title, configuration, onClose }, frame.options.project);
        },
      }),
    "ms.vss-features.location-service": () =>
      createLocationService({
        devopsUrl: host.store.state.config.devopsUrl,
        orgName: () => host.store.state.org.name,
        hostKind: () => host.store.state.hostKind,
      }),
    "ms.vss-tfs-web.tfs-page-data-service": (frame) => ({
      getProject: () =>
        frame.options.project ? { id: frame.options.project.id, name: frame.options.project.name } : undefined,
    }),
  };
  return (serviceId, frame) => {
    const factory = factories[serviceId];
    if (!factory) {
      console.warn(
        `[dev host] ${frame.contribution.id} asked for service ${serviceId}, which the dev host does not provide.`,
      );
      throw new Error(`The dev host does not provide service ${serviceId}.`);
    }
    return factory(frame);
  };
}
