// `npm run package -w @yusuan/excel-addin -- --base-url https://intranet.example.org/yusuan/`
// Builds the add-in for one base URL into a folder to copy as it is to any static HTTPS server (IIS,
// nginx, Apache, an intranet share behind HTTPS), and a zip of that folder:
//   release/yusuan-addin/      taskpane, functions, standalone checker (index.html), icons, manifest.xml,
//                              web.config (IIS), nginx.conf and .htaccess (Apache) with the settings below
//   release/yusuan-addin-<version>.zip
// Options: --base-url URL (required: where the folder will be served), --out DIR (default release/).
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { crc32, deflateRawSync } from "node:zlib";
import { build, normalizeBaseUrl } from "./build.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const version = JSON.parse(readFileSync(join(here, "package.json"), "utf8")).version;

/**
 * What the server must send for each kind of file. Custom-function metadata is read by Excel on the web
 * from another origin, so functions.json (and the functions' script) need CORS. File names carry no
 * content hash: every file is revalidated (no-cache) so that an update reaches users at once.
 */
export const SERVER_RULES = {
  types: {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".png": "image/png",
  },
  cors: ["functions.json", "functions.js"],
  cacheControl: "no-cache",
};

function webConfig() {
  const mime = Object.entries(SERVER_RULES.types)
    .map(
      ([ext, type]) =>
        `      <remove fileExtension="${ext}" />\n      <mimeMap fileExtension="${ext}" mimeType="${type}" />`,
    )
    .join("\n");
  const cors = SERVER_RULES.cors
    .map(
      (file) => `  <location path="${file}">
    <system.webServer>
      <httpProtocol>
        <customHeaders>
          <add name="Access-Control-Allow-Origin" value="*" />
        </customHeaders>
      </httpProtocol>
    </system.webServer>
  </location>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- IIS: MIME types, CORS for the custom functions' metadata and script, revalidation of every file. -->
<configuration>
  <system.webServer>
    <staticContent>
${mime}
      <clientCache cacheControlMode="NoControl" />
    </staticContent>
    <httpProtocol>
      <customHeaders>
        <add name="Cache-Control" value="${SERVER_RULES.cacheControl}" />
        <add name="X-Content-Type-Options" value="nosniff" />
      </customHeaders>
    </httpProtocol>
  </system.webServer>
${cors}
</configuration>
`;
}

function nginxConf(baseUrl) {
  const path = new URL(`${baseUrl}/`).pathname;
  return `# nginx: include inside the server { } block that serves HTTPS for ${new URL(baseUrl).host}.
# Copy the folder to /srv/yusuan-addin (or change the alias below).
location ${path} {
    alias /srv/yusuan-addin/;
    types {
${Object.entries(SERVER_RULES.types)
  .map(([ext, type]) => `        ${type.split(";")[0]} ${ext.slice(1)};`)
  .join("\n")}
    }
    charset utf-8;
    add_header Cache-Control "${SERVER_RULES.cacheControl}" always;
    add_header X-Content-Type-Options nosniff always;
    location ~ (${SERVER_RULES.cors.map((f) => f.replace(".", "\\.")).join("|")})$ {
        add_header Access-Control-Allow-Origin "*" always;
        add_header Cache-Control "${SERVER_RULES.cacheControl}" always;
    }
}
`;
}

function htaccess() {
  return `# Apache (mod_mime, mod_headers): MIME types, CORS for the custom functions, revalidation.
${Object.entries(SERVER_RULES.types)
  .map(([ext, type]) => `AddType "${type}" ${ext}`)
  .join("\n")}
Header set Cache-Control "${SERVER_RULES.cacheControl}"
Header set X-Content-Type-Options "nosniff"
<FilesMatch "^(${SERVER_RULES.cors.map((f) => f.replace(".", "\\.")).join("|")})$">
  Header set Access-Control-Allow-Origin "*"
</FilesMatch>
`;
}

function readme(baseUrl) {
  return `预算检查 yusuan ${version} — Excel 加载项部署包 / Excel add-in deployment package

本文件夹为 ${baseUrl}/ 生成。把整个文件夹原样复制到该地址的 HTTPS 静态服务器上，
然后把 manifest.xml 交给 Microsoft 365 管理中心（集中部署）或共享文件夹目录。
服务器设置见 web.config（IIS）、nginx.conf、.htaccess（Apache），详细说明见项目 apps/excel-addin/DEPLOY.md。
index.html 是独立检查页：可在任何新版浏览器中打开（也可从文件共享打开），文件只在本机检查，不上传。

Built for ${baseUrl}/. Copy this folder as it is to that address on a static HTTPS server, then deploy
manifest.xml (Microsoft 365 admin center, or a shared-folder catalog). Server settings: web.config (IIS),
nginx.conf, .htaccess (Apache); details in apps/excel-addin/DEPLOY.md. index.html is the standalone checker.
`;
}

/** The files of a folder, relative, with "/" separators, sorted. */
function filesOf(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out;
}

/**
 * A zip of the folder's files under `prefix/` (deflate; dates fixed, so the same folder gives the
 * same bytes).
 * @param {string} dir
 * @param {string} prefix
 */
export function zipFolder(dir, prefix) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const DOS_TIME = 0;
  const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
  for (const file of filesOf(dir)) {
    const data = readFileSync(join(dir, file));
    const packed = deflateRawSync(data, { level: 9 });
    const name = Buffer.from(`${prefix}/${file}`, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Builds the deployable folder and its zip.
 * @param {{ baseUrl: string, out?: string, quiet?: boolean }} options
 * @returns {Promise<{ folder: string, zip: string, baseUrl: string, files: string[] }>}
 */
export async function packageAddin(options) {
  if (!options.baseUrl)
    throw new Error(
      "缺少 --base-url（加载项文件所在的 HTTPS 地址）。Missing --base-url (the HTTPS address the folder will be served from).",
    );
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  if (!baseUrl.startsWith("https://"))
    throw new Error(
      `Office 只从 HTTPS 加载加载项：${baseUrl}。Office loads add-ins only over HTTPS: ${baseUrl}`,
    );
  const out = resolve(options.out ?? join(here, "release"));
  const folder = join(out, "yusuan-addin");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({ baseUrl, outdir: folder, quiet: true });
  writeFileSync(join(folder, "web.config"), webConfig());
  writeFileSync(join(folder, "nginx.conf"), nginxConf(baseUrl));
  writeFileSync(join(folder, ".htaccess"), htaccess());
  writeFileSync(join(folder, "README.txt"), readme(baseUrl));
  const zip = join(out, `yusuan-addin-${version}.zip`);
  writeFileSync(zip, zipFolder(folder, "yusuan-addin"));
  const files = filesOf(folder);
  if (!options.quiet) {
    console.log(`部署文件夹 / folder: ${folder} (${files.length} files, for ${baseUrl}/)`);
    console.log(`压缩包 / zip: ${zip}`);
    console.log(`清单 / manifest: ${join(folder, "manifest.xml")}`);
  }
  return { folder, zip, baseUrl, files };
}

function arg(name) {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = process.argv[i];
  return a.includes("=") ? a.slice(a.indexOf("=") + 1) : process.argv[i + 1];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  packageAddin({ baseUrl: arg("base-url") ?? process.env.ADDIN_BASE_URL ?? "", out: arg("out") }).catch(
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
