// The progressive-enhancement script, as the text the browser runs. Everything works without it;
// with it, a choice is posted with fetch (no reload), focus lands on the confirmation, Esc in the
// banner acts as its X, and allowed videos appear in place. It must stay under 3 KB compressed
// (tests/unit/assets/consent-asset.test.ts). Plain ES2017, semicolons everywhere: indentation and
// comment lines are stripped when it is served.
const SOURCE = String.raw`
(function () {
  var d = document;
  var banner = d.querySelector("[data-consent-banner]");

  function send(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    // form.action would be the buttons named "action": read the attribute.
    return fetch(form.getAttribute("action"), {
      method: "POST",
      headers: { Accept: "application/json" },
      body: new URLSearchParams(data),
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) throw response;
      return response.json();
    });
  }

  // When the answer is not one we can use, send the form the ordinary way: the server answers with
  // a full page.
  function fallback(form, submitter) {
    if (submitter && submitter.name) {
      var input = d.createElement("input");
      input.type = "hidden";
      input.name = submitter.name;
      input.value = submitter.value;
      form.appendChild(input);
    }
    form.submit();
  }

  // The page's CSP admits no video origin, so each embed comes in a same-origin frame that has its
  // own CSP.
  function swapEmbeds(played) {
    d.querySelectorAll("figure[data-embed-provider]").forEach(function (figure) {
      var holder = figure.querySelector("[data-embed-placeholder]");
      if (!holder) return;
      var title = figure.getAttribute("data-embed-title") || "";
      var frame = d.createElement("iframe");
      frame.src = "/consent/embed/" + encodeURIComponent(figure.getAttribute("data-embed-provider")) + "/" +
        encodeURIComponent(figure.getAttribute("data-embed-id")) + "?lang=" + d.documentElement.lang +
        "&title=" + encodeURIComponent(title) + (figure === played ? "&autoplay=1" : "");
      frame.title = title;
      frame.className = "embed-frame";
      frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
      frame.setAttribute("data-embed-frame", "");
      holder.replaceWith(frame);
      if (figure === played) frame.focus();
    });
  }

  // At once, within the half second after the click or key that chose, the banner's form gives way
  // to its confirmation, kept in place but unseen until the answer: the page moves up while that
  // still counts as the visitor's own doing, so a slow answer causes no layout shift.
  function holdBanner() {
    var form = banner && banner.querySelector("form");
    var done = banner && banner.querySelector("[data-consent-done]");
    if (!form || !done) return;
    form.hidden = true;
    done.hidden = false;
    done.setAttribute("data-pending", "");
  }

  // The confirmation shows, and takes the focus if the choice was made in the banner.
  function closeBanner(focus) {
    if (!banner || !banner.isConnected) return;
    var form = banner.querySelector("form");
    var done = banner.querySelector("[data-consent-done]");
    if (form) form.remove();
    if (!done) return;
    done.hidden = false;
    done.removeAttribute("data-pending");
    if (focus) done.focus();
  }

  d.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-consent-form]")) return;
    event.preventDefault();
    if (form.getAttribute("aria-busy")) return;
    form.setAttribute("aria-busy", "true");
    var submitter = event.submitter;
    holdBanner();
    send(form, submitter).then(function (answer) {
      if (answer.reload || d.querySelector("[data-consent-preferences]")) return location.reload();
      if (answer.embeds) swapEmbeds(form.closest("figure"));
      closeBanner(Boolean(banner && banner.contains(form)));
    }, function () {
      fallback(form, submitter);
    });
  });

  if (banner) banner.addEventListener("keydown", function (event) {
    var close = banner.querySelector("button[value=close]");
    if (event.key !== "Escape" || !close) return;
    event.preventDefault();
    close.click();
  });
})();
`;

/** The script as served. */
export const CONSENT_SCRIPT = SOURCE.replace(/^[ \t]*\/\/.*\n/gm, "")
  .replace(/^[ \t]+/gm, "")
  .replace(/\n{2,}/g, "\n")
  .trim();
