import type { Config } from "../../app/config";

export type DevopsService = "core" | "vssps" | "vsaex";

/** Organization names as Azure DevOps allows them; anything else never reaches a URL. */
const ORG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function isValidOrgName(name: string): boolean {
  return ORG_NAME.test(name);
}

export function devopsUrl(config: Config["devops"], service: DevopsService, orgName: string, path: string): string {
  if (!isValidOrgName(orgName)) throw new Error(`Invalid organization name: ${orgName}`);
  const template = service === "core" ? config.coreUrl : service === "vssps" ? config.vsspsUrl : config.vsaexUrl;
  return template.replace("{org}", encodeURIComponent(orgName)) + path;
}
