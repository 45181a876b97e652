import { describe, expect, it } from "vitest";
import { groupView } from "./rule-views";

describe("how a rule names its group", () => {
  it("says when an Entra group's changes reach the rule late, and says nothing for an Azure DevOps group", () => {
    const entra = groupView({ descriptor: "aadgp.x", displayName: "Engineering", principalName: "", origin: "AAD" });
    expect(entra).toMatchObject({ displayName: "Engineering", source: "Microsoft Entra ID" });
    expect(entra.membershipNote).toMatch(/within about an hour \(a dynamic group's within 24 hours\)/);

    const devops = groupView({
      descriptor: "vssgp.y",
      displayName: "",
      principalName: "[fabrikam]\\Contributors",
      origin: "vsts",
    });
    expect(devops).toMatchObject({
      displayName: "[fabrikam]\\Contributors",
      source: "Azure DevOps",
      membershipNote: null,
    });
  });
});
