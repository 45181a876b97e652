import * as React from "react";
import { Link } from "azure-devops-ui/Link";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import type { GroupRulePreviewResponse, PeopleSample, SeatImpactView } from "../services/group-rules-service";
import { openHostUrl } from "../services/navigation";
import { sampleText } from "./group-rule-text";
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

/** The server's word on seats: fits, or how many are missing, what adding them costs, and where. */
export function SeatImpactCard(props: { impact: SeatImpactView }): JSX.Element {
  const { impact } = props;
  const url = impact.subscriptionUrl;
  return (
    <MessageCard
      severity={impact.fits ? MessageCardSeverity.Info : MessageCardSeverity.Warning}
      className="seat-impact"
    >
      <div className="flex-column rhythm-vertical-4">
        <span>{`Seats: ${impact.message}`}</span>
        {impact.cost ? <span>{impact.cost.text}</span> : null}
        {!impact.fits && url ? (
          <Link
            href={url}
            onClick={(e) => {
              e.preventDefault();
              void openHostUrl(url);
            }}
          >
            Add seats on the Subscription page
          </Link>
        ) : null}
      </div>
    </MessageCard>
  );
}

/** What the rule would do now, as the server previewed it: who is new, raised, unchanged, and the seats. */
export function GroupRulePreview(props: { preview: GroupRulePreviewResponse }): JSX.Element {
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
      <SeatImpactCard impact={preview.impact} />
    </section>
  );
}
