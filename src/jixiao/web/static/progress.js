// The upload page: poll the processing state of the task's uploads until none is waiting.
(function () {
  "use strict";
  const table = document.getElementById("progress");
  if (!table) return;
  const NAMES = {queued: "排队中", processing: "处理中", done: "已完成", failed: "失败"};
  const text = s => String(s == null ? "" : s);
  // The server writes times in UTC; people read them in Beijing time, as on the server-rendered pages.
  const beijing = iso => new Date(iso).toLocaleString("sv-SE", {timeZone: "Asia/Shanghai"}).slice(0, 16);
  function row(u) {
    const tr = document.createElement("tr");
    tr.dataset.id = u.id;
    const cells = [u.name, u.unit, u.number, NAMES[u.state] + (u.error ? "：" + u.error : ""), u.state === "done" ? `${u.errors} / ${u.warnings}` : "", beijing(u.uploaded_at)];
    cells.forEach((c, i) => {
      const td = document.createElement("td");
      if (i === 1 && u.submission_id) { const a = document.createElement("a"); a.href = `/reports/${u.submission_id}`; a.textContent = text(c); td.appendChild(a); }
      else td.textContent = text(c);
      if (i === 3) td.className = "state state-" + u.state;
      tr.appendChild(td);
    });
    return tr;
  }
  async function poll() {
    const response = await fetch(`/api/tasks/${table.dataset.task}/progress`);
    if (!response.ok) return;
    const uploads = await response.json();
    const body = table.querySelector("tbody");
    body.replaceChildren(...uploads.map(row));
    if (uploads.some(u => u.state === "queued" || u.state === "processing")) setTimeout(poll, 1500);
  }
  if (table.querySelector(".state-queued, .state-processing")) setTimeout(poll, 1000);
})();
