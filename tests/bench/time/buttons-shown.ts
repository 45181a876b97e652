import type { BrowserContext } from "playwright-core";

/**
 * Runs in every frame before its scripts. A frame records, into the top page, the moment
 * (its own performance.now(), i.e. since its navigation started) when the thing a user waits
 * for appears: the form group's Start Tracking button, or the baseline page's header.
 */
const RECORDER = `(() => {
  if (window === window.top) { window.__ttShown = []; return; }
  const ready = () =>
    [...document.querySelectorAll("button")].some((b) => (b.textContent || "").includes("Start Tracking")) ||
    Boolean(document.querySelector(".bolt-header-title"));
  let done = false;
  const check = () => {
    if (done || !ready()) return;
    done = true;
    observer.disconnect();
    try { window.top.__ttShown.push({ path: location.pathname, ms: performance.now() }); } catch {}
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true });
})();`;

export async function installButtonsRecorder(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: RECORDER });
}

/** Opens `url` in a new tab and returns when the frame whose path ends with `suffix` showed its content (ms since the frame's navigation). */
export async function timeToShown(context: BrowserContext, url: string, suffix: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    const handle = await page.waitForFunction(
      (s) => ((window as unknown as { __ttShown: { path: string; ms: number }[] }).__ttShown ?? []).find((r) => r.path.endsWith(s))?.ms,
      suffix,
      { timeout: 20_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}
