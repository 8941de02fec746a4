import type { Database, Statement } from 'better-sqlite3';
import {
  appliesOn,
  complianceOn,
  NO_FACTS,
  type ComplianceStandard,
  type ComplianceVerdict,
  type CompliancePmo,
  type DeviationFact,
  type LocalDate,
  type PairFacts,
  type PatternInput,
  type PmoKind,
} from '@throughline/domain';
import { ReadModelDb } from '../read-model-db';
import { COMPLIANCE_TABLES } from './compliance-facts.projection';

/** Later than any instant the store records: "as known now". */
const NOW = '9999-12-31T23:59:59.999Z';

export interface ComplianceFactsRow extends ComplianceVerdict {
  readonly pmoId: string;
  readonly standardId: string;
}

interface PmoNode {
  readonly pmoId: string;
  readonly parentId: string | null;
  readonly kind: PmoKind;
  readonly existsFrom: LocalDate;
  readonly existsUntil: LocalDate | null;
}

/** Everything known at one instant, laid out for the rule. */
export interface ComplianceFacts {
  /** In tree order: every parent before its children, siblings in the order recorded. */
  readonly pmos: readonly CompliancePmo[];
  /** By title. */
  readonly standards: readonly (ComplianceStandard & { readonly title: string })[];
  factsOf(standardId: string, pmoId: string): PairFacts;
}

const pairKey = (standardId: string, pmoId: string) => `${standardId}|${pmoId}`;

type DeviationRow = {
  deviation_id: string;
  standard_id: string;
  pmo_id: string;
  significance: 'MINOR' | 'SIGNIFICANT';
  from_day: string;
  until_day: string;
  requested_on: string;
  status: 'APPROVED' | 'REJECTED' | 'WITHDRAWN' | null;
  decided_on: string | null;
};

/** A deviation as known at the cut: undecided there when its decision came later; MINOR ones in force from their request. */
const deviationFact = (d: DeviationRow): DeviationFact => {
  const minor = d.significance === 'MINOR';
  const status = minor ? 'APPROVED' : (d.status ?? 'REQUESTED');
  return {
    deviationId: d.deviation_id,
    significance: d.significance,
    from: d.from_day,
    until: d.until_day,
    requestedOn: d.requested_on,
    status,
    approvedOn: minor ? d.requested_on : status === 'APPROVED' ? d.decided_on : null,
    decidedOn: minor ? d.requested_on : status === 'REQUESTED' ? null : d.decided_on,
  };
};

const PAIR = 'standard_id = ? AND pmo_id = ? AND stored_at <= ?';

interface PairStatements {
  readonly standard: Statement<[string], { standard_id: string }>;
  readonly versions: Statement<[string, string], { version: number; effective_from: string; adoption_due_on: string }>;
  readonly adoptions: Statement<[string, string, string], { version: number; adopted_on: string }>;
  readonly leeways: Statement<[string, string, string], { version: number; until: string }>;
  readonly deviations: Statement<[string, string, string, string], DeviationRow>;
}

interface Statements {
  readonly pmos: Statement<[string], { pmo_id: string; parent_id: string | null; kind: PmoKind; exists_from: string }>;
  readonly pmoEnds: Statement<[string], { pmo_id: string; exists_until: string }>;
  readonly pmoMoves: Statement<[string], { pmo_id: string; parent_id: string }>;
  readonly standards: Statement<[string], { standard_id: string; publisher_pmo_id: string; title: string; applies_to: string }>;
  readonly versions: Statement<[string], { standard_id: string; version: number; effective_from: string; adoption_due_on: string }>;
  readonly retirements: Statement<[string], { standard_id: string; retired_on: string }>;
  readonly adoptions: Statement<[string], { standard_id: string; pmo_id: string; version: number; adopted_on: string }>;
  readonly leeways: Statement<[string], { standard_id: string; pmo_id: string; version: number; until: string }>;
  readonly deviations: Statement<[string, string], DeviationRow>;
  readonly recentDeviations: Statement<[string], { standard_id: string; pmo_id: string; significance: string; requested_on: string; status: string | null }>;
  readonly lastPositions: Statement<[], { positions: string }>;
}

