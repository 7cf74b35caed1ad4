// Copy buttons: without JavaScript the link stays as selectable text and the button hidden.
for (const button of document.querySelectorAll("[data-copy-target]")) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const text = document.getElementById(button.dataset.copyTarget).textContent.trim();
    const status = button.parentElement.querySelector(".app-copy__status");
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = "Link copied";
      if (status) status.textContent = "Link copied";
    } catch {
      button.textContent = "Select the link to copy it";
    }
  });
}
