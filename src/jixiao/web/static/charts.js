// Dashboard and unit-history charts, drawn with the ECharts copy served from this package.
(function () {
  "use strict";
  function chart(id, option) {
    const el = document.getElementById(id);
    if (el) echarts.init(el).setOption(Object.assign({textStyle: {fontFamily: "sans-serif"}, animation: false}, option));
  }
  function drawDashboard(d) {
    chart("chart-scatter", {title: {text: "执行率与自评得分（执行率低而自评高即可能虚高）", textStyle: {fontSize: 13}},
      tooltip: {formatter: p => `${p.value[2]}<br>执行率 ${p.value[0]}%<br>自评 ${p.value[1]}`},
      xAxis: {name: "执行率%", scale: true}, yAxis: {name: "自评得分", scale: true}, series: [{type: "scatter", data: d.scatter, symbolSize: 8}]});
    chart("chart-gap", {title: {text: "自评得分 − 重算得分（前 50）", textStyle: {fontSize: 13}}, tooltip: {},
      grid: {bottom: 80}, xAxis: {type: "category", data: d.gap.map(x => x[0]), axisLabel: {rotate: 45, fontSize: 10}},
      yAxis: {name: "分"}, series: [{type: "bar", data: d.gap.map(x => x[1])}]});
    chart("chart-dist", {title: {text: "得分分布", textStyle: {fontSize: 13}}, tooltip: {}, legend: {top: 24},
      xAxis: {type: "category", data: d.distribution.bands}, yAxis: {name: "单位数"},
      series: [{name: "自评", type: "bar", data: d.distribution.stated}, {name: "重算", type: "bar", data: d.distribution.recomputed},
               {name: "复核", type: "bar", data: d.distribution.review}]});
    chart("chart-rules", {title: {text: "审核发现：按规则", textStyle: {fontSize: 13}}, tooltip: {},
      xAxis: {type: "category", data: d.rules.map(x => x[0]), axisLabel: {rotate: 45}}, yAxis: {}, series: [{type: "bar", data: d.rules.map(x => x[1])}]});
    chart("chart-categories", {title: {text: "审核发现：按类别", textStyle: {fontSize: 13}}, tooltip: {},
      series: [{type: "pie", radius: "60%", data: d.categories.map(x => ({name: x[0], value: x[1]}))}]});
    chart("chart-three-public", {title: {text: "三公经费决算合计（万元），按年度", textStyle: {fontSize: 13}}, tooltip: {},
      xAxis: {type: "category", data: d.three_public.map(x => String(x[0]))}, yAxis: {}, series: [{type: "line", data: d.three_public.map(x => x[1])}]});
  }
  const charts = document.getElementById("charts");
  if (charts) {  // the table comes with the page; the charts' data follows from the API
    fetch(charts.dataset.url).then(r => r.ok ? r.json() : Promise.reject(r.status)).then(drawDashboard)
      .catch(() => { charts.textContent = "图表数据加载失败，请刷新页面"; });
  }
  const history = document.getElementById("history-data");
  if (history) {
    const h = JSON.parse(history.textContent);
    chart("chart-history", {title: {text: "历年得分与三公经费", textStyle: {fontSize: 13}}, tooltip: {trigger: "axis"}, legend: {top: 24},
      xAxis: {type: "category", data: h.rows.map(r => String(r.year))}, yAxis: [{name: "分"}, {name: "万元"}],
      series: [{name: "自评", type: "line", data: h.rows.map(r => r.stated)}, {name: "重算", type: "line", data: h.rows.map(r => r.recomputed)},
               {name: "复核", type: "line", data: h.rows.map(r => r.review)},
               {name: "三公经费决算", type: "bar", yAxisIndex: 1, data: h.rows.map(r => r.three_public)}]});
  }
})();
