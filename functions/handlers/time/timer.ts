import { StartTimerRequest, type StopTimerResponse, type TimerResponse, type TimerView } from "../../contracts/time";
import { defineRoute, json } from "../../http/route";
import { readJson } from "../../http/json-body";
import { currentTimer, startTimer, stopTimer } from "../../use-cases/time/timer";
import { timeRequest } from "./time-request";

defineRoute("timer-current", {
  methods: ["GET"],
  route: "timer",
  auth: "user",
  handler: async ({ services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const body: TimerResponse = { timer: await currentTimer(deps, actor) };
    return json(body);
  },
});

defineRoute("timer-start", {
  methods: ["POST"],
  route: "timer/start",
  auth: "user",
  handler: async ({ request, services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const input = await readJson(request, StartTimerRequest);
    const body: TimerView = await startTimer(deps, actor, input);
    return json(body, 201);
  },
});

defineRoute("timer-stop", {
  methods: ["POST"],
  route: "timer/stop",
  auth: "user",
  handler: async ({ services, caller }) => {
    const { deps, actor } = await timeRequest(services, caller);
    const body: StopTimerResponse = await stopTimer(deps, actor);
    return json(body);
  },
});
