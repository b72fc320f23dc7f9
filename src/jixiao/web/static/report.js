// The report page: verdicts on findings, the 复核 record, keyboard review. Plain JS over the JSON API.
(function () {
  "use strict";
  const page = document.getElementById("report");
  if (!page) return;
  const id = page.dataset.id;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const findings = Array.from(document.querySelectorAll("#findings .finding"));
  let current = -1;

  async function call(method, url, body) {
    const response = await fetch(url, {method, headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf}, body: JSON.stringify(body)});
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.detail || ("请求失败：" + response.status));
    return data;
  }

  function select(i) {
    if (!findings.length) return;
    current = Math.max(0, Math.min(findings.length - 1, i));
    findings.forEach((f, n) => f.classList.toggle("current", n === current));
    const f = findings[current];
    f.scrollIntoView({block: "nearest"});
    document.querySelectorAll(".doc .focus").forEach(el => el.classList.remove("focus"));
    const anchor = f.dataset.anchor && (document.getElementById(f.dataset.anchor) || document.getElementById(f.dataset.anchor.split("r")[0]));
    if (anchor) { anchor.classList.add("focus"); anchor.scrollIntoView({block: "center"}); }
  }

  const LABELS = {confirmed: "已确认", dismissed: "不采纳"};
  async function decide(f, verdict) {
    const input = f.querySelector(".reason");
    const reason = input ? input.value.trim() : "";
    if (verdict === "dismissed" && !reason) { input.focus(); input.placeholder = "请先填写不采纳理由，回车提交"; return; }
    try {
      const result = await call("POST", `/api/reports/${id}/decisions`, {fid: f.dataset.fid, verdict, reason: reason || null});
      f.classList.remove("verdict-confirmed", "verdict-dismissed");
      if (result.verdict) f.classList.add("verdict-" + result.verdict);
      f.querySelector(".verdict").textContent = result.verdict ? LABELS[result.verdict] + (result.reason ? "：" + result.reason : "") : "";
      const status = document.getElementById("status");
      if (status && ["待审", "已整改"].includes(status.textContent)) status.textContent = "审核中";
    } catch (e) { alert(e.message); }
  }

  findings.forEach((f, n) => {
    f.addEventListener("click", () => { if (current !== n) select(n); });
    const on = (cls, fn) => { const b = f.querySelector(cls); if (b) b.addEventListener("click", fn); };
    on(".confirm", () => decide(f, "confirmed"));
    on(".dismiss", () => decide(f, "dismissed"));
    on(".undo", () => decide(f, "undone"));
    const input = f.querySelector(".reason");
    if (input) input.addEventListener("keydown", e => { if (e.key === "Enter") { e.preventDefault(); decide(f, "dismissed"); input.blur(); } });
  });

  const print = document.getElementById("print");
  if (print) print.addEventListener("click", () => window.print());

  const save = document.getElementById("save-review");
  if (save) save.addEventListener("click", async () => {
    const entries = Array.from(document.querySelectorAll(".review-table tbody tr")).map(tr => ({
      indicator: Number(tr.dataset.index), actual: tr.querySelector(".r-actual").value,
      score: tr.querySelector(".r-score").value, reason: tr.querySelector(".r-reason").value}));
    const message = document.getElementById("review-message");
    try {
      const result = await call("PUT", `/api/reports/${id}/review`, {entries});
      document.getElementById("review-total").textContent = Number(result.review_score).toFixed(2);
      document.getElementById("review-grade").textContent = result.review_grade || "—";
      message.textContent = "已保存";
      message.className = "ok";
    } catch (e) { message.textContent = e.message; message.className = "bad"; }
  });

  document.addEventListener("keydown", e => {
    if (e.target.closest("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
    const f = findings[current];
    const keys = {
      j: () => select(current + 1), ArrowDown: () => select(current + 1),
      k: () => select(current - 1), ArrowUp: () => select(current - 1),
      c: () => f && decide(f, "confirmed"), u: () => f && decide(f, "undone"),
      d: () => f && decide(f, "dismissed"),
      a: () => { const b = document.getElementById("approve-next"); if (b) b.click(); },
    };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  });
})();
