// The design system's conditional reveal marks a radio with aria-expanded, which ARIA 1.2
// does not allow on a radio (axe: aria-allowed-attr). We take it off again as soon as it
// is set; the revealed field follows its radio, and the radio's hint says what it reveals
// (ADR 0018).
const radios = 'input[type="radio"][aria-controls]';

function strip(root) {
  root.querySelectorAll(`${radios}[aria-expanded]`).forEach((radio) => {
    radio.removeAttribute("aria-expanded");
  });
}

new MutationObserver((changes) => {
  changes.forEach((change) => {
    if (change.target.matches(radios) && change.target.hasAttribute("aria-expanded")) {
      change.target.removeAttribute("aria-expanded");
    }
  });
}).observe(document.body, { attributes: true, attributeFilter: ["aria-expanded"], subtree: true });

strip(document);
