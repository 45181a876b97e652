import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackendStack, type BackendStack } from "../../dev/stack";
import { api, signIn, type SignedIn } from "../integration/support/sign-in";
import { subscribe } from "./support/subscribed";
import { addFabrikamUsers, assign, licensedIds, seatsShown } from "./support/users-api";

const ROUNDS = 20;
const RACERS = 50;
const FREE_SEATS = 10;

let stack: BackendStack;
let priya: SignedIn;
let racers: string[];

describe("seat limit under load", () => {
  beforeAll(async () => {
    stack = await startBackendStack({ ports: "random" });
    priya = await signIn(stack, "fabrikam", "priya.patel@fabrikam.example");
    await api(stack, priya, "GET", "me");
    // Priya holds one seat of 11: ten are free.
    await subscribe(stack, priya, 1 + FREE_SEATS);
    racers = addFabrikamUsers(stack, RACERS);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it(`${RACERS} concurrent assignments racing for ${FREE_SEATS} free seats license exactly ${FREE_SEATS}, ${ROUNDS} times over`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const answers = await Promise.all(racers.map((id) => assign(stack, priya, "Team", [id])));
      const statuses = answers.map((a) => a.status);
      const winners = racers.filter((_, i) => statuses[i] === 200);
      const licensed = await licensedIds(stack, priya);
      expect({
        round,
        winners: winners.length,
        refusals: statuses.filter((s) => s === 409).length,
        licensed: licensed.length,
        shown: (await seatsShown(stack, priya)).licensed,
      }).toEqual({
        round,
        winners: FREE_SEATS,
        refusals: RACERS - FREE_SEATS,
        licensed: 1 + FREE_SEATS,
        shown: 1 + FREE_SEATS,
      });
      expect(licensed.sort()).toEqual([priya.user.id, ...winners].sort());
      // Free the seats again for the next round.
      expect((await assign(stack, priya, "None", winners)).status).toBe(200);
    }
  });
});
