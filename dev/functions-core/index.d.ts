export interface CoreBinding {
  type: string;
  direction: "in" | "out";
  name?: string;
  route?: string;
  methods?: string[];
  authLevel?: string;
  schedule?: string;
  [key: string]: unknown;
}
export interface CoreFunctionMetadata {
  name: string;
  bindings: Record<string, CoreBinding>;
}
export type CoreCallback = (...args: unknown[]) => unknown;
export interface RegisteredFunction {
  metadata: CoreFunctionMetadata;
  callback: CoreCallback;
}
export interface CoreRegistry {
  functions: Map<string, RegisteredFunction>;
  hooks: { hookName: string; callback: CoreCallback }[];
}
export const registry: CoreRegistry;
export function registerFunction(metadata: CoreFunctionMetadata, callback: CoreCallback): { dispose(): void };
