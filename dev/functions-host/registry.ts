import core from "@azure/functions-core";
import { compileRoute, type RouteParams } from "./route-template";

type Callback = (...args: unknown[]) => unknown;

export interface HttpFunction {
  name: string;
  methods: string[];
  route: string;
  match: (path: string) => RouteParams | null;
  callback: Callback;
}

export interface TimerFunction {
  name: string;
  schedule: string;
  callback: Callback;
}

/** Reads what `app.http` / `app.timer` registered through @azure/functions-core. */
export function readRegistry(): { http: HttpFunction[]; timers: TimerFunction[] } {
  const http: HttpFunction[] = [];
  const timers: TimerFunction[] = [];
  for (const { metadata, callback } of core.registry.functions.values()) {
    const trigger = Object.values(metadata.bindings).find((b) => b.direction === "in" && /trigger$/i.test(b.type));
    if (!trigger) continue;
    if (trigger.type === "httpTrigger") {
      const route = trigger.route ?? metadata.name;
      http.push({
        name: metadata.name,
        methods: (trigger.methods ?? ["GET", "POST"]).map((m) => m.toUpperCase()),
        route,
        match: compileRoute(route),
        callback,
      });
    } else if (trigger.type === "timerTrigger") {
      timers.push({ name: metadata.name, schedule: String(trigger.schedule ?? ""), callback });
    }
  }
  // Literal routes win over parameterised ones, as in the Functions host.
  http.sort((a, b) => specificity(b.route) - specificity(a.route));
  return { http, timers };
}

function specificity(route: string): number {
  return route.split("/").reduce((score, part) => score + (part.startsWith("{") ? 1 : 3), 0);
}
