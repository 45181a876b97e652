import type { DevHostConfig, StandinOrg, StandinUser } from "../shared/config-types";
import type { HostKind, Route, ThemeName } from "./url-state";

/** Everything the host page shows depends on this state; the URL mirrors it. */
export interface HostState {
  config: DevHostConfig;
  org: StandinOrg;
  user: StandinUser;
  hostKind: HostKind;
  theme: ThemeName;
  route: Route;
  /** Hash set by the hosted page through the navigation service. */
  contentHash: string;
}

export type StateListener = (state: HostState, previous: HostState) => void;

export class HostStore {
  private listeners = new Set<StateListener>();

  constructor(private current: HostState) {}

  get state(): HostState {
    return this.current;
  }

  update(patch: Partial<HostState>): void {
    const previous = this.current;
    const changed = (Object.keys(patch) as (keyof HostState)[]).some((k) => patch[k] !== previous[k]);
    if (!changed) return;
    this.current = { ...previous, ...patch };
    for (const listener of [...this.listeners]) listener(this.current, previous);
  }

  subscribe(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Finds a user by id or email (deep links accept both), case-insensitively. */
export function findUser(org: StandinOrg, idOrEmail: string | undefined): StandinUser | undefined {
  if (!idOrEmail) return undefined;
  const wanted = idOrEmail.toLowerCase();
  return org.users.find((u) => u.id.toLowerCase() === wanted || u.email.toLowerCase() === wanted);
}
