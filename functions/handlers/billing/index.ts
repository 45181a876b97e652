/** Registers the billing routes: one import per handler module. */
export {};
