/**
 * Entry of dist/taskpane.js. Inside Excel: waits for Office, then starts the task pane with the real
 * `Excel.run`. Opened as a plain web page (index.html has no office.js; taskpane.html outside Office, or
 * when office.js could not load, e.g. on a PC without access to Microsoft's CDN): starts the standalone
 * file checker instead. compat.js (loaded first) has already decided whether this engine is too old.
 */
import { startChecker } from "../standalone/checker";
import { startApp } from "./app";
import { langOf } from "./i18n";

interface PageFlags {
  __yusuanLoaded?: boolean;
  __yusuanStarted?: boolean;
  __yusuanTooOld?: boolean;
}
const flags = window as unknown as PageFlags;
flags.__yusuanLoaded = true;

function root(): HTMLElement | null {
  return document.getElementById("app");
}

function standalone(): void {
  const el = root();
  if (!el) return;
  flags.__yusuanStarted = true;
  const lang = langOf(navigator.language);
  document.documentElement.lang = lang;
  startChecker(el, { lang });
}

function begin(): void {
  if (flags.__yusuanTooOld) return;
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    standalone();
    return;
  }
  void Office.onReady((info) => {
    // Outside Office, office.js still loads and reports no host.
    if (!info.host || typeof Excel === "undefined") {
      standalone();
      return;
    }
    const el = root();
    if (!el) return;
    flags.__yusuanStarted = true;
    const lang = langOf(Office.context.displayLanguage);
    document.documentElement.lang = lang;
    const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
    startApp(el, {
      run: (batch) => Excel.run(batch),
      lang,
      merges: supports("1.13"),
      supports,
    });
  });
}

begin();
