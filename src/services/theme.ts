// Components style themselves through azure-devops-ui's CSS variables, which the SDK sets
// from the host's theme (light or dark). These helpers are for the rare code that must
// compute something from the theme (a chart's colours, for example).

/**
 * Calls `listener` whenever the host applies a theme: once after init and on every switch.
 * Returns an unsubscribe function.
 */
export function onThemeApplied(listener: () => void): () => void {
  window.addEventListener("themeApplied", listener);
  return () => window.removeEventListener("themeApplied", listener);
}

/** True when the applied theme has a dark background. */
export function isDarkTheme(): boolean {
  const background = getComputedStyle(document.documentElement).getPropertyValue("--background-color");
  const rgb = parseCssColor(background);
  return rgb !== undefined && relativeLuminance(rgb) < 0.5;
}

export type Rgb = [number, number, number];

/** Reads `#rgb`, `#rrggbb`, `rgb(r, g, b)` and `rgba(r, g, b, a)`; undefined for anything else. */
export function parseCssColor(value: string): Rgb | undefined {
  const text = value.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
  }
  const channels = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(text);
  if (channels) return [Number(channels[1]), Number(channels[2]), Number(channels[3])];
  return undefined;
}

/** 0 (black) to 1 (white), weighted for how bright each channel looks. */
export function relativeLuminance([r, g, b]: Rgb): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
