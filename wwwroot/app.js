// Small browser helpers the calculator calls through JS interop.
window.costcalc = {
  copyText: async (text) => { await navigator.clipboard.writeText(text); return true; },
  download: (fileName, contentType, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: contentType }));
    const a = document.createElement("a");
    a.href = url; a.download = fileName; document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
  // The theme the user picked ("dark" or "light"), or null to follow the system setting.
  storedTheme: () => { try { return localStorage.getItem("costcalc-theme"); } catch { return null; } },
  // Also a cookie, so pages rendered without a circuit (saved reports, /pricing, /model) start in the picked theme.
  storeTheme: (theme) => {
    try { localStorage.setItem("costcalc-theme", theme); } catch { }
    document.cookie = "costcalc-theme=" + theme + "; path=/; max-age=31536000; samesite=lax";
  },
};

// One-SVG charts (and the tornado's rows): a click or tap on a mark (or Enter on a focused one, or Space on a row,
// which is a button) shows its tooltip, the <title> that hover shows, under the chart. One listener for the page,
// whatever the charts re-render.
(() => {
  const markOf = (target) => target instanceof Element ? target.closest(".cc-svg-chart .cc-tip, .cc-tornado .cc-tornado-row") : null;
  const show = (mark) => {
    const tip = mark.closest(".cc-chart")?.querySelector(".cc-chart-tip");
    const title = mark.querySelector(":scope > title");
    if (tip && title) tip.textContent = title.textContent;
  };
  document.addEventListener("click", (e) => { const mark = markOf(e.target); if (mark) show(mark); });
  document.addEventListener("keydown", (e) => {
    const mark = markOf(e.target);
    if (!mark) return;
    if (e.key === "Enter" || (e.key === " " && mark.getAttribute("role") === "button")) {
      if (e.key === " ") e.preventDefault();
      show(mark);
    }
  });
})();
