import type { EventStore } from '@throughline/event-store';
import { CATEGORY, streamId } from '@throughline/runtime';

/**
 * When the store recorded the approval of a plan version, or null when it never was approved.
 * `approvedAt` is the command's clock, which may precede the recording by a moment; folding to it
 * could miss the approval itself. Activities cannot change while a version awaits approval, so
 * this instant shows exactly what was approved: the baseline.
 */
export async function approvalRecordedAt(store: EventStore, planId: string, version: number): Promise<string | null> {
  const events = await store.readStream(streamId(CATEGORY.plan, planId));
  const approval = events.find((e) => e.type === 'BusinessPlanApproved' && (e.data as { version?: unknown }).version === version);
  return approval?.metadata.recordedAt ?? null;
}
