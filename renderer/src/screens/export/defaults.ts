/** The choices of an export: remembered per specialist, and how a specialist is named. */
import type { Specialist } from '../../../../shared/case-types.ts';
import { DEFAULT_EXPORT_CHOICES } from '../../../../shared/export-types.ts';
import type { ExportChoices, ExportPlan } from '../../../../shared/export-types.ts';

export const MIN_PASSWORD = 8;

/** The choices for a specialist: what was used for them last time, else the case's included documents and their size limit. */
export function choicesFor(plan: ExportPlan, specialist: Specialist | null): ExportChoices {
  const remembered = plan.remembered[String(specialist?.id ?? 0)];
  if (remembered) {
    const inCase = new Set(plan.documents.map((d) => d.id));
    const ids = remembered.documentIds?.filter((id) => inCase.has(id)) ?? null;
    return { ...remembered, documentIds: ids && ids.length ? ids : null };
  }
  return { ...DEFAULT_EXPORT_CHOICES, maxSizeMb: specialist?.sizeLimitMb ?? null };
}

export function specialistLabel(s: Specialist): string {
  return s.institution ? `${s.name}, ${s.institution}` : s.name;
}
