import * as SDK from "azure-devops-extension-sdk";
import type { IGlobalMessagesService } from "azure-devops-extension-api";

const GLOBAL_MESSAGES = "ms.vss-tfs-web.tfs-global-messages-service";

/** A short message at the bottom of the Azure DevOps page (outside our small frames). */
export async function showToast(message: string, durationMs = 6_000): Promise<void> {
  const messages = await SDK.getService<IGlobalMessagesService>(GLOBAL_MESSAGES);
  messages.addToast({ message, duration: durationMs });
}
