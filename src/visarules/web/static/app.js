// Progressive enhancement: rows added on demand, and what each free-text answer was read as.
(function () {
  "use strict";
  const lang = document.documentElement.lang.startsWith("zh") ? "zh" : "en";
  const words = { en: ["read as", "not found"], zh: ["识别为", "未找到"] }[lang];

  document.querySelectorAll("fieldset.rows").forEach(function (set) {
    const button = set.querySelector(".add-row");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      const rows = set.querySelectorAll(".row");
      const last = rows[rows.length - 1];
      const index = rows.length;
      const copy = last.cloneNode(true);
      copy.dataset.index = index;
      copy.querySelectorAll("input, select, label, .read-as").forEach(function (el) {
        ["name", "id", "for", "data-for"].forEach(function (attr) {
          const value = el.getAttribute(attr);
          if (value) el.setAttribute(attr, value.replace(/\[\d+\]/, "[" + index + "]").replace(/-\d+-/, "-" + index + "-"));
        });
        if (el.tagName === "INPUT") el.value = "";
        if (el.tagName === "SELECT") el.selectedIndex = 0;
        if (el.classList.contains("read-as")) el.textContent = "";
      });
      copy.querySelector(".row-title").textContent = copy.querySelector(".row-title").textContent.replace(/\d+$/, String(index + 1));
      last.after(copy);
      watch(copy);
      copy.querySelector("input").focus();
    });
  });

  function kindOf(name) {
    if (/\.(institution|employer)$/.test(name)) return "institution";
    if (/\.field$/.test(name)) return "field";
    if (/\.level$/.test(name)) return "degree";
    return null;
  }

  function show(input, text) {
    const out = document.querySelector('.read-as[data-for="' + input.id + '"]');
    if (out) out.textContent = text;
  }

  function resolve(input) {
    const kind = kindOf(input.name);
    const text = input.value.trim();
    if (!kind || !text) { show(input, ""); return; }
    const body = { text: text };
    const country = document.getElementById(input.id.replace(/-(institution|employer)$/, "-country"));
    if (kind === "institution" && country && country.value.trim()) body.country = country.value.trim();
    fetch("/v1/resolve/" + kind, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (found) {
        if (!found) return;
        let read = null;
        if (kind === "institution" && found.match) read = found.match.name + " (" + found.match.country + ")";
        if (kind === "field" && found.isced_f) read = (found.label || "ISCED-F " + found.isced_f) + (found.stem ? " · STEM" : "");
        if (kind === "degree" && found.isced_level) read = found.name + " (ISCED " + found.isced_level + ")";
        show(input, read ? words[0] + ": " + read : words[1]);
      })
      .catch(function () {});
  }

  function watch(root) {
    root.querySelectorAll("input[type=text]").forEach(function (input) {
      if (!kindOf(input.name)) return;
      let timer = null;
      input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { resolve(input); }, 350); });
      if (input.value) resolve(input);
    });
  }
  watch(document);
})();
