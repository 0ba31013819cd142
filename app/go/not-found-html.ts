// The page a /go link shows when neither the pod nor its workload exists: what was asked, why it
// is not there, and what history knows (pods of that name, alerts received). A route handler
// answers it, because a page cannot answer 404 with its own content; every value is escaped.
import type { AlertMark, RememberedPod } from '@/lib/views';
import { formatDateTime } from '@/components/format/time';
import { podPath } from '@/components/format/names';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function podItem(p: RememberedPod): string {
  const life = `created ${formatDateTime(p.createdAt)}${p.deletedAt ? `, deleted ${formatDateTime(p.deletedAt)}` : ''}`;
  const owner = p.owner ? ` — ${escape(p.owner.kind)} ${escape(p.owner.name)}` : '';
  const href = escape(podPath(p.cluster, p.namespace, p.name));
  return `<li><a href="${href}">${escape(`${p.cluster}: ${p.namespace}/${p.name}`)}</a> (${life})${owner} — its recorded timeline</li>`;
}

function alertItem(a: AlertMark): string {
  const ended = a.endsAt ? `, resolved ${formatDateTime(a.endsAt)}` : ', still firing';
  const about = a.pod ?? '';
  return `<li>${escape(a.alertname)}${about ? ` on ${escape(about)}` : ''}: fired ${formatDateTime(a.startsAt)}${ended}${a.summary ? ` — ${escape(a.summary)}` : ''}</li>`;
}

/** The HTML of the not-found answer. */
export function notFoundHtml(page: {
  message: string;
  pods: RememberedPod[];
  alerts: AlertMark[];
}): string {
  const pods = page.pods.length
    ? `<ul>${page.pods.map(podItem).join('')}</ul>`
    : '<p>History has no pod of that name.</p>';
  const alerts = page.alerts.length
    ? `<ul>${page.alerts.map(alertItem).join('')}</ul>`
    : '<p>No alert about it was received.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Not found · Podtrail</title>
<style>body{font:16px/1.5 system-ui,sans-serif;color:#0f172a;max-width:48rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}a{color:#1d4ed8}li{margin:.3rem 0}
.msg{border-left:4px solid #b91c1c;background:#fef2f2;padding:.6rem .9rem}</style></head>
<body><main><p><a href="/">← Podtrail board</a></p>
<h1>Not found — here is the history</h1>
<p class="msg">${escape(page.message)}</p>
<h2>What history knows</h2>${pods}
<h2>Alerts received</h2>${alerts}
<p>A pod that was deleted and replaced has a new name: its workload on the board has the new one.</p>
</main></body></html>`;
}
