/** Where the typed work item client finds its routes (the service's answer to OPTIONS {org}/_apis/wit). */
export const WIT_LOCATIONS = {
  count: 1,
  value: [
    {
      id: "72c7ddf8-2cdc-4f60-90cd-ab71c14a399b",
      area: "wit",
      resourceName: "workItems",
      routeTemplate: "{project}/_apis/{area}/{resource}/{id}",
      resourceVersion: 3,
      minVersion: "1.0",
      maxVersion: "7.2",
      releasedVersion: "7.1",
    },
  ],
};
