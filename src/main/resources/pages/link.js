// The approval page's script. The page works without it: it only explains a typo as it is typed (the same sentences
// the server would answer, before any request), counts the code's time down, and reads a waiting page again.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // a code another site put in the address is shown once, then leaves the address and the history
  if (new URLSearchParams(location.search).has("code")) history.replaceState(null, "", location.pathname);
  const code = document.getElementById("code");
  const hint = document.getElementById("code-hint");
  if (code && hint) {
    const d = code.dataset;
    const lookalikes = { "1": "L", "2": "Z", "5": "S", "6": "G", "8": "B" };
    const fill = (text, a, b) => text.replace("{0}", a).replace("{1}", b || "");
    const explain = () => {
      let letters = 0;
      for (const ch of code.value) {
        const up = ch.toUpperCase();
        if (d.alphabet.includes(up)) { letters++; continue; }
        if (/\d/.test(ch)) return lookalikes[ch] ? fill(d.lookalike, ch, lookalikes[ch]) : fill(d.digit, ch);
        if ("AEIOUY".includes(up)) return fill(d.vowel, up);
        if (/\p{L}/u.test(ch)) return fill(d.other, ch, d.alphabet);
      }
      return letters > 8 || code.value.length > 64 ? d.long : "";
    };
    code.addEventListener("input", () => {
      const problem = explain();
      hint.textContent = problem;
      hint.classList.toggle("bad", problem !== "");
      code.setAttribute("aria-invalid", problem !== "" ? "true" : "false");
    });
  }
  const expires = document.getElementById("expires");
  if (expires) {
    let left = Number(expires.dataset.secondsLeft);
    const template = expires.dataset.template;
    const started = Date.now();
    const tick = () => {
      const now = Math.max(0, left - Math.floor((Date.now() - started) / 1000));
      expires.textContent = template.replace("{0}", Math.floor(now / 60) + ":" + String(now % 60).padStart(2, "0"));
      if (now > 0) setTimeout(tick, 1000);
    };
    tick();
  }
  // a page waiting on someone else (a child's request, on a parent) reads itself again, and shows itself once changed
  const check = document.querySelector("[data-check-every]");
  if (check) {
    const again = async () => {
      try {
        const answer = await fetch(check.href, { headers: { Accept: "text/html" } });
        const page = new DOMParser().parseFromString(await answer.text(), "text/html");
        // a server error (503 while the database is away) is not news: look again rather than show it
        if (answer.status < 500 && !page.querySelector("[data-check-every]")) return location.reload();
      } catch (unreachable) {
        // offline for now: the next look may reach it
      }
      setTimeout(again, Number(check.dataset.checkEvery) * 1000);
    };
    setTimeout(again, Number(check.dataset.checkEvery) * 1000);
  }
  const problem = document.querySelector("#problem .error");
  if (problem) document.getElementById("title").focus();
});
