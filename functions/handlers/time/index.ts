/** Registers the time routes: one import per handler module. */
export {};
