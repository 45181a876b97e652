// A contribution page for the dev host's browser test: it drives the REAL
// azure-devops-extension-sdk and prints what the host answered into the page
// as <div data-probe="name">value</div>.
import * as SDK from "azure-devops-extension-sdk";

interface FormService {
  getId(): Promise<number>;
  getFieldValue(name: string, options?: { returnOriginalValue: boolean }): Promise<unknown>;
}

const root = document.getElementById("probe")!;
const query = new URLSearchParams(window.location.search);

function show(name: string, value: unknown): void {
  let el = root.querySelector<HTMLElement>(`[data-probe="${name}"]`);
  if (!el) {
    el = document.createElement("div");
    el.dataset.probe = name;
    root.append(el);
  }
  el.textContent = typeof value === "string" ? value : JSON.stringify(value);
}

async function main(): Promise<void> {
  await SDK.init({ loaded: false, applyTheme: true });
  // Register before reporting loaded, as Azure DevOps expects.
  SDK.register(SDK.getContributionId(), {
    onLoaded: (args: unknown) => show("onLoaded", args),
    onFieldChanged: (args: unknown) => show("onFieldChanged", args),
    onSaved: (args: unknown) => show("onSaved", args),
  });
  await SDK.notifyLoadSucceeded();

  show("contributionId", SDK.getContributionId());
  show("user", SDK.getUser());
  show("host", SDK.getHost());
  show("extension", SDK.getExtensionContext());
  show("project", SDK.getWebContext().project ?? null);
  show("appToken", await SDK.getAppToken());
  show("accessToken", await SDK.getAccessToken());

  const config = SDK.getConfiguration();
  const dialog = config.dialog as { close(result: unknown): void } | undefined;
  const workItemId: unknown = config.workItemId;
  if (dialog) {
    show("config", { workItemId });
    const button = document.createElement("button");
    button.textContent = "Close with result";
    // A callback of the opener inside `configuration` crosses two frames through the host.
    const onResult = config.onResult as ((result: unknown) => Promise<unknown>) | undefined;
    button.onclick = () => {
      void onResult?.({ saved: 2 });
      dialog.close({ ok: true, workItemId });
    };
    root.append(button);
  }

  if (SDK.getContributionId().endsWith("group") || SDK.getContributionId().endsWith("page")) {
    const form = await SDK.getService<FormService>("ms.vss-work-web.work-item-form");
    show("workItemId", await form.getId());
    show("title", await form.getFieldValue("System.Title", { returnOriginalValue: false }));
  }

  if (query.get("resize") === "0") SDK.resize(undefined, 0);
  else SDK.resize();
  show("done", "yes");
}

main().catch((e: unknown) => show("error", (e as Error).message ?? String(e)));
