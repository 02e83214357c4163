/** The monitor page's HTML: figures, three chart canvases and the dependency map; no inline script (CSP `default-src 'self'`). */
export const MONITOR_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Operations monitor · 运营可视</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font-family: system-ui, sans-serif; margin: 1.5rem; background: #f6f7f9; color: #1d2430; }
  h1 { font-size: 1.4rem; margin: 0 0 1rem; }
  .figures { display: grid; grid-template-columns: repeat(6, 1fr); gap: .75rem; margin-bottom: 1rem; }
  .figure { background: #fff; border-radius: 6px; padding: .75rem; box-shadow: 0 1px 2px #0002; }
  .figure b { display: block; font-size: 1.8rem; }
  .charts { display: grid; grid-template-columns: repeat(3, 1fr); gap: .75rem; }
  .charts section, .map { background: #fff; border-radius: 6px; padding: .75rem; box-shadow: 0 1px 2px #0002; }
  table { border-collapse: collapse; width: 100%; } td, th { padding: .25rem .5rem; border-bottom: 1px solid #e3e6ea; text-align: left; }
  tr.bottleneck { background: #fde8e8; }
  #login { display: none; margin-bottom: 1rem; } #status { color: #6b7380; font-size: .85rem; }
</style>
</head>
<body>
<h1>Operations monitor · 运营可视</h1>
<form id="login"><label>Bearer token <input id="token" type="password" size="60" autocomplete="off"></label> <button>Connect</button></form>
<p id="status">connecting…</p>
<div class="figures">
  <div class="figure">Backlog<b id="backlog-total">–</b></div>
  <div class="figure">Contacts, last hour<b id="contacts-hour">–</b></div>
  <div class="figure">Contacts today (UTC)<b id="contacts-today">–</b></div>
  <div class="figure">Resolved, last hour<b id="resolved-hour">–</b></div>
  <div class="figure">At SLA risk<b id="sla-risk">–</b></div>
  <div class="figure">SLA breached<b id="sla-breached">–</b></div>
  <div class="figure">KPI alerts open<b id="kpi-alerts-open">–</b></div>
</div>
<div class="charts">
  <section><h2>Backlog by channel</h2><canvas id="by-channel"></canvas></section>
  <section><h2>Backlog by region</h2><canvas id="by-region"></canvas></section>
  <section><h2>Backlog by queue</h2><canvas id="by-queue"></canvas></section>
</div>
<section class="map"><h2>KPI alerts</h2>
  <table><thead><tr><th>KPI</th><th>scope</th><th>bucket</th><th>threshold</th><th>value</th><th>standing</th></tr></thead><tbody id="kpi-alerts"></tbody></table>
</section>
<section class="map"><h2>Service dependency map</h2>
  <table><thead><tr><th>from</th><th>to</th><th>volume</th><th>median turnaround (business min)</th><th>return rate</th><th>ping-pong</th></tr></thead><tbody id="edges"></tbody></table>
</section>
<script src="/monitor/chart.js"></script>
<script src="/monitor/monitor.js"></script>
</body>
</html>`;

/** The page's script: reads the token, follows the SSE stream with it (fetch, so the token travels in a header), draws with chart.js. */
export const MONITOR_SCRIPT = `'use strict';
(function () {
  var fragment = new URLSearchParams(location.hash.slice(1));
  var token = fragment.get('token') || sessionStorage.getItem('monitor-token');
  if (fragment.get('token')) history.replaceState(null, '', location.pathname);
  var status = document.getElementById('status');
  var charts = {};
  Chart.defaults.animation = false;

  function chart(id, counts) {
    var labels = counts.map(function (entry) { return entry.key; });
    var values = counts.map(function (entry) { return entry.count; });
    if (!charts[id]) {
      charts[id] = new Chart(document.getElementById(id), { type: 'bar', data: { labels: labels, datasets: [{ label: 'open cases', data: values, backgroundColor: '#3b6fd8' }] }, options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
      return;
    }
    charts[id].data.labels = labels;
    charts[id].data.datasets[0].data = values;
    charts[id].update();
  }

  function show(figures) {
    document.getElementById('backlog-total').textContent = figures.backlog.total;
    document.getElementById('contacts-hour').textContent = figures.throughput.contactsLastHour;
    document.getElementById('contacts-today').textContent = figures.throughput.contactsToday;
    document.getElementById('resolved-hour').textContent = figures.throughput.resolvedLastHour;
    document.getElementById('sla-risk').textContent = figures.slaRisk.atRisk;
    document.getElementById('sla-breached').textContent = figures.slaRisk.breached;
    document.getElementById('kpi-alerts-open').textContent = figures.kpiAlerts.open;
    drawAlerts(figures.kpiAlerts.latest);
    chart('by-channel', figures.backlog.byChannel);
    chart('by-region', figures.backlog.byRegion);
    chart('by-queue', figures.backlog.byQueue);
    status.textContent = 'live · ' + figures.at;
  }

  function cell(row, text) { var td = document.createElement('td'); td.textContent = text; row.appendChild(td); }

  function drawAlerts(alerts) {
    var body = document.getElementById('kpi-alerts');
    body.textContent = '';
    alerts.forEach(function (alert) {
      var row = document.createElement('tr');
      if (alert.standing === 'BREACHED') row.className = 'bottleneck';
      [alert.kpiId + ' v' + alert.version, alert.scope, alert.granularity + ' ' + alert.bucket, alert.threshold + ' ' + alert.thresholdValue, alert.value, alert.standing].forEach(function (text) { cell(row, String(text)); });
      body.appendChild(row);
    });
  }

  function drawMap(map) {
    var body = document.getElementById('edges');
    body.textContent = '';
    map.edges.forEach(function (edge) {
      var row = document.createElement('tr');
      var named = map.bottlenecks.some(function (b) { return b.from === edge.from && b.to === edge.to.id; });
      if (named) row.className = 'bottleneck';
      [edge.from, edge.to.id + (edge.to.kind === 'PARTNER' ? ' (partner)' : ''), edge.volume, edge.medianTurnaroundBusinessMinutes === null ? '–' : edge.medianTurnaroundBusinessMinutes, edge.returnRate, edge.pingPongs].forEach(function (text) { cell(row, String(text)); });
      body.appendChild(row);
    });
  }

  function authorised() { return { authorization: 'Bearer ' + token }; }

  function refreshMap() {
    fetch('/api/v1/data/dependencies', { headers: authorised() }).then(function (r) { return r.ok ? r.json() : null; }).then(function (map) { if (map) drawMap(map); });
  }

  function follow() {
    fetch('/api/v1/data/monitor/stream', { headers: Object.assign({ accept: 'text/event-stream' }, authorised()) }).then(function (response) {
      if (response.status === 401 || response.status === 403) { sessionStorage.removeItem('monitor-token'); ask('the token was refused (' + response.status + ')'); return; }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { status.textContent = 'disconnected; reconnecting…'; setTimeout(follow, 2000); return; }
          buffer += decoder.decode(chunk.value, { stream: true });
          var events = buffer.split('\\n\\n');
          buffer = events.pop();
          events.forEach(function (event) {
            var data = event.split('\\n').filter(function (line) { return line.indexOf('data:') === 0; }).map(function (line) { return line.slice(5).trim(); }).join('\\n');
            if (data) { show(JSON.parse(data)); refreshMap(); }
          });
          return pump();
        });
      }
      return pump();
    }).catch(function () { status.textContent = 'connection lost; reconnecting…'; setTimeout(follow, 2000); });
  }

  function ask(why) {
    status.textContent = why;
    var form = document.getElementById('login');
    form.style.display = 'block';
    form.onsubmit = function (event) {
      event.preventDefault();
      token = document.getElementById('token').value.trim();
      sessionStorage.setItem('monitor-token', token);
      form.style.display = 'none';
      follow();
    };
  }

  if (token) { sessionStorage.setItem('monitor-token', token); follow(); } else ask('a bearer token is needed');
})();
`;
