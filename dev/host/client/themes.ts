import { dark } from "./theme-dark";
import { light } from "./theme-light";
import type { ThemeName } from "./url-state";

// Theme variables handed to the frames in `themeData` (SDK.applyTheme writes them
// on :root of the frame) and used by the host page's own styles.

export const THEMES: Record<ThemeName, Record<string, string>> = { light, dark };

/** Azure DevOps' theme contribution ids, as pageContext.globalization.theme reports them. */
export const THEME_IDS: Record<ThemeName, string> = {
  light: "ms.vss-web.vsts-theme",
  dark: "ms.vss-web.vsts-theme-dark",
};

/** The host page styles itself with the same variables it hands to the frames. */
export function applyThemeToHost(theme: ThemeName): void {
  const root = document.documentElement;
  for (const [name, value] of Object.entries(THEMES[theme])) root.style.setProperty(`--${name}`, value);
  root.dataset.theme = theme;
}
