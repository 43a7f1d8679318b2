/**
 * The deployable folder, served the way DEPLOY.md tells an IT administrator to serve it: a plain static
 * HTTPS server (Node's https with a self-signed certificate made here by openssl) under a sub-path, with
 * the MIME types, CORS header and caching of SERVER_RULES. Every URL of the manifest must answer with
 * the right type (and CORS where Excel on the web needs it); the pane and the functions page must start
 * from it in Chromium over the fake Office host.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as esbuild from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_LAUNCH } from "@yusuan/testing";
import { readTextDocument } from "@yusuan/disclosure";
import { packageAddin, SERVER_RULES, zipFolder } from "../package.mjs";

const here = import.meta.dirname;
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CF_RUNTIME = "https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js";
const PREFIX = "/budget/yusuan/";

/** A plain static HTTPS server of `dir` under PREFIX, with the documented settings. */
function serve(dir: () => string, tls: { key: Buffer; cert: Buffer }): Promise<Server> {
  const types = SERVER_RULES.types as Record<string, string>;
  const server = createServer(tls, (req, res) => {
    const url = new URL(req.url ?? "/", "https://x");
    // A blank page outside the add-in's folder, to fetch from as another origin would.
    if (url.pathname === "/elsewhere")
      return void res
        .writeHead(200, { "content-type": "text/html" })
        .end("<!doctype html><title>elsewhere</title>");
    if (!url.pathname.startsWith(PREFIX)) return void res.writeHead(404).end();
    const rel = normalize(decodeURIComponent(url.pathname.slice(PREFIX.length))).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir(), rel || "index.html");
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    const headers: Record<string, string> = {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "cache-control": SERVER_RULES.cacheControl,
      "x-content-type-options": "nosniff",
    };
    if ((SERVER_RULES.cors as string[]).includes(rel)) headers["access-control-allow-origin"] = "*";
    res.writeHead(200, headers).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("the deployable folder on a static HTTPS server", () => {
  let scratch: string;
  let server: Server;
  let folder = "";
  let zip = "";
  let base = "";
  let browser: Browser;
  let files: string[] = [];

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), "yusuan-deploy-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        "key.pem",
        "-out",
        "cert.pem",
      ],
      { cwd: scratch, stdio: "pipe" },
    );
    server = await serve(() => folder, {
      key: readFileSync(join(scratch, "key.pem")),
      cert: readFileSync(join(scratch, "cert.pem")),
    });
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
    const built = await packageAddin({ baseUrl: base, out: join(scratch, "release"), quiet: true });
    folder = built.folder;
    zip = built.zip;
    files = built.files;
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    rmSync(scratch, { recursive: true, force: true });
  });

  it("holds the pane, the functions, the checker, the icons, the manifest and server settings", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "manifest.xml",
        "taskpane.html",
        "taskpane.js",
        "taskpane.css",
        "functions.html",
        "functions.js",
        "functions.json",
        "index.html",
        "compat.js",
        "writer.js",
        "pdf.js",
        "assets/icon-32.png",
        "assets/icon-80.png",
        "web.config",
        "nginx.conf",
        ".htaccess",
        "README.txt",
      ]),
    );
    const config = readFileSync(join(folder, "web.config"), "utf8");
    expect(config).toContain('<mimeMap fileExtension=".json" mimeType="application/json; charset=utf-8" />');
    expect(config).toMatch(/<location path="functions.json">[\s\S]*?Access-Control-Allow-Origin/);
    expect(readFileSync(join(folder, "nginx.conf"), "utf8")).toContain(`location ${PREFIX} {`);
  });

  it("the zip holds exactly the folder's files, byte for byte", () => {
    const listing = execFileSync(
      "python3",
      [
        "-c",
        "import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print('\\n'.join(z.namelist()))",
        zip,
      ],
      { encoding: "utf8" },
    );
    expect(listing.trim().split("\n").sort()).toEqual(files.map((f) => `yusuan-addin/${f}`).sort());
    expect(zipFolder(folder, "yusuan-addin").equals(readFileSync(zip))).toBe(true);
  });

  it("every URL of the manifest answers over HTTPS with its type, and CORS where Excel on the web needs it", async () => {
    const manifest = readFileSync(join(folder, "manifest.xml"), "utf8");
    const urls = [
      ...new Set([...manifest.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]!)),
    ];
    expect(urls.length).toBeGreaterThan(6);
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    for (const url of urls) {
      expect(url.startsWith(base), url).toBe(true);
      const res = await context.request.get(url, {
        headers: { origin: "https://excel.officeapps.live.com" },
      });
      expect(res.status(), url).toBe(200);
      const type = res.headers()["content-type"] ?? "";
      const expected = {
        ".png": "image/png",
        ".html": "text/html",
        ".js": "text/javascript",
        ".json": "application/json",
      }[extname(new URL(url).pathname)];
      expect(type.startsWith(expected ?? "?"), `${url}: ${type}`).toBe(true);
      if (url.endsWith("/functions.json"))
        expect(res.headers()["access-control-allow-origin"], url).toBe("*");
      if (url.endsWith(".json"))
        expect(() =>
          JSON.parse(readFileSync(join(folder, new URL(url).pathname.slice(PREFIX.length)), "utf8")),
        ).not.toThrow();
    }
    // The metadata is also readable from a page of another origin (as Excel on the web reads it): here
    // https://localhost:port, another origin than https://127.0.0.1:port.
    const other = await context.newPage();
    await other.goto(base.replace("127.0.0.1", "localhost").replace(PREFIX, "/elsewhere"));
    const ids = await other.evaluate(
      async (u) =>
        ((await (await fetch(u)).json()) as { functions: { id: string }[] }).functions.map((f) => f.id),
      `${base}functions.json`,
    );
    expect(ids).toEqual(["NAME", "WAN", "PARENT", "LEVEL", "DAXIE", "SUMCHECK"]);
    await context.close();
  });

  it("the pane starts from the server over the fake Office host, and loads nothing from elsewhere", async () => {
    const fakeOffice = await esbuild.build({
      entryPoints: [join(here, "fake-office.ts")],
      bundle: true,
      format: "iife",
      write: false,
      target: "es2017",
    });
    const sample = readTextDocument(
      readFileSync(join(here, "..", "..", "..", "examples", "sample.txt")),
      "sample.txt",
    );
    expect(sample.ok).toBe(true);
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "zh-CN" });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => problems.push(e.message));
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ contentType: "text/javascript", body: fakeOffice.outputFiles[0]!.text }),
    );
    await page.addInitScript(
      (spec) => {
        (window as unknown as { __YUSUAN_FAKE_WORKBOOK__: unknown }).__YUSUAN_FAKE_WORKBOOK__ = spec;
      },
      JSON.parse(
        JSON.stringify({
          sheets: sample.ok ? sample.grid.sheets.map((s) => ({ name: s.name, rows: s.rows })) : [],
        }),
      ),
    );
    await page.goto(`${base}taskpane.html`);
    await page.click('nav [data-action="check"]');
    await page.waitForFunction(
      () => document.querySelector("#status")?.getAttribute("data-check-ms") !== null,
    );
    expect(await page.locator("#findings .finding").count()).toBeGreaterThan(0);
    for (const url of requests) expect(url === OFFICE_JS || url.startsWith(base), url).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the functions page registers every function of functions.json from the server", async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.route(CF_RUNTIME, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: `window.__associated = []; window.CustomFunctions = {
          associate: function (id, fn) { window.__associated.push([id, typeof fn]); },
          Error: function (code, message) { this.code = code; this.message = message; },
          ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };`,
      }),
    );
    await page.goto(`${base}functions.html`);
    const associated = await page.evaluate(
      () => (window as unknown as { __associated: [string, string][] }).__associated,
    );
    const metadata = JSON.parse(readFileSync(join(folder, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    expect(associated).toEqual(metadata.functions.map((f) => [f.id, "function"]));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("refuses a base URL that is not HTTPS, and a missing one", async () => {
    await expect(
      packageAddin({ baseUrl: "http://intranet/yusuan", out: join(scratch, "x"), quiet: true }),
    ).rejects.toThrow(/HTTPS/);
    await expect(packageAddin({ baseUrl: "", out: join(scratch, "x"), quiet: true })).rejects.toThrow(
      /base-url/,
    );
  });
});