/**
 * Compliance as the rule in the domain computes it, over the compliance_facts read model cut at
 * an instant: every fact is filtered by the instant it was recorded in SQL, then folded once into
 * per-pair lists, and the rule runs for each (PMO, standard) that applies on the day.
 */
export class ComplianceFactsReader {
  private readonly db: Database;
  private readonly statements: Statements;
  private readonly pair: PairStatements;
  /**
   * The facts as known now, kept until a fact is added: rows are only ever inserted, at rising
   * positions, so the last position of each table says whether anything changed. Questions as of
   * an instant read afresh.
   */
  private current: { readonly positions: string; readonly facts: ComplianceFacts } | null = null;

  /** The tables must exist: construct after the projector (which creates them). */
  constructor(db: Database | ReadModelDb) {
    this.db = db instanceof ReadModelDb ? db.connection : db;
    const db_ = this.db;
    this.statements = {
      pmos: db_.prepare('SELECT pmo_id, parent_id, kind, exists_from FROM compliance_pmo WHERE stored_at <= ? ORDER BY position'),
      pmoEnds: db_.prepare('SELECT pmo_id, exists_until FROM compliance_pmo_end WHERE stored_at <= ?'),
      pmoMoves: db_.prepare('SELECT pmo_id, parent_id FROM compliance_pmo_move WHERE stored_at <= ? ORDER BY position'),
      standards: db_.prepare('SELECT standard_id, publisher_pmo_id, title, applies_to FROM compliance_standard WHERE stored_at <= ? ORDER BY title, standard_id'),
      versions: db_.prepare('SELECT standard_id, version, effective_from, adoption_due_on FROM compliance_version WHERE stored_at <= ? ORDER BY standard_id, version'),
      retirements: db_.prepare('SELECT standard_id, retired_on FROM compliance_retirement WHERE stored_at <= ?'),
      adoptions: db_.prepare('SELECT standard_id, pmo_id, version, adopted_on FROM compliance_adoption WHERE stored_at <= ? ORDER BY position'),
      leeways: db_.prepare('SELECT standard_id, pmo_id, version, until FROM compliance_leeway WHERE stored_at <= ? ORDER BY position'),
      // A decision recorded after the instant is not known then: the deviation was still a request.
      deviations: db_.prepare(
        `SELECT d.deviation_id, d.standard_id, d.pmo_id, d.significance, d.from_day, d.until_day, d.requested_on, c.status, c.decided_on
         FROM compliance_deviation d LEFT JOIN compliance_decision c ON c.deviation_id = d.deviation_id AND c.stored_at <= ?
         WHERE d.stored_at <= ? ORDER BY d.position`,
      ),
      lastPositions: db_.prepare(
        `SELECT ${COMPLIANCE_TABLES.map((table) => `IFNULL((SELECT MAX(position) FROM ${table}), -1)`).join(" || ',' || ")} AS positions`,
      ),
      recentDeviations: db_.prepare(
        `SELECT d.standard_id, d.pmo_id, d.significance, d.requested_on, c.status
         FROM compliance_deviation d LEFT JOIN compliance_decision c ON c.deviation_id = d.deviation_id
         WHERE d.requested_on >= ?`,
      ),
    };
    this.pair = {
      standard: db_.prepare('SELECT standard_id FROM compliance_standard WHERE standard_id = ?'),
      versions: db_.prepare('SELECT version, effective_from, adoption_due_on FROM compliance_version WHERE standard_id = ? AND stored_at <= ? ORDER BY version'),
      adoptions: db_.prepare(`SELECT version, adopted_on FROM compliance_adoption WHERE ${PAIR} ORDER BY position`),
      leeways: db_.prepare(`SELECT version, until FROM compliance_leeway WHERE ${PAIR} ORDER BY position`),
      deviations: db_.prepare(
        `SELECT d.deviation_id, d.standard_id, d.pmo_id, d.significance, d.from_day, d.until_day, d.requested_on, c.status, c.decided_on
         FROM compliance_deviation d LEFT JOIN compliance_decision c ON c.deviation_id = d.deviation_id AND c.stored_at <= ?
         WHERE d.standard_id = ? AND d.pmo_id = ? AND d.stored_at <= ? ORDER BY d.position`,
      ),
    };
  }

