import { isValidOrgName } from "../../domain/org-name";

export type DevopsService = "core" | "vssps" | "vsaex";

/** Where an org's Azure DevOps services live ({org} is replaced by the org name). */
export interface DevopsOptions {
  coreUrl: string;
  vsspsUrl: string;
  vsaexUrl: string;
  requestTimeoutMs: number;
}


export function devopsUrl(config: DevopsOptions, service: DevopsService, orgName: string, path: string): string {
  if (!isValidOrgName(orgName)) throw new Error(`Invalid organization name: ${orgName}`);
  const template = service === "core" ? config.coreUrl : service === "vssps" ? config.vsspsUrl : config.vsaexUrl;
  return template.replace("{org}", encodeURIComponent(orgName)) + path;
}
