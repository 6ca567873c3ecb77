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
