import type { DevopsOptions } from "./devops-options";

export type DevopsService = "core" | "vssps" | "vsaex";

/** Organization names as Azure DevOps allows them; anything else never reaches a URL. */
const ORG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function isValidOrgName(name: string): boolean {
  return ORG_NAME.test(name);
}

/** The base URL of one of the organization's hosts, without a trailing slash. */
export function devopsBaseUrl(options: DevopsOptions, service: DevopsService, orgName: string): string {
  if (!isValidOrgName(orgName)) throw new Error(`Invalid organization name: ${orgName}`);
  const template = service === "core" ? options.coreUrl : service === "vssps" ? options.vsspsUrl : options.vsaexUrl;
  return template.replace("{org}", encodeURIComponent(orgName)).replace(/\/+$/, "");
}
