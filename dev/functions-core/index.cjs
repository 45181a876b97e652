"use strict";
// The Azure Functions worker provides `@azure/functions-core` at run time; @azure/functions
// calls registerFunction() on it for every app.http/app.timer. Locally we provide the same
// module so the deployed registrations fill this registry and dev/functions-host serves them.
// One registry per process, kept on globalThis so every copy of this module shares it.
const KEY = Symbol.for("timetracker.functions-core.registry");
const registry = (globalThis[KEY] = globalThis[KEY] || {
  functions: new Map(),
  hooks: [],
  programmingModel: undefined,
});

function registerFunction(metadata, callback) {
  if (registry.functions.has(metadata.name)) {
    throw new Error(`A function named "${metadata.name}" is already registered.`);
  }
  registry.functions.set(metadata.name, { metadata, callback });
  return { dispose: () => registry.functions.delete(metadata.name) };
}

function setProgrammingModel(model) {
  registry.programmingModel = model;
}

function getProgrammingModel() {
  return registry.programmingModel;
}

function registerHook(hookName, callback) {
  const entry = { hookName, callback };
  registry.hooks.push(entry);
  return { dispose: () => registry.hooks.splice(registry.hooks.indexOf(entry), 1) };
}

function log(level, category, message) {
  if (level === "error" || level === "critical") console.error(message);
  else if (level === "warning") console.warn(message);
  else if (process.env.FUNCTIONS_VERBOSE) console.log(message);
}

class Disposable {
  constructor(callOnDispose) {
    this.callOnDispose = callOnDispose;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose()));
  }
  dispose() {
    if (this.callOnDispose) {
      this.callOnDispose();
      this.callOnDispose = undefined;
    }
  }
}

module.exports = {
  registerFunction,
  setProgrammingModel,
  getProgrammingModel,
  registerHook,
  log,
  Disposable,
  registry,
};
