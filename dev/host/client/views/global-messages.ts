import { h } from "../dom";

// What ms.vss-tfs-web.tfs-global-messages-service shows: banners above the
// page content and toasts at the bottom (IGlobalMessageBanner, IToast).

export interface Banner {
  message?: string;
  messageFormat?: string;
  messageLinks?: { name: string; href: string }[];
  level?: number;
  dismissable?: boolean;
  helpInfo?: { href?: string; tooltip?: string };
  buttons?: {
    text?: string;
    href?: string;
    target?: string;
    primary?: boolean;
    disabled?: boolean;
    command?: string;
  }[];
}

export interface Toast {
  message: string;
  duration: number;
  callToAction?: string;
  forceOverrideExisting?: boolean;
  onCallToActionClick?: () => unknown;
}

/** MessageBannerLevel: info 0, warning 1, error 2, success 3. */
const LEVELS = ["info", "warning", "error", "success"];

export class GlobalMessages {
  private readonly banners: HTMLElement[] = [];

  constructor(
    private readonly bannerRoot: HTMLElement,
    private readonly toastRoot: HTMLElement,
  ) {}

  addBanner(banner: Banner): void {
    const level = LEVELS[banner.level ?? 0] ?? "info";
    const el = h("div", { className: `global-banner level-${level}`, role: "alert" });
    el.append(h("span", { className: "banner-text" }, ...formatMessage(banner)));
    if (banner.helpInfo?.href || banner.helpInfo?.tooltip) {
      el.append(
        h(
          "a",
          {
            className: "banner-help",
            href: banner.helpInfo.href ?? "#",
            title: banner.helpInfo.tooltip ?? "",
            target: "_blank",
          },
          "?",
        ),
      );
    }
    for (const button of banner.buttons ?? []) {
      el.append(
        button.href
          ? h(
              "a",
              {
                className: `btn ${button.primary ? "primary" : ""}`,
                href: button.href,
                target: button.target ?? "_self",
              },
              button.text ?? "",
            )
          : h(
              "button",
              {
                className: "btn",
                disabled: true,
                title: `Command ${button.command ?? ""} is not supported by the dev host`,
              },
              button.text ?? "",
            ),
      );
    }
    if (banner.dismissable !== false) {
      el.append(
        h(
          "button",
          { className: "icon-btn banner-close", "aria-label": "Dismiss", onclick: () => this.removeBanner(el) },
          "✕",
        ),
      );
    }
    this.banners.push(el);
    this.bannerRoot.append(el);
  }

  closeBanner(): void {
    const last = this.banners[this.banners.length - 1];
    if (last) this.removeBanner(last);
  }

  clearBanners(): void {
    for (const el of [...this.banners]) this.removeBanner(el);
  }

  addToast(toast: Toast): void {
    if (toast.forceOverrideExisting) this.toastRoot.replaceChildren();
    const el = h("div", { className: "toast", role: "status" }, h("span", {}, toast.message));
    if (toast.callToAction) {
      el.append(
        h(
          "button",
          {
            className: "toast-cta",
            onclick: () => {
              Promise.resolve(toast.onCallToActionClick?.()).catch(() => undefined);
              el.remove();
            },
          },
          toast.callToAction,
        ),
      );
    }
    this.toastRoot.append(el);
    window.setTimeout(() => el.remove(), Math.max(1000, Number(toast.duration) || 5000));
  }

  private removeBanner(el: HTMLElement): void {
    el.remove();
    const index = this.banners.indexOf(el);
    if (index >= 0) this.banners.splice(index, 1);
  }
}

/** messageFormat "{0} and {1}" with messageLinks, else the plain message. */
function formatMessage(banner: Banner): (string | HTMLElement)[] {
  if (!banner.messageFormat) return [banner.message ?? ""];
  const parts: (string | HTMLElement)[] = [];
  const links = banner.messageLinks ?? [];
  let last = 0;
  for (const match of banner.messageFormat.matchAll(/\{(\d+)\}/g)) {
    parts.push(banner.messageFormat.slice(last, match.index));
    const link = links[Number(match[1])];
    parts.push(link ? h("a", { href: link.href, target: "_blank" }, link.name) : match[0]);
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(banner.messageFormat.slice(last));
  return parts;
}
