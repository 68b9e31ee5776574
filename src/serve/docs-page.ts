/** The text of HTML, escaped. */
function html(text: unknown): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** `code` spans of Markdown-ish descriptions as <code>. */
function prose(text: unknown): string {
  return html(text ?? "").replace(/`([^`]+)`/g, "<code>$1</code>");
}

const ERRORS: [number, string][] = [
  [
    400,
    "A parameter or body field is wrong. <code>field</code> names it (<code>start</code>, <code>geo</code>, <code>body.goal_impressions</code>).",
  ],
  [401, "No <code>Authorization: Bearer</code> header, or a token that is unknown, malformed or revoked."],
  [
    403,
    "The token's role may not call this route: reads need viewer, campaign writes planner, ingest admin.",
  ],
  [404, "No such route, campaign or series."],
  [409, "A campaign with this id is booked already."],
  [413, "The body is larger than <code>serve.bodyLimitBytes</code>."],
  [415, "The body's media type or encoding is not one the route reads."],
  [
    429,
    "Past the token's rate limit (<code>serve.rateLimit</code>, or <code>AVAILS_RATE_LIMIT</code>); wait for Retry-After seconds.",
  ],
  [500, "The server failed; the detail says no more than that (never a stack trace), the log says why."],
  [
    503,
    "The event loop is overloaded and the request was shed, or no forecast run is published yet; wait for Retry-After seconds.",
  ],
];

type Doc = {
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Operation>>;
};
type Operation = {
  summary: string;
  description?: string;
  "x-role"?: string;
  parameters: {
    name: string;
    in: string;
    required: boolean;
    description?: string;
    schema: Record<string, unknown>;
  }[];
  requestBody?: { description: string; content: Record<string, unknown> };
  responses: Record<string, { description: string }>;
};

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.join(" | ");
  const type = String(schema.type ?? "any");
  return schema.default === undefined ? type : `${type}, default ${JSON.stringify(schema.default)}`;
}

/**
 * The API reference as one plain HTML page, written from the OpenAPI document: authentication, every route
 * with its role, parameters and responses, and what each error status means (anchors `#problem-<status>`,
 * which problems' `type` points at).
 *
 * @example
 * reply.type("text/html").send(docsPage(openApiDocument(routes, version)));
 */
export function docsPage(document: Record<string, unknown>): string {
  const doc = document as unknown as Doc;
  const sections: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const rows = op.parameters
        .map(
          (p) =>
            `<tr><td><code>${html(p.name)}</code></td><td>${html(p.in)}${p.required ? ", required" : ""}</td>` +
            `<td>${html(typeOf(p.schema))}</td><td>${prose(p.description)}</td></tr>`,
        )
        .join("");
      const responses = Object.entries(op.responses)
        .map(([status, r]) => {
          const link = Number(status) >= 400 ? `<a href="#problem-${status}">${status}</a>` : status;
          return `<li>${link}: ${prose(r.description)}</li>`;
        })
        .join("");
      sections.push(
        `<section><h3><span class="method">${method.toUpperCase()}</span> <code>${html(path)}</code></h3>` +
          `<p><strong>${html(op.summary)}</strong>. Role: ${op["x-role"] ? html(op["x-role"]) : "none (public)"}.</p>` +
          (op.description ? `<p>${prose(op.description)}</p>` : "") +
          (rows
            ? `<table><tr><th>parameter</th><th>where</th><th>type</th><th>meaning</th></tr>${rows}</table>`
            : "") +
          (op.requestBody
            ? `<p>Body (${html(Object.keys(op.requestBody.content).join(", "))}): ${prose(op.requestBody.description)}</p>`
            : "") +
          `<ul>${responses}</ul></section>`,
      );
    }
  }
  const errors = ERRORS.map(([s, text]) => `<dt id="problem-${s}">${s}</dt><dd>${text}</dd>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(doc.info.title)} ${html(doc.info.version)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code{font:13px ui-monospace,monospace;background:#f3f3f3;padding:0 .2em}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
section{border-top:1px solid #ddd;margin-top:1.5rem}.method{color:#06c}dt{font-weight:bold}
</style></head><body>
<h1>${html(doc.info.title)} <small>${html(doc.info.version)}</small></h1>
<p>${prose(doc.info.description)}</p>
<p>The machine-readable description is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Authentication</h2>
<p>Create a token with <code>avails tokens create --role viewer</code> (or planner, admin) and send it as
<code>Authorization: Bearer avails_…</code>. Roles include each other: admin ⊃ planner ⊃ viewer.</p>
<h2>Caching</h2>
<p>Answers from the live forecast run carry an <code>ETag</code> made of the run id and a hash of the answer, and an
<code>Avails-Run</code> header. Send it back in <code>If-None-Match</code> to get <code>304 Not Modified</code> while
nothing changed; publishing a run, booking a campaign or ingesting events changes the answers.</p>
<h2>Routes</h2>
${sections.join("\n")}
<h2>Errors</h2>
<p>Errors are <code>application/problem+json</code> (RFC 9457): <code>type</code>, <code>title</code>, <code>status</code>,
<code>detail</code>, <code>instance</code> and <code>field</code>, the parameter or body field at fault.</p>
<dl>${errors}</dl>
</body></html>
`;
}
