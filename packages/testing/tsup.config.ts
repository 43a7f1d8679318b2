import { libraryConfig } from "../../tsup.shared";

// ESM only: tests load the sources through the aliases, and scripts (measure-read) import this build.
export default libraryConfig({ index: "src/index.ts" }, { format: ["esm"] });
