// Loaded first thing in <body>: marks the page as able to run the design system's scripts
// before it is drawn, so enhanced components do not flash their plain state.
document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) {
  document.body.classList.add("nhsuk-frontend-supported");
}
