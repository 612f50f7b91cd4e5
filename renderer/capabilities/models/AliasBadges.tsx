import { Badge, type Tone } from '../../components/StatusBadge';

const aliasTone = (alias: string): Tone =>
  alias === 'champion' ? 'ok' : alias === 'challenger' ? 'accent' : 'info';

/** A model's aliases as badges: `champion → v3`, or the bare alias on a version's own row. */
export function AliasBadges({
  aliases,
}: {
  aliases: ({ alias: string; version: string } | string)[];
}) {
  if (aliases.length === 0) return <span className="muted">—</span>;
  return (
    <span className="alias-badges">
      {aliases.map((a) => {
        const alias = typeof a === 'string' ? a : a.alias;
        return (
          <Badge key={alias} tone={aliasTone(alias)} testId={`alias-${alias}`}>
            {typeof a === 'string' ? alias : `${alias} → v${a.version}`}
          </Badge>
        );
      })}
    </span>
  );
}
