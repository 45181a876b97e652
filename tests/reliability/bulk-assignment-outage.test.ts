import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendStack, type BackendStack } from "../../dev/stack";
import { api, signIn, type SignedIn } from "../integration/support/sign-in";
import { storeRequestsOf, withOutageAtStoreRequest } from "./support/store-outage";
import { subscribe } from "./support/subscribed";
import { addFabrikamUsers, assign, licensedIds, seatsShown } from "./support/users-api";

const BULK = 30;
/** Points of the request (out of its store requests) where the store goes down. */
const OUTAGE_POINTS = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];

let stack: BackendStack;
let priya: SignedIn;
let users: string[];

async function expectLicensed(expected: string[]): Promise<void> {
  const licensed = await licensedIds(stack, priya);
  expect(licensed.sort()).toEqual([priya.user.id, ...expected].sort());
  expect((await seatsShown(stack, priya)).licensed).toBe(1 + expected.length);
}

describe("the store stops in the middle of a bulk assignment", () => {
  beforeAll(async () => {
    stack = await startBackendStack({ ports: "random" });
    priya = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
    await api(stack, priya, "GET", "me");
    await subscribe(stack, priya, 1 + BULK + 5);
    users = addFabrikamUsers(stack, BULK);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("fails cleanly at every point, and the retry assigns everyone once: no seat lost or counted twice", async () => {
    const cosmos = stack.cosmos!;
    const steps = await storeRequestsOf(cosmos, () => assign(stack, priya, "Team", users));
    await expectLicensed(users);
    expect((await assign(stack, priya, "None", users)).status).toBe(200);
    await expectLicensed([]);

    const points = [...new Set(OUTAGE_POINTS.map((p) => Math.max(1, Math.round(p * steps))))];
    for (const step of points) {
      const { result, hit } = await withOutageAtStoreRequest(cosmos, step, () => assign(stack, priya, "Team", users));
      expect(hit).toBe(true);
      expect({ step, of: steps, status: result.status, message: result.body.error?.message }).toEqual({
        step,
        of: steps,
        status: 503,
        message: expect.stringMatching(/\S/),
      });
      expect({ step, retry: (await assign(stack, priya, "Team", users)).status }).toEqual({ step, retry: 200 });
      await expectLicensed(users);
      expect((await assign(stack, priya, "None", users)).status).toBe(200);
      await expectLicensed([]);
    }
  });
});
