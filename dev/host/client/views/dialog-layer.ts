import type { HostContribution, StandinProject } from "../../shared/config-types";
import type { FrameSize } from "../contribution-frame";
import { h } from "../dom";
import type { FrameHost } from "../frame-host";

// Modal dialogs and side panels of ms.vss-features.host-page-layout-service.
// Custom content gets `configuration` plus `dialog.close(result)` /
// `panel.close(result)`, as Azure DevOps adds them (see the extension sample's
// Panel.tsx); closing in any way calls the opener's `onClose(result)` once.

export interface CustomDialogOptions {
  title?: string;
  configuration?: Record<string, unknown>;
  onClose?: (result: unknown) => unknown;
  lightDismiss?: boolean;
  /** Panels only. */
  description?: string;
  size?: number;
}

export interface MessageDialogOptions {
  title?: string;
  okText?: string;
  cancelText?: string;
  showCancel?: boolean;
  lightDismiss?: boolean;
  onClose?: (result: boolean) => unknown;
}

/** PanelSize: Small 0, Medium 1, Large 2. */
const PANEL_WIDTHS = [360, 640, 960];

interface OpenLayer {
  overlay: HTMLElement;
  close(result: unknown): void;
}

export class DialogLayer {
  private readonly open: OpenLayer[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly frames: FrameHost,
  ) {
    window.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.open[this.open.length - 1]?.close(undefined);
    });
  }

  openCustom(
    kind: "dialog" | "panel",
    contribution: HostContribution,
    options: CustomDialogOptions,
    project?: StandinProject,
  ): void {
    const body = h("div", { className: `${kind}-body` });
    const box = h("div", {
      className: kind,
      role: "dialog",
      "aria-modal": "true",
      "aria-label": options.title ?? contribution.id,
    });
    const layer = this.push(box, options.lightDismiss !== false, (result) => {
      this.frames.unmount(frame);
      Promise.resolve(options.onClose?.(result)).catch(() => undefined);
    });
    box.append(this.header(options.title ?? contribution.name ?? "", () => layer.close(undefined)));
    if (kind === "panel") {
      box.style.width = `${PANEL_WIDTHS[options.size ?? 1] ?? PANEL_WIDTHS[1]}px`;
      if (options.description) box.append(h("div", { className: "panel-description" }, options.description));
    }
    box.append(body);
    const frame = this.frames.mount(body, {
      contribution,
      project,
      className: `${kind}-frame`,
      configuration: { ...(options.configuration ?? {}), [kind]: { close: (result: unknown) => layer.close(result) } },
      onResize: (size) => (kind === "dialog" ? sizeDialog(body, size) : undefined),
    });
  }

  openMessage(message: string, options: MessageDialogOptions): void {
    const box = h("div", {
      className: "dialog message-dialog",
      role: "alertdialog",
      "aria-label": options.title ?? "Message",
    });
    const layer = this.push(box, options.lightDismiss !== false, (result) => {
      Promise.resolve(options.onClose?.(result === true)).catch(() => undefined);
    });
    const buttons = h(
      "div",
      { className: "dialog-buttons" },
      h("button", { className: "btn primary", onclick: () => layer.close(true) }, options.okText ?? "OK"),
      options.showCancel
        ? h("button", { className: "btn", onclick: () => layer.close(false) }, options.cancelText ?? "Cancel")
        : null,
    );
    box.append(
      this.header(options.title ?? "", () => layer.close(false)),
      h("div", { className: "message-body" }, message),
      buttons,
    );
  }

  closeTop(): void {
    this.open[this.open.length - 1]?.close(undefined);
  }

  private push(box: HTMLElement, lightDismiss: boolean, onClosed: (result: unknown) => void): OpenLayer {
    const overlay = h("div", { className: "overlay" }, box);
    let closed = false;
    const layer: OpenLayer = {
      overlay,
      close: (result) => {
        if (closed) return;
        closed = true;
        overlay.remove();
        this.open.splice(this.open.indexOf(layer), 1);
        onClosed(result);
      },
    };
    overlay.addEventListener("mousedown", (e) => {
      if (lightDismiss && e.target === overlay) layer.close(undefined);
    });
    this.open.push(layer);
    this.root.append(overlay);
    return layer;
  }

  private header(title: string, onClose: () => void): HTMLElement {
    return h(
      "div",
      { className: "dialog-header" },
      h("h2", { className: "dialog-title" }, title),
      h("button", { className: "icon-btn", "aria-label": "Close", onclick: onClose }, "✕"),
    );
  }
}

/** SDK.resize(width, height) from dialog content sizes the dialog, within the window. */
function sizeDialog(body: HTMLElement, size: FrameSize): void {
  if (typeof size.width === "number")
    body.style.width = `${Math.min(Math.max(size.width, 240), window.innerWidth - 64)}px`;
  if (typeof size.height === "number")
    body.style.height = `${Math.min(Math.max(size.height, 60), window.innerHeight - 140)}px`;
}
