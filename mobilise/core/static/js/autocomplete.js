// A long select marked data-autocomplete becomes a type-ahead (the accessible autocomplete,
// loaded before this file). Without JavaScript the plain select stays. Clearing the typed
// text chooses the select's empty option, so that "no one" can be chosen again.
(function () {
  "use strict";
  if (!window.accessibleAutocomplete) {
    return;
  }
  document.querySelectorAll("select[data-autocomplete]").forEach(function (select) {
    var id = select.id;
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: select.value ? undefined : "",
      showAllValues: true,
      dropdownArrow: function () {
        return "";
      },
      tNoResults: function () {
        return "No one of that name: type it in the next box";
      },
    });
    var input = document.getElementById(id);
    if (input) {
      input.addEventListener("input", function () {
        if (input.value.trim() === "") {
          select.value = "";
        }
      });
    }
  });
})();