  /** The facts recorded at or before `asOf` (everything when null). */
  facts(asOf: string | null): ComplianceFacts {
    if (asOf !== null) return this.read(asOf);
    // One synchronous turn: the projector, on this thread, cannot write between the two reads.
    const { positions } = this.statements.lastPositions.get()!;
    if (this.current?.positions !== positions) this.current = { positions, facts: this.read(NOW) };
    return this.current.facts;
  }

  private read(cut: string): ComplianceFacts {
    const s = this.statements;
    const read = this.db.transaction(() => ({
      pmos: s.pmos.all(cut),
      pmoEnds: s.pmoEnds.all(cut),
      pmoMoves: s.pmoMoves.all(cut),
      standards: s.standards.all(cut),
      versions: s.versions.all(cut),
      retirements: s.retirements.all(cut),
      adoptions: s.adoptions.all(cut),
      leeways: s.leeways.all(cut),
      deviations: s.deviations.all(cut, cut),
    }));
    const rows = read();

    // The tree as known at the instant: each PMO under the parent it last moved under by then.
    const parentOf = new Map(rows.pmos.map((r) => [r.pmo_id, r.parent_id]));
    for (const move of rows.pmoMoves) parentOf.set(move.pmo_id, move.parent_id);
    const untilOf = new Map(rows.pmoEnds.map((r) => [r.pmo_id, r.exists_until]));
    const nodes = new Map<string, PmoNode>(
      rows.pmos.map((r) => [
        r.pmo_id,
        { pmoId: r.pmo_id, parentId: parentOf.get(r.pmo_id) ?? null, kind: r.kind, existsFrom: r.exists_from, existsUntil: untilOf.get(r.pmo_id) ?? null },
      ]),
    );
    const pmos = treeOrder(nodes);

    const versions = new Map<string, ComplianceStandard['versions'][number][]>();
    for (const v of rows.versions) push(versions, v.standard_id, { version: v.version, effectiveFrom: v.effective_from, adoptionDueOn: v.adoption_due_on });
    const retiredOn = new Map(rows.retirements.map((r) => [r.standard_id, r.retired_on]));
    const standards = rows.standards.map((r) => ({
      standardId: r.standard_id,
      publisherPmoId: r.publisher_pmo_id,
      title: r.title,
      appliesTo: JSON.parse(r.applies_to) as PmoKind[],
      versions: versions.get(r.standard_id) ?? [],
      retiredOn: retiredOn.get(r.standard_id) ?? null,
    }));

    const pairs = new Map<string, { adoptions: PairFacts['adoptions'][number][]; leeways: PairFacts['leeways'][number][]; deviations: DeviationFact[] }>();
    const pair = (standardId: string, pmoId: string) => {
      const key = pairKey(standardId, pmoId);
      let facts = pairs.get(key);
      if (!facts) pairs.set(key, (facts = { adoptions: [], leeways: [], deviations: [] }));
      return facts;
    };
    for (const a of rows.adoptions) pair(a.standard_id, a.pmo_id).adoptions.push({ version: a.version, adoptedOn: a.adopted_on });
    for (const l of rows.leeways) pair(l.standard_id, l.pmo_id).leeways.push({ version: l.version, until: l.until });
    for (const d of rows.deviations) pair(d.standard_id, d.pmo_id).deviations.push(deviationFact(d));
    return { pmos, standards, factsOf: (standardId, pmoId) => pairs.get(pairKey(standardId, pmoId)) ?? NO_FACTS };
  }

