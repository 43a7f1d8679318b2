/**
 * @yusuan/testing: fixtures the tests of several packages share, never published. Broken, hostile
 * and costly workbooks built in memory, each with what a reader must answer.
 *
 * @example
 * ```ts
 * import { hostileInputs, minimalXlsx } from "@yusuan/testing";
 * for (const input of await hostileInputs()) {
 *   const r = await readXlsx(input.bytes, input.name);
 *   console.assert(!r.ok && r.code === input.expect);
 * }
 * ```
 * @packageDocumentation
 */
export { CHROMIUM_LAUNCH } from "./browser";
export { hostileInputs, costlyInputs, minimalXlsx, type HostileInput, type CostlyInput } from "./hostile";
