import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/state/promote-reads.ts
function promotionFreightIds(ref, entries, aliasNoteIds) {
  const lower = ref.trim().toLowerCase();
  if (!lower) return void 0;
  const exact = entries.find((e) => e.freightId === lower);
  const hex = /^[0-9a-f]+$/.test(lower);
  const named = exact ? [exact] : entries.filter(
    (e) => e.alias.toLowerCase() === lower || hex && e.freightId.startsWith(lower) || aliasNoteIds.includes(e.freightId)
  );
  if (!named.length || named.some((e) => !e.createdAt)) return void 0;
  const ids = new Set(named.map((e) => e.freightId));
  for (const n of named) {
    const since = Date.parse(n.createdAt);
    for (const e of entries) {
      if (e.warehouse !== n.warehouse) continue;
      if (!e.createdAt || Date.parse(e.createdAt) >= since) ids.add(e.freightId);
    }
  }
  return ids;
}

export {
  promotionFreightIds
};
