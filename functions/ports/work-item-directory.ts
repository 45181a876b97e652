/** What we need to know about an Azure DevOps work item, read with the caller's own token. */
export interface WorkItemInfo {
  id: number;
  title: string;
  state: string;
  type: string;
  project: string;
  /** Direct children (hierarchy links). */
  childIds: number[];
}

export interface WorkItemDirectory {
  /** Null when it does not exist in the org or the caller may not read it. */
  find(orgName: string, accessToken: string, id: number): Promise<WorkItemInfo | null>;
  /** The ones of `ids` that exist and the caller may read (missing ones are left out). */
  findMany(orgName: string, accessToken: string, ids: number[]): Promise<WorkItemInfo[]>;
}
