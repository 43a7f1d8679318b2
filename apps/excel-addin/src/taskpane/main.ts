/**
 * Entry of dist/taskpane.js: waits for Office, then starts the task pane with the real `Excel.run`.
 */
import { startApp } from "./app";
import { langOf } from "./i18n";

void Office.onReady(() => {
  const root = document.getElementById("app");
  if (!root) return;
  const lang = langOf(Office.context.displayLanguage);
  document.documentElement.lang = lang;
  startApp(root, {
    run: (batch) => Excel.run(batch),
    lang,
    merges: Office.context.requirements.isSetSupported("ExcelApi", "1.13"),
  });
});
