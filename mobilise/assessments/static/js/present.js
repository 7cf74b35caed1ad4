// The presenter screen and its controls page: poll the small state answer every few
// seconds, sending the last ETag, and redraw only when it has changed (a 304 otherwise).
// On the screen, editors' keys and buttons post the same changes as the controls page,
// without leaving the page, so full screen stays on. Without JavaScript both pages keep
// their forms and a "Refresh" link.
const root = document.querySelector("[data-present-state]");

const KEYS = {
  ArrowRight: "next",
  PageDown: "next",
  ArrowLeft: "previous",
  PageUp: "previous",
  r: "reveal",
  R: "reveal",
};

function toggleFullscreen() {
  if (!document.fullscreenEnabled) return;
  if (document.fullscreenElement) {
    document.exitFullscreen();
  } else {
    document.documentElement.requestFullscreen().catch(() => {});
  }
}

if (root) {
  const stateUrl = root.dataset.presentState;
  const panelUrl = root.dataset.presentPanel;
  const panel = document.getElementById("present-panel");
  const interval = Number(root.dataset.presentInterval) || 2000;
  let etag = root.dataset.presentEtag || "";
  let busy = false;
  let again = false;

  // What says "Refresh" goes, what needs this script comes; again after every redraw.
  const enhance = () => {
    for (const element of document.querySelectorAll("[data-present-no-js]")) element.hidden = true;
    for (const element of document.querySelectorAll("[data-present-js]")) element.hidden = false;
    for (const button of document.querySelectorAll("[data-fullscreen]")) {
      if (!document.fullscreenEnabled) button.closest("[data-present-js]")?.setAttribute("hidden", "");
      button.textContent = document.fullscreenElement ? "Leave full screen" : "Full screen";
    }
  };
  enhance();

  const redrawPanel = async () => {
    const response = await fetch(panelUrl, {
      headers: { Accept: "text/html" },
      credentials: "same-origin",
      cache: "no-store",
    });
    if (!response.ok) return;
    // Keep the keyboard where it was when the button it was on is drawn again.
    const focused = document.activeElement?.dataset?.controlButton;
    panel.innerHTML = await response.text();
    enhance();
    if (focused) panel.querySelector(`[data-control-button="${focused}"]`)?.focus();
  };

  const redrawSummary = (state) => {
    const showing = document.querySelector("[data-present-showing]");
    const answered = document.querySelector("[data-present-answered]");
    if (showing) showing.textContent = state.showing;
    if (answered) answered.textContent = state.answered_in_words;
    // This page's own changes reload it; a newer version was made in another window.
    const stale = document.querySelector("[data-present-stale]");
    if (stale) stale.hidden = String(state.version) === root.dataset.presentVersion;
  };

  const poll = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      const headers = { Accept: "application/json" };
      if (etag) headers["If-None-Match"] = etag;
      const response = await fetch(stateUrl, { headers, credentials: "same-origin", cache: "no-store" });
      if (response.status === 200) {
        const state = await response.json();
        etag = response.headers.get("ETag") || "";
        if (panel && panelUrl) await redrawPanel();
        else redrawSummary(state);
      }
    } catch {
      // Offline for a moment: try again next time.
    } finally {
      busy = false;
      if (again) {
        again = false;
        poll();
      }
    }
  };

  setInterval(() => {
    if (!document.hidden) poll();
  }, interval);

  document.addEventListener("click", (event) => {
    if (event.target.closest?.("[data-fullscreen]")) toggleFullscreen();
  });
  document.addEventListener("fullscreenchange", enhance);

  if (panel) {
    // The screen's own buttons post in the background, then redraw at once.
    panel.addEventListener("submit", async (event) => {
      const form = event.target.closest("form[data-control]");
      if (!form) return;
      event.preventDefault();
      try {
        const response = await fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        if (!response.ok) {
          window.location.reload();
          return;
        }
      } catch {
        return;
      }
      etag = "";
      poll();
    });

    document.addEventListener("keydown", (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target.closest?.("input, select, textarea, [contenteditable]")) return;
      if (event.key === "f" || event.key === "F") {
        event.preventDefault();
        toggleFullscreen();
        return;
      }
      const control = KEYS[event.key];
      // Only editors have the forms: on a viewer's screen the keys do nothing.
      const form = control && panel.querySelector(`form[data-control="${control}"]`);
      if (!form) return;
      event.preventDefault();
      form.requestSubmit();
    });
  }
}
