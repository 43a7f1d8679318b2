/*
 * compat.js: written in ES5 on purpose, so that every webview parses it, including Internet Explorer 11,
 * which Office 2016 and volume-licensed Office 2019 on Windows use for add-ins. The pane's own code
 * (taskpane.js) needs a newer engine: ES2017 syntax, BigInt and regular-expression lookbehind. When
 * they are missing, or the pane did not start for any other reason, this script says so in the pane and
 * names the ways that do work, instead of leaving it blank.
 */
// biome-ignore lint/complexity/useArrowFunction: this file must parse in ES5 engines (IE11), which have no arrow functions
(function () {
  var tooOld = typeof BigInt === "undefined";
  try {
    // biome-ignore lint/complexity/useRegexLiterals: a lookbehind literal is a syntax error in old engines and would stop this whole file from running; the constructor throws an error that is caught here
    new RegExp("(?<!a)b");
  } catch (_unsupported) {
    tooOld = true;
  }
  window.__yusuanTooOld = tooOld;

  function show() {
    var i;
    var p;
    // taskpane.js sets __yusuanLoaded as soon as it runs; inside Office the pane itself starts later.
    if (!tooOld && window.__yusuanLoaded) return;
    var root = document.getElementById("app");
    if (!root) return;
    var en = /^en/i.test(navigator.language || "");
    var lines = en
      ? [
          "This version of Excel shows add-ins in an old browser engine (Internet Explorer 11 or the old Edge), which cannot run the budget check.",
          "What works instead: use the add-in in Excel on the web; or open index.html of this add-in's folder in a current browser (Edge, Chrome, Firefox) — the standalone checker reads your files on this computer and uploads nothing; or use the command line yusuan.",
        ]
      : [
          "此 Excel 版本使用旧的浏览器内核（Internet Explorer 11 或旧版 Edge）显示加载项，无法运行预算检查。",
          "可以改用：网页版 Excel 中的本加载项；或用新版浏览器（Edge、Chrome、Firefox 等）打开本加载项文件夹中的 index.html——独立检查页在本机读取文件，不上传任何内容；或使用命令行工具 yusuan。",
        ];
    root.innerHTML = "";
    var box = document.createElement("div");
    box.id = "compat";
    box.setAttribute("role", "alert");
    for (i = 0; i < lines.length; i++) {
      p = document.createElement("p");
      p.appendChild(document.createTextNode(lines[i]));
      box.appendChild(p);
    }
    root.appendChild(box);
  }

  // After the deferred taskpane.js has run (or failed to parse): the load event.
  if (window.addEventListener) window.addEventListener("load", show);
  else if (window.attachEvent) window.attachEvent("onload", show);
})();
