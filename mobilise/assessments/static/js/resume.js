// A personal link carries its resume code in the fragment (after #), which the browser never
// sends to a server. Fill the form with it, take it out of the address bar and post it.
// Without JavaScript the participant pastes the code into the same form.
const code = decodeURIComponent(window.location.hash.slice(1)).trim();
const field = document.getElementById("id_code");
if (code && field) {
  history.replaceState(null, "", window.location.pathname);
  field.value = code;
  field.form.submit();
}