  /**
   * Every PMO under the root (the root included; every PMO when null) against every standard
   * that applies to it on the day, as known at `asOf`: PMOs in tree order, standards by title.
   */
  report(rootPmoId: string | null, on: LocalDate, asOf: string | null): ComplianceFactsRow[] {
    const facts = this.facts(asOf);
    const rows: ComplianceFactsRow[] = [];
    for (const pmo of facts.pmos) {
      if (rootPmoId !== null && pmo.pmoId !== rootPmoId && !pmo.ancestorIds.includes(rootPmoId)) continue;
      for (const standard of facts.standards) {
        if (!appliesOn(standard, pmo, on)) continue;
        rows.push({ pmoId: pmo.pmoId, standardId: standard.standardId, ...complianceOn(standard, facts.factsOf(standard.standardId, pmo.pmoId), on) });
      }
    }
    return rows;
  }

  /**
   * One PMO against one standard on the day, whether or not the standard binds it then (an
   * adoption answers its row even on a day the PMO is not reported); null for an unknown standard.
   */
  row(standardId: string, pmoId: string, on: LocalDate, asOf: string | null = null): ComplianceFactsRow | null {
    // Only this pair's facts: a mutation's answer does not wait for the whole organisation's.
    const cut = asOf ?? NOW;
    const p = this.pair;
    const read = this.db.transaction(() => ({
      standard: p.standard.get(standardId),
      versions: p.versions.all(standardId, cut),
      adoptions: p.adoptions.all(standardId, pmoId, cut),
      leeways: p.leeways.all(standardId, pmoId, cut),
      deviations: p.deviations.all(cut, standardId, pmoId, cut),
    }));
    const rows = read();
    if (!rows.standard || rows.versions.length === 0) return null;
    const standard = { versions: rows.versions.map((v) => ({ version: v.version, effectiveFrom: v.effective_from, adoptionDueOn: v.adoption_due_on })) };
    const facts: PairFacts = {
      adoptions: rows.adoptions.map((a) => ({ version: a.version, adoptedOn: a.adopted_on })),
      leeways: rows.leeways.map((l) => ({ version: l.version, until: l.until })),
      deviations: rows.deviations.map(deviationFact),
    };
    return { pmoId, standardId, ...complianceOn(standard, facts, on) };
  }

  /** Deviations requested on or after the day, with their decision as it stands, for deviationPatterns. */
  requestedSince(since: LocalDate): PatternInput[] {
    return this.statements.recentDeviations.all(since).map((r) => ({
      standardId: r.standard_id,
      pmoId: r.pmo_id,
      requestedOn: r.requested_on,
      status: r.significance === 'MINOR' ? 'APPROVED' : ((r.status ?? 'REQUESTED') as PatternInput['status']),
    }));
  }
}

const push = <K, T>(map: Map<K, T[]>, key: K, value: T): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Parents first (depth first), siblings in the order recorded, each with its ancestors nearest first. */
const treeOrder = (nodes: ReadonlyMap<string, PmoNode>): CompliancePmo[] => {
  const children = new Map<string | null, PmoNode[]>();
  for (const node of nodes.values()) push(children, node.parentId !== null && nodes.has(node.parentId) ? node.parentId : null, node);
  const ordered: CompliancePmo[] = [];
  const visit = (node: PmoNode, ancestorIds: readonly string[]) => {
    ordered.push({ pmoId: node.pmoId, kind: node.kind, ancestorIds, existsFrom: node.existsFrom, existsUntil: node.existsUntil });
    const below = [node.pmoId, ...ancestorIds];
    for (const child of children.get(node.pmoId) ?? []) visit(child, below);
  };
  for (const root of children.get(null) ?? []) visit(root, []);
  return ordered;
};
