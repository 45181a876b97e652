import { isValidOrgName } from "../../domain/org-name";
import type { DevopsOptions } from "./devops-options";

export type DevopsService = "core" | "vssps" | "vsaex";

/** The base URL of one of the organization's hosts, without a trailing slash. */
export function devopsBaseUrl(options: DevopsOptions, service: DevopsService, orgName: string): string {
  if (!isValidOrgName(orgName)) throw new Error(`Invalid organization name: ${orgName}`);
  const template = service === "core" ? options.coreUrl : service === "vssps" ? options.vsspsUrl : options.vsaexUrl;
  return template.replace("{org}", encodeURIComponent(orgName)).replace(/\/+$/, "");
}
