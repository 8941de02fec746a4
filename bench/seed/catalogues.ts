import { createHash } from 'node:crypto';
import { planTemplateDecider, pmoDecider, type CatalogueKind } from '@throughline/domain';
import type { PmoSeed } from './organisation';
import { seedCommand, type SeedCommand } from './seed-writer';
import { stream } from './setup';
import type { SeedWorld } from './world';

const SERVICES = ['Stage-gate assurance', 'Portfolio reporting', 'Project coaching', 'Resource planning', 'Benefits tracking', 'Risk reviews', 'Training'];
const TOOLS = ['Jira', 'MS Project', 'Confluence', 'Power BI', 'Miro', 'Smartsheet', 'Excel'];

/** Plans shared as templates: a few, as a strategic office shares its best ones. */
const TEMPLATES = 3;

/**
 * An id derived from what it names, so that the same seed writes the same streams. Choices below
 * are made from each office's place in the list, not from the generator's random sequence, so
 * that adding them leaves the rest of the simulated year as it was.
 */
const derivedId = (name: string): string => {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const itemsOf = (names: readonly string[], index: number, count: number): string[] =>
  Array.from({ length: count }, (_, i) => names[(index + i * 2) % names.length] as string);

// Every office is recorded on 1 December before the year (setup.ts), its establishment day.
const change = (pmo: PmoSeed, type: 'DeclarePmoCatalogueItem' | 'RetirePmoCatalogueItem', catalogue: CatalogueKind, name: string, on: string, world: SeedWorld, reason: string | null = null): SeedCommand =>
  seedCommand(pmoDecider, {
    streamId: stream('pmo', pmo.id),
    command: { type, pmoId: pmo.id, catalogue, name, description: null, on, reason, establishedOn: `${Number(on.slice(0, 4))}-12-01` },
    actor: pmo.head,
    ...(reason ? { reason } : {}),
    events: 1,
    commandId: world.maybeCommandId(),
  });

/**
 * Early December: every office declares the two or three services it offers and tools it uses; on
 * the 20th every third office replaces a tool. Once the plans are approved, the first programme
 * offices share theirs as templates.
 */
export async function seedCatalogues(world: SeedWorld, year: number): Promise<void> {
  const { pmos } = world.organisation;
  const day = (d: number) => `${year - 1}-12-${String(d).padStart(2, '0')}`;
  await world.batch(
    `${day(3)}T14:00:00.000Z`,
    pmos.flatMap((pmo, i) => [
      ...itemsOf(SERVICES, i, 2 + (i % 2)).map((name) => change(pmo, 'DeclarePmoCatalogueItem', 'SERVICE', name, day(3), world)),
      ...itemsOf(TOOLS, i, 2 + ((i + 1) % 2)).map((name) => change(pmo, 'DeclarePmoCatalogueItem', 'TOOL', name, day(3), world)),
    ]),
  );
  const replacing = pmos.filter((_, i) => i % 3 === 2);
  await world.batch(
    `${day(20)}T14:00:00.000Z`,
    replacing.flatMap((pmo) => {
      const i = pmos.indexOf(pmo);
      const [old] = itemsOf(TOOLS, i, 1);
      const next = TOOLS[(i + 5) % TOOLS.length] as string;
      const retire = change(pmo, 'RetirePmoCatalogueItem', 'TOOL', old as string, day(20), world, `Replaced by ${next}`);
      return itemsOf(TOOLS, i, 3).includes(next) ? [retire] : [retire, change(pmo, 'DeclarePmoCatalogueItem', 'TOOL', next, day(20), world)];
    }),
  );
}

export async function seedTemplates(world: SeedWorld, year: number): Promise<void> {
  const shared = world.organisation.pmos.filter((pmo) => pmo.kind === 'PROGRAMME' && pmo.activities.length > 0).slice(0, TEMPLATES);
  await world.batch(
    `${year - 1}-12-23T10:00:00.000Z`,
    shared.map((pmo) => {
      const templateId = derivedId(`template:${pmo.id}`);
      return seedCommand(planTemplateDecider, {
        streamId: stream('template', templateId),
        command: {
          type: 'PublishPlanTemplate',
          templateId,
          title: `${pmo.name}: a year of delivery`,
          source: {
            planId: pmo.planId,
            pmoId: pmo.id,
            periodStart: `${year}-01-01`,
            periodEnd: `${year}-12-31`,
            activities: pmo.activities.map((a) => ({ title: a.title, mode: a.mode, startsOn: a.startsOn, endsOn: a.endsOn, rationale: null })),
          },
        },
        actor: pmo.head,
        events: 1,
        commandId: world.maybeCommandId(),
      });
    }),
  );
}
