import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/util/table.ts
function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)).join("   ").trimEnd();
  return [line(headers), ...rows.map(line)].join("\n") + "\n";
}
function age(iso, now) {
  if (!iso) return "";
  const s = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 1e3));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

export {
  table,
  age
};
