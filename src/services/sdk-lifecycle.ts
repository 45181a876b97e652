import * as SDK from "azure-devops-extension-sdk";

/**
 * Starts the handshake with the host. With `showsUi` the frame takes the user's theme.
 * Every page reports its load itself (reportLoadSucceeded): the host then waits with its
 * calls into the page (registered objects, form events) until the page is ready, instead of
 * racing the handshake. The promise never settles when no host answers: callers apply
 * their own timeout.
 */
export function initSdk(options: { showsUi: boolean }): Promise<void> {
  return SDK.init({ applyTheme: options.showsUi, loaded: false });
}

export function reportLoadSucceeded(): void {
  void SDK.notifyLoadSucceeded();
}

export function reportLoadFailed(error: unknown): void {
  // Messages cross to the host as JSON, where an Error object would arrive empty.
  void SDK.notifyLoadFailed(error instanceof Error ? error.message : String(error));
}

/** Exposes an object the host calls by id (menu actions, work item form events). */
export function registerHostObject(instanceId: string, instance: object): void {
  SDK.register(instanceId, instance);
}

export function getContributionId(): string {
  return SDK.getContributionId();
}
