/**
 * A MiniSearch index as `toJSON()` writes it (serialization version 2, MiniSearch 7), which is
 * what VitePress's local search puts in its `@localSearchIndex<locale>` module.
 */
export interface SearchIndexJSON {
  documentCount: number;
  nextId: number;
  /** short id to document id */
  documentIds: Record<string, string>;
  fieldIds: Record<string, number>;
  /** short id to each field's length in terms, by field id */
  fieldLength: Record<string, (number | null)[]>;
  averageFieldLength: number[];
  storedFields: Record<string, unknown>;
  dirtCount: number;
  /** term to field id to short id to the term's frequency in that field of that document */
  index: [string, Record<string, Record<string, number>>][];
  serializationVersion: number;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The same index written the same way whatever order its documents were added in: documents are
 * numbered by their sorted ids, terms are sorted, and the average field lengths are recomputed
 * from the documents (MiniSearch keeps a running average, whose rounding depends on the order).
 * VitePress indexes pages concurrently and adds each when it is rendered, so without this two
 * builds of one commit write the index, and every chunk and page that names its hash, differently.
 *
 * Postings of documents that were discarded (left behind until MiniSearch vacuums) are dropped,
 * so the result has no dirt. Searching it finds what searching the given index finds.
 */
export function sortSearchIndex(index: SearchIndexJSON): SearchIndexJSON {
  const ids = Object.entries(index.documentIds).sort(([, a], [, b]) => byCodeUnits(a, b));
  const renumbered = new Map(ids.map(([short], position) => [short, String(position)]));
  const byNewId = <V>(record: Record<string, V>) => Object.fromEntries(ids.flatMap(([short]) => (short in record ? [[renumbered.get(short)!, record[short]!]] : [])));
  const fieldLength = byNewId(index.fieldLength);
  const averageFieldLength = Object.values(index.fieldIds).map((field) => {
    let total = 0;
    for (const lengths of Object.values(fieldLength)) total += lengths[field] ?? 0;
    return ids.length === 0 ? 0 : total / ids.length;
  });
  const terms: SearchIndexJSON["index"] = [];
  for (const [term, fields] of [...index.index].sort(([a], [b]) => byCodeUnits(a, b))) {
    const kept: Record<string, Record<string, number>> = {};
    for (const [field, frequencies] of Object.entries(fields)) {
      const postings = Object.entries(frequencies).flatMap(([short, frequency]) => (renumbered.has(short) ? [[renumbered.get(short)!, frequency] as const] : []));
      // integer-like keys are written in ascending order whatever order they were set in
      if (postings.length > 0) kept[field] = Object.fromEntries(postings);
    }
    if (Object.keys(kept).length > 0) terms.push([term, kept]);
  }
  return {
    documentCount: ids.length,
    nextId: ids.length,
    documentIds: Object.fromEntries(ids.map(([short, id]) => [renumbered.get(short)!, id])),
    fieldIds: index.fieldIds,
    fieldLength,
    averageFieldLength,
    storedFields: byNewId(index.storedFields),
    dirtCount: 0,
    index: terms,
    serializationVersion: 2,
  };
}
