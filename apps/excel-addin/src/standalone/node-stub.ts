/**
 * Node built-ins that the browser build never calls (reading a file by path, writing one atomically):
 * each function says so if it is reached.
 */
function unavailable(): never {
  throw new Error("在浏览器中不可用 Not available in a browser");
}

/** @example readFile("a.xlsx") // throws in a browser */
export const readFile = unavailable;
/** @example stat("a.xlsx") // throws in a browser */
export const stat = unavailable;
/** @example basename("a/b.xlsx") // "b.xlsx" */
export function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
export default { readFile, stat, basename };
