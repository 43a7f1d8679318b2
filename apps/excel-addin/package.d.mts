/** Types of package.mjs, for the tests. */
export declare const SERVER_RULES: {
  readonly types: Readonly<Record<string, string>>;
  readonly cors: readonly string[];
  readonly cacheControl: string;
};
export declare function zipFolder(dir: string, prefix: string): Buffer;
export declare function packageAddin(options: {
  baseUrl: string;
  out?: string;
  quiet?: boolean;
}): Promise<{ folder: string; zip: string; baseUrl: string; files: string[] }>;
