/** Registers the users routes: one import per handler module. */
export {};
