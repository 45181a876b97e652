import type { HostContribution, StandinProject, StandinUser } from "../shared/config-types";
import type { HostState } from "./store";
import { THEME_IDS, THEMES } from "./themes";

// What `initialHandshake` answers (the SDK's "current" format, see SDK.js init()).

/** azure-devops-extension-sdk HostType: a cloud organization and a Server project collection are both 4. */
const HOST_TYPE_ORGANIZATION = 4;

export interface HandshakeOptions {
  contribution: HostContribution;
  configuration: Record<string, unknown>;
  /** Undefined on organization-level pages (Organization Settings hubs). */
  project?: StandinProject;
}

export function buildHandshake(state: HostState, opts: HandshakeOptions): Record<string, unknown> {
  const { config, org, user, hostKind, theme } = state;
  const project = opts.project;
  return {
    contributionId: opts.contribution.fullId,
    initialConfig: opts.configuration,
    themeData: THEMES[theme],
    context: {
      extension: {
        id: config.extension.id,
        publisherId: config.extension.publisherId,
        extensionId: config.extension.extensionId,
        version: config.extension.version,
        baseUri: new URL(config.extensionBaseUrl, window.location.origin).href,
      },
      user: userContext(user),
      host: {
        id: org.id,
        name: org.name,
        serviceVersion:
          hostKind === "cloud" ? "dev-host cloud (Azure DevOps Services)" : "dev-host (Azure DevOps Server 2022)",
        type: HOST_TYPE_ORGANIZATION,
        isHosted: hostKind === "cloud",
      },
      pageContext: {
        globalization: {
          culture: navigator.language || "en-US",
          explicitTheme: THEME_IDS[theme],
          theme: THEME_IDS[theme],
          timeZoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
          timezoneOffset: -new Date().getTimezoneOffset(),
          typeAheadDisabled: false,
        },
        timeZonesConfiguration: { daylightSavingsAdjustments: [] },
        webContext: project ? { project: { id: project.id, name: project.name }, team: defaultTeam(project) } : {},
      },
    },
  };
}

export function userContext(user: StandinUser): Record<string, string> {
  const descriptor = user.descriptor ?? `aad.${btoa(user.id).replace(/=+$/, "")}`;
  return {
    id: user.id,
    name: user.email,
    displayName: user.displayName,
    descriptor,
    imageUrl: avatarDataUrl(user.displayName),
  };
}

/** Azure DevOps creates "<project> Team" with every project; the stand-in has no teams. */
function defaultTeam(project: StandinProject): { id: string; name: string } {
  return { id: stableGuid(`team:${project.id}`), name: `${project.name} Team` };
}

/** A GUID-shaped id derived from a seed, so reloads give the same team id. */
export function stableGuid(seed: string): string {
  let hex = "";
  for (let round = 0; hex.length < 32; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    hex += hash.toString(16).padStart(8, "0");
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An initials avatar as a data URL: works offline, unlike Azure DevOps' avatar endpoint. */
export function avatarDataUrl(displayName: string): string {
  const initials = displayName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0].toUpperCase())
    .join("")
    .replace(/[<>&"']/g, "");
  const hue = [...displayName].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 360;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="hsl(${hue},45%,45%)"/>` +
    `<text x="32" y="41" font-family="Segoe UI,Arial" font-size="26" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
