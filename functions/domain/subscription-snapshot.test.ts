import { describe, expect, it } from "vitest";
import type { SubscriptionSnapshot } from "./org";
import { applyConfirmation, nextSnapshotFromDeletion, shouldReplaceSnapshot } from "./subscription-snapshot";

const snap = (over: Partial<SubscriptionSnapshot>): SubscriptionSnapshot => ({
  plan: "start",
  status: "active",
  seats: 14,
  billingPeriod: "yearly",
  chargebeeSubscriptionId: "sub_1",
  chargebeeCustomerId: "org",
  currentTermEnd: null,
  nextBillingAt: null,
  resourceVersion: 100,
  updatedAt: "",
  ...over,
});

describe("subscription snapshot updates", () => {
  it("takes the first confirmation and newer versions of the same subscription", () => {
    expect(shouldReplaceSnapshot(null, snap({}))).toBe(true);
    expect(shouldReplaceSnapshot(snap({}), snap({ resourceVersion: 101, plan: "team" }))).toBe(true);
  });

  it("never lets an older or equal resource_version overwrite a newer snapshot", () => {
    expect(shouldReplaceSnapshot(snap({ resourceVersion: 200, plan: "team" }), snap({ resourceVersion: 150 }))).toBe(
      false,
    );
    expect(shouldReplaceSnapshot(snap({}), snap({ status: "cancelled" }))).toBe(false);
  });

  it("keeps a live subscription when late news about another, ended one arrives", () => {
    const free = snap({ chargebeeSubscriptionId: "sub_free", plan: "free", seats: 3, resourceVersion: 300 });
    expect(shouldReplaceSnapshot(free, snap({ status: "cancelled", resourceVersion: 400 }))).toBe(false);
    // After a cancellation, a new subscription (Switch to Free, or a new purchase) takes over.
    expect(shouldReplaceSnapshot(snap({ status: "cancelled" }), free)).toBe(true);
  });

  it("keeps a paid plan bought while on Free when the Free subscription still reports", () => {
    const paid = snap({ chargebeeSubscriptionId: "sub_paid", resourceVersion: 500 });
    const freeRenewal = snap({ chargebeeSubscriptionId: "sub_free", plan: "free", seats: 3, resourceVersion: 600 });
    expect(shouldReplaceSnapshot(paid, freeRenewal)).toBe(false);
    expect(shouldReplaceSnapshot(freeRenewal, paid)).toBe(false); // older version
    expect(
      shouldReplaceSnapshot(snap({ chargebeeSubscriptionId: "sub_free", plan: "free", resourceVersion: 400 }), paid),
    ).toBe(true);
  });

  it("ends the snapshot of a subscription Chargebee deleted with its last state, and only that one", () => {
    const current = snap({ resourceVersion: 300, seats: 8 });
    const last = snap({ resourceVersion: 300, seats: 8, updatedAt: "now" });
    expect(nextSnapshotFromDeletion(current, last)).toEqual({ ...last, status: "cancelled" });
    expect(nextSnapshotFromDeletion(current, snap({ resourceVersion: 301, seats: 9 }))).toMatchObject({
      resourceVersion: 301,
      seats: 9,
      status: "cancelled",
    });
    expect(nextSnapshotFromDeletion(current, snap({ resourceVersion: 299 }))).toBeNull();
    expect(
      nextSnapshotFromDeletion(current, snap({ chargebeeSubscriptionId: "sub_other", resourceVersion: 900 })),
    ).toBeNull();
    // Before any other word about it, the deletion is all there is to show.
    expect(nextSnapshotFromDeletion(null, snap({}))).toEqual(snap({ status: "cancelled" }));
    // Delivered twice: the second one has nothing left to do.
    const ended = nextSnapshotFromDeletion(current, snap({ resourceVersion: 300 }))!;
    expect(nextSnapshotFromDeletion(ended, snap({ resourceVersion: 300 }))).toBeNull();
  });

  it("remembers a deletion that arrives before its subscription, and refuses that subscription afterwards", () => {
    const cancelled = snap({ status: "cancelled", resourceVersion: 100 });
    const ghost = snap({ chargebeeSubscriptionId: "sub_ghost", resourceVersion: 200 });
    const remembered = applyConfirmation({ subscription: cancelled }, ghost, "deletion");
    // As after its creation and then its deletion: the ended ghost replaces the ended snapshot.
    expect(remembered).toEqual({
      fields: { subscription: { ...ghost, status: "cancelled" }, deletedSubscriptionIds: ["sub_ghost"] },
      snapshotChanged: true,
    });
    expect(applyConfirmation(remembered!.fields, ghost, "deletion")).toBeNull();
    expect(applyConfirmation(remembered!.fields, { ...ghost, resourceVersion: 300 }, "state")).toBeNull();
    // A deletion of another subscription never ends a live one, but is still remembered.
    const live = snap({ resourceVersion: 100 });
    expect(applyConfirmation({ subscription: live }, ghost, "deletion")).toEqual({
      fields: { subscription: live, deletedSubscriptionIds: ["sub_ghost"] },
      snapshotChanged: false,
    });
    // Without the memory, a late word would have brought the deleted subscription back.
    expect(
      applyConfirmation(
        { subscription: { ...ghost, status: "cancelled" } },
        { ...ghost, resourceVersion: 300 },
        "state",
      )?.snapshotChanged,
    ).toBe(true);
  });

  it("leaves the same snapshot whether a deletion arrives after or before the older changes", () => {
    const created = snap({ chargebeeSubscriptionId: "sub_gone", seats: 12, resourceVersion: 200 });
    const changed = snap({ chargebeeSubscriptionId: "sub_gone", seats: 8, resourceVersion: 300 });
    const deleted = snap({ chargebeeSubscriptionId: "sub_gone", seats: 8, resourceVersion: 300 });
    const deliver = (
      start: SubscriptionSnapshot | null,
      events: [SubscriptionSnapshot, "state" | "deletion"][],
    ): SubscriptionSnapshot | null => {
      let fields: Parameters<typeof applyConfirmation>[0] = { subscription: start };
      for (const [incoming, kind] of events) fields = applyConfirmation(fields, incoming, kind)?.fields ?? fields;
      return fields.subscription;
    };
    const ended = snap({ chargebeeSubscriptionId: "sub_before", status: "cancelled", seats: 3, resourceVersion: 100 });
    for (const start of [null, ended]) {
      const inOrder = deliver(start, [
        [created, "state"],
        [changed, "state"],
        [deleted, "deletion"],
      ]);
      expect(inOrder).toMatchObject({ chargebeeSubscriptionId: "sub_gone", status: "cancelled", seats: 8 });
      expect(
        deliver(start, [
          [created, "state"],
          [deleted, "deletion"],
          [changed, "state"],
        ]),
      ).toEqual(inOrder);
      expect(
        deliver(start, [
          [deleted, "deletion"],
          [changed, "state"],
          [created, "state"],
        ]),
      ).toEqual(inOrder);
    }
  });

  it("keeps the latest 20 deleted ids", () => {
    let fields: Parameters<typeof applyConfirmation>[0] = { subscription: null };
    for (let i = 0; i < 25; i++)
      fields = applyConfirmation(fields, snap({ chargebeeSubscriptionId: `sub_${i}` }), "deletion")!.fields;
    expect(fields.deletedSubscriptionIds).toEqual(Array.from({ length: 20 }, (_, i) => `sub_${i + 5}`));
  });
});
