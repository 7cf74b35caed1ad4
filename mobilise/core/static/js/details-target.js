// A link to something inside a closed details component (a row of a chart's data table,
// say) opens the details, so that the link lands on what it points to.
function openTarget() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id && document.getElementById(id);
  const details = target && target.closest("details:not([open])");
  if (details) {
    details.open = true;
    target.scrollIntoView();
  }
}
openTarget();
window.addEventListener("hashchange", openTarget);
