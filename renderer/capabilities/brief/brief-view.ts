// What the brief shows beyond the host's answer: which items are new since the last visit, the
// headline ("all clear" or how many need a look), and the brief as Markdown for a stand-up.
import type { Brief, BriefItem, LastVisit } from '../../../shared/contract/brief';

/** Items the user has not seen: absent from the last visit's list. Nothing is new on a first visit. */
export function newItemIds(brief: Brief, lastVisit: LastVisit | null): Set<string> {
  if (!lastVisit) return new Set();
  const seen = new Set(lastVisit.itemIds);
  return new Set(
    allItems(brief)
      .filter((i) => !seen.has(i.id))
      .map((i) => i.id),
  );
}

export function allItems(brief: Brief): BriefItem[] {
  return brief.sections.flatMap((s) => s.items);
}

export function headline(brief: Brief): { tone: 'ok' | 'warn' | 'danger'; text: string } {
  const items = allItems(brief);
  const unavailable = brief.sections.filter((s) => s.state === 'unavailable');
  if (items.length === 0 && unavailable.length === 0)
    return { tone: 'ok', text: 'Everything is OK' };
  if (items.length === 0)
    return {
      tone: 'warn',
      text: `Nothing to report, but ${unavailable.map((s) => s.title.toLowerCase()).join(', ')} could not be read`,
    };
  const critical = items.filter((i) => i.severity === 'critical').length;
  return {
    tone: critical ? 'danger' : 'warn',
    text: `${items.length} ${items.length === 1 ? 'thing needs' : 'things need'} a look`,
  };
}

const escape = (text: string) => text.replace(/([\\`*_[\]|<>])/g, '\\$1').replace(/\s+/g, ' ');

/** The brief as Markdown. `base` turns in-app links into absolute ones when there is an address. */
export function briefMarkdown(
  brief: Brief,
  opts: { workspace?: string; newIds?: Set<string>; base?: string } = {},
): string {
  const lines: string[] = [];
  const when = new Date(brief.generatedAt).toISOString().replace('T', ' ').slice(0, 16);
  lines.push(
    `## Morning brief${opts.workspace ? ` — ${escape(opts.workspace)}` : ''} (${when} UTC)`,
  );
  lines.push('');
  lines.push(`**${headline(brief).text}.**`);
  for (const section of brief.sections) {
    lines.push('');
    const count = section.state === 'unavailable' ? 'unavailable' : String(section.items.length);
    lines.push(`### ${escape(section.title)} (${count})`);
    if (section.state === 'unavailable') {
      lines.push(`- _Could not be read: ${escape(section.note ?? 'no answer')}_`);
      continue;
    }
    if (section.items.length === 0) lines.push('- None');
    for (const item of section.items) {
      const title =
        item.link && opts.base
          ? `[${escape(item.title)}](${opts.base}${item.link})`
          : escape(item.title);
      const parts = [
        `- ${opts.newIds?.has(item.id) ? '**NEW** ' : ''}${title}`,
        item.where ? ` — ${escape(item.where)}` : '',
        item.detail ? `: ${escape(item.detail)}` : '',
      ];
      lines.push(parts.join(''));
    }
    if (section.note) lines.push(`- _${escape(section.note)}_`);
  }
  return lines.join('\n') + '\n';
}
