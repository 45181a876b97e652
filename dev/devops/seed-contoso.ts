import { buildOrgSeed } from "./seed-types";

// A second, small org for tenant isolation tests. Its work item ids (1, 2) collide with
// fabrikam's on purpose: an id alone must never reach the other org's data.
export const contoso = buildOrgSeed({
  name: "contoso",
  emailDomain: "contoso.example",
  users: [
    ["Alex Rivera", "alex.rivera"],
    ["Jordan Blake", "jordan.blake"],
    ["Sam Taylor", "sam.taylor"],
    ["Morgan Ellis", "morgan.ellis"],
  ],
  pcas: ["alex.rivera"],
  groups: [
    {
      displayName: "Contributors",
      scope: { kind: "project", project: "Contoso Portal" },
      description: "Members of this group can add, modify, and delete items within the team project.",
      users: ["jordan.blake", "sam.taylor", "morgan.ellis"],
    },
  ],
  projects: [{ name: "Contoso Portal", description: "Partner portal" }],
  workItems: [
    {
      id: 1,
      project: "Contoso Portal",
      type: "User Story",
      title: "Partner sign-up form",
      state: "Active",
      assignedTo: "jordan.blake",
    },
    {
      id: 2,
      project: "Contoso Portal",
      type: "Task",
      title: "Validate partner tax ids",
      state: "New",
      parentId: 1,
      assignedTo: "sam.taylor",
    },
  ],
});
