import * as React from "react";
import type { GroupRulePreviewResponse, PeopleSample } from "../services/group-rules-service";
import { sampleText } from "./group-rule-text";
import { SeatImpactLine } from "./seat-impact-note";
import { usersText } from "./users-text";

function PeopleLine(props: { label: string; people: PeopleSample }): JSX.Element {
  const names = sampleText(props.people);
  return (
    <li>
      <span className="font-weight-semibold">{`${props.label}: ${props.people.count.toLocaleString("en")}`}</span>
      {props.people.count > 0 && names ? <span className="secondary-text">{` — ${names}`}</span> : null}
    </li>
  );
}

/** What the rule would do now, as the server previewed it: who is new, raised, unchanged, and the seats. */
export function GroupRulePreview(props: { preview: GroupRulePreviewResponse; isPca: boolean }): JSX.Element {
  const { preview } = props;
  const role = preview.roleLabel;
  return (
    <section className="flex-column rhythm-vertical-8" aria-label="Preview" aria-live="polite">
      <div>
        {`${preview.group.displayName} has ${usersText(preview.members)} now, nested groups included. The rule licenses them as ${role}:`}
      </div>
      <ul className="rule-preview-lines">
        <PeopleLine label="New licenses" people={preview.newlyLicensed} />
        <PeopleLine label={`Raised to ${role}`} people={preview.raised} />
        <PeopleLine label={`Already ${role} or higher`} people={preview.alreadyAtLeast} />
      </ul>
      <SeatImpactLine impact={preview.impact} prefix="Seats: " isPca={props.isPca} />
      {preview.group.membershipNote ? <div className="secondary-text">{preview.group.membershipNote}</div> : null}
    </section>
  );
}
