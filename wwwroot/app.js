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
  // The server is stopping (Hosting/CircuitPersistence.cs): pause this circuit, so Blazor hands its state to the page,
  // then wait for the server to go away and answer again, and resume where the page was. Returns at once: the server
  // only waits for the circuit to close. Should resuming fail, a reload still restores what the address carries.
  pauseForRestart: () => {
    setTimeout(async () => {
      try {
        if (!(await Blazor.pauseCircuit())) return;
      } catch { return; }
      await costcalc.serverBack();
      let resumed = false;
      try { resumed = await Blazor.resumeCircuit(); } catch { resumed = false; }
      if (!resumed) location.reload();
    }, 0);
  },
  // Resolves once the server has stopped answering and answers /healthz again (or has answered for 30 s without
  // going away: a load balancer already sends this page to another instance).
  serverBack: async () => {
    const answers = async () => {
      try { return (await fetch("healthz", { cache: "no-store" })).ok; } catch { return false; }
    };
    const started = Date.now();
    let wentAway = false;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const up = await answers();
      if (!up) wentAway = true;
      else if (wentAway || Date.now() - started > 30000) return;
    }
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
