// Menu action page for the dev host's browser test: on execute it opens the
// probe dialog through the host page layout service and, when the dialog closes,
// reports the result through a toast of the global messages service.
import * as SDK from "azure-devops-extension-sdk";

interface LayoutService {
  openCustomDialog(contributionId: string, options: Record<string, unknown>): void;
}
interface MessagesService {
  addToast(toast: { message: string; duration: number }): void;
}

SDK.register("probe-action", {
  execute: async (context: { workItemId: number }) => {
    const layout = await SDK.getService<LayoutService>("ms.vss-features.host-page-layout-service");
    const messages = await SDK.getService<MessagesService>("ms.vss-tfs-web.tfs-global-messages-service");
    layout.openCustomDialog(`${SDK.getExtensionContext().id}.probe-dialog`, {
      title: "Probe dialog",
      configuration: {
        workItemId: context.workItemId,
        onResult: (result: unknown) =>
          messages.addToast({ message: `result ${JSON.stringify(result)}`, duration: 10_000 }),
      },
      onClose: (result: unknown) =>
        messages.addToast({ message: `closed with ${JSON.stringify(result)}`, duration: 10_000 }),
    });
  },
});

void SDK.init();
