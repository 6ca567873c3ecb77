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

// One-SVG charts: a click or tap on a mark (or Enter on a focused one) shows its tooltip text under the chart,
// as hover shows its <title>. One listener for the page, whatever the charts re-render.
(() => {
  const show = (target) => {
    const mark = target instanceof Element ? target.closest(".cc-svg-chart [data-tip]") : null;
    if (!mark) return;
    const tip = mark.closest(".cc-chart")?.querySelector(".cc-chart-tip");
    if (tip) tip.textContent = mark.getAttribute("data-tip");
  };
  document.addEventListener("click", (e) => show(e.target));
  document.addEventListener("keydown", (e) => { if (e.key === "Enter") show(e.target); });
})();
