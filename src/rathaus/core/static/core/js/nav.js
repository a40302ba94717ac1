// The main navigation folds into a menu button on narrow screens (under 768 px).
// Without JavaScript the button stays hidden and the navigation stays visible.
(function () {
  "use strict";
  const nav = document.querySelector("[data-nav]");
  const button = nav && nav.querySelector("[data-nav-toggle]");
  const list = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!list) {
    return;
  }

  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("rh-nav--open", open);
  }

  nav.classList.add("rh-nav--collapsible");
  button.hidden = false;
  setOpen(false);

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();
