import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

// "Show password" toggles for every password input marked data-show-password.
for (const input of document.querySelectorAll("input[data-show-password]")) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "govuk-button govuk-button--secondary app-show-password";
  button.textContent = "Show password";
  button.setAttribute("aria-controls", input.id);
  button.addEventListener("click", () => {
    const showing = input.type === "text";
    input.type = showing ? "password" : "text";
    button.textContent = showing ? "Show password" : "Hide password";
  });
  input.insertAdjacentElement("afterend", button);
}
