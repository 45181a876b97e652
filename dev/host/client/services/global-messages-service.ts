import type { DialogLayer } from "../views/dialog-layer";
import type { Banner, GlobalMessages, Toast } from "../views/global-messages";

// ms.vss-tfs-web.tfs-global-messages-service (IGlobalMessagesService).

interface GlobalDialog {
  title?: string;
  message?: string;
  contributionId?: string;
  contributionConfiguration?: Record<string, unknown>;
  onDismiss?: () => unknown;
}

export interface MessagesDeps {
  messages: GlobalMessages;
  dialogs: DialogLayer;
  openContributionDialog(
    contributionId: string,
    title: string | undefined,
    configuration: Record<string, unknown>,
    onClose: () => unknown,
  ): void;
}

export function createGlobalMessagesService(deps: MessagesDeps): object {
  return {
    addBanner: (banner: Banner) => deps.messages.addBanner(banner ?? {}),
    closeBanner: () => deps.messages.closeBanner(),
    addToast: (toast: Toast) => {
      if (!toast || typeof toast.message !== "string") throw new Error("addToast needs { message, duration }.");
      deps.messages.addToast(toast);
    },
    addDialog: (dialog: GlobalDialog) => {
      const onClose = () => dialog?.onDismiss?.();
      if (dialog?.contributionId) {
        deps.openContributionDialog(
          dialog.contributionId,
          dialog.title,
          dialog.contributionConfiguration ?? {},
          onClose,
        );
      } else {
        deps.dialogs.openMessage(dialog?.message ?? "", { title: dialog?.title, onClose });
      }
    },
    closeDialog: () => deps.dialogs.closeTop(),
  };
}
