/** Who took part in one touchpoint: all the map needs of it. */
export interface MapTouchpoint {
  readonly contactIds: readonly string[];
}

export interface NetworkEdge {
  /** The lesser of the two contact ids, so each pair has one edge. */
  readonly from: string;
  readonly to: string;
  /** The touchpoints the two took part in together. */
  readonly touchpoints: number;
}

export interface NetworkMap {
  /** Every contact id given, in the order given. */
  readonly nodes: readonly string[];
  /** Ordered by from, then to. */
  readonly edges: readonly NetworkEdge[];
}

/**
 * The PMO's network as a graph: an edge joins two distinct contacts for every touchpoint they
 * took part in together, weighted by how many. A touchpoint of k contacts makes k(k−1)/2 pairs,
 * which stays small: touchpoints are meetings, not mailing lists.
 */
export const networkMap = (contactIds: readonly string[], touchpoints: readonly MapTouchpoint[]): NetworkMap => {
  const weights = new Map<string, Map<string, number>>();
  for (const touchpoint of touchpoints) {
    const ids = [...new Set(touchpoint.contactIds)].sort();
    for (let i = 0; i < ids.length; i++) {
      const from = ids[i]!;
      let row = weights.get(from);
      if (!row) weights.set(from, (row = new Map()));
      for (let j = i + 1; j < ids.length; j++) row.set(ids[j]!, (row.get(ids[j]!) ?? 0) + 1);
    }
  }
  const edges = [...weights]
    .flatMap(([from, row]) => [...row].map(([to, count]) => ({ from, to, touchpoints: count })))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  return { nodes: [...contactIds], edges };
};
