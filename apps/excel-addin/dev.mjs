// `npm run dev` (developers only; to deploy, see DEPLOY.md): builds for https://localhost:3000 and
// serves dist/ over https with the Office development certificates (office-addin-dev-certs creates and trusts them on first use), so that
// Excel can sideload dist/manifest.xml. Port: PORT env var, default 3000.
import { createServer } from "node:https";
import { readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { build } from "./build.mjs";

const require = createRequire(import.meta.url);
const port = Number(process.env.PORT ?? 3000);
const dist = fileURLToPath(new URL("./dist/", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
};

await build({ baseUrl: `https://localhost:${port}` });
const { getHttpsServerOptions } = require("office-addin-dev-certs");
const tls = await getHttpsServerOptions();

createServer(tls, (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "https://localhost").pathname)).replace(
    /^(\.\.[/\\])+/,
    "",
  );
  const file = join(dist, path === "/" || path === "\\" ? "taskpane.html" : path);
  try {
    if (!file.startsWith(dist) || !statSync(file).isFile()) throw new Error("not a file");
    const cors =
      file.endsWith("functions.json") || file.endsWith("functions.js")
        ? { "access-control-allow-origin": "*" }
        : {};
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
      ...cors,
    });
    res.end(readFileSync(file));
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
}).listen(port, () => {
  console.log(`serving ${dist} on https://localhost:${port}/  (manifest: dist/manifest.xml)`);
});
