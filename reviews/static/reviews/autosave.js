// Save a form page in the background: when a field loses focus and every 30
// seconds while there are unsaved changes. Without this script the page's
// save buttons do the same job.
const AUTOSAVE_INTERVAL_MS = 30_000;

const container = document.querySelector("[data-autosave-url]");
const form = container?.querySelector("form");
const status = document.getElementById("autosave-status");

if (container && form && status) {
  let dirty = false;
  let saving = false;
  let stopped = false;

  const markDirty = () => {
    dirty = true;
  };

  const showConflict = (result) => {
    stopped = true;
    status.textContent = result.message;
    const list = document.createElement("ul");
    list.className = "govuk-list govuk-list--bullet";
    for (const change of result.changes || []) {
      const item = document.createElement("li");
      item.textContent = `${change.label}: now “${change.value}” (${change.by})`;
      list.append(item);
    }
    status.append(list);
    status.classList.add("app-autosave--conflict");
  };

  let inFlight = null;

  const save = () => {
    if (!dirty || saving || stopped) {
      return inFlight;
    }
    inFlight = send().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const send = async () => {
    saving = true;
    dirty = false;
    try {
      // Files go with the save buttons only, not with every automatic save.
      const body = new FormData(form);
      for (const [name, value] of [...body.entries()]) {
        if (value instanceof File) {
          body.delete(name);
        }
      }
      const response = await fetch(container.dataset.autosaveUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      const result = await response.json();
      if (result.saved) {
        form.elements.version.value = result.version;
        status.textContent = `Saved at ${result.saved_at}`;
      } else if (result.conflict) {
        showConflict(result);
      } else if (result.message && result.message !== "Nothing to save.") {
        status.textContent = result.message;
      }
    } catch (error) {
      dirty = true;
      status.textContent = "Your answers could not be saved automatically. They are still on this page: use a save button.";
    } finally {
      saving = false;
    }
  };

  form.addEventListener("input", markDirty);
  form.addEventListener("change", markDirty);
  form.addEventListener("focusout", (event) => {
    // Leaving a field for a save button: that button's own save follows at once.
    if (event.relatedTarget?.type === "submit" && event.relatedTarget.form === form) {
      return;
    }
    save();
  });
  // A save button pressed while an automatic save is running waits for it,
  // then sends the page with the version that save returned.
  form.addEventListener("submit", (event) => {
    if (inFlight) {
      event.preventDefault();
      const button = event.submitter;
      inFlight.then(() => form.requestSubmit(button));
    }
  });
  window.setInterval(save, AUTOSAVE_INTERVAL_MS);
}
