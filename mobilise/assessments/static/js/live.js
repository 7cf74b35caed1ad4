// The live view: fetch the figures every few seconds and swap them in, while the page is
// visible. Without JavaScript the page has a "Refresh now" link instead.
const container = document.querySelector("[data-live-url]");
if (container) {
  const url = container.dataset.liveUrl;
  const interval = Number(container.dataset.liveInterval) || 5000;
  const refresh = async () => {
    if (document.hidden) return;
    try {
      const response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
      if (response.ok) container.innerHTML = await response.text();
    } catch {
      // Offline for a moment: try again next time.
    }
  };
  setInterval(refresh, interval);
}
