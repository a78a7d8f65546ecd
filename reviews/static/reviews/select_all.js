// "Select all" for a list of checkboxes: shown only when scripts run, because
// without them each box is ticked by hand.
for (const toggle of document.querySelectorAll("input[data-select-all]")) {
  const name = toggle.dataset.selectAll;
  const boxes = [...toggle.form.querySelectorAll(`input[type=checkbox][name="${name}"]`)];
  toggle.closest(".app-select-all").hidden = false;
  toggle.addEventListener("change", () => {
    for (const box of boxes) {
      box.checked = toggle.checked;
    }
  });
  for (const box of boxes) {
    box.addEventListener("change", () => {
      toggle.checked = boxes.every((item) => item.checked);
    });
  }
}
