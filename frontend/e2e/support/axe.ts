// Accessibility checks with axe-core: WCAG 2.1 A and AA rules plus axe's best practices, on the page as
// it is now (an open dialog included).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export interface Finding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Every violation axe finds, most serious first; `name` labels the log line. */
export async function axeFindings(page: Page, name: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const order = ['critical', 'serious', 'moderate', 'minor'];
  const findings = results.violations
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? 'minor',
      help: v.help,
      nodes: v.nodes.map((node) => node.target.join(' ')),
    }))
    .sort((a, b) => order.indexOf(a.impact) - order.indexOf(b.impact));
  const summary = findings.map((f) => `${f.impact} ${f.id} (${f.nodes.length})`).join(', ') || 'none';
  const contrast = results.passes.some((rule) => rule.id === 'color-contrast') ? 'checked' : 'not checked';
  const unsure = results.incomplete.map((rule) => `${rule.id} (${rule.nodes.length})`).join(', ') || 'none';
  console.log(
    `[axe] ${name}: ${results.passes.length} rules pass (colour contrast ${contrast}); violations: ${summary}; to review by hand: ${unsure}`,
  );
  if (process.env.AXE_DETAIL)
    for (const rule of results.incomplete)
      for (const node of rule.nodes)
        console.log(`   ${rule.id}: ${node.target.join(' ')} — ${node.any.map((c) => c.message).join('; ')}`);
  return findings;
}

/** The serious and critical ones: what must be fixed. */
export const serious = (findings: Finding[]) =>
  findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
