// A button that opens a small panel below it (the top bar's switchers). Arrow keys move between
// the panel's controls, Escape closes it and returns focus to the button.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { IconChevronDown } from './icons';

const items =
  '[role="menuitemradio"], [role="menuitem"], input:not([disabled]), button:not([disabled]), a[href]';

export function Popover({
  trigger,
  triggerLabel,
  testId,
  disabled = false,
  children,
  panelLabel,
  align = 'start',
}: {
  trigger: ReactNode;
  triggerLabel: string;
  testId?: string;
  disabled?: boolean;
  children: (close: () => void) => ReactNode;
  panelLabel: string;
  align?: 'start' | 'end';
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>(items)?.focus();
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = [...(panel.current?.querySelectorAll<HTMLElement>(items) ?? [])];
    if (all.length === 0) return;
    event.preventDefault();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === 'ArrowDown' ? (at + 1) % all.length : (at - 1 + all.length) % all.length;
    all[next]?.focus();
  }

  return (
    <div className="popover-root" ref={root} onKeyDown={open ? onKeyDown : undefined}>
      <button
        ref={button}
        type="button"
        className="topbar-trigger"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={triggerLabel}
        data-testid={testId}
        disabled={disabled}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {trigger}
        <IconChevronDown className="chevron" />
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          className={`popover-panel align-${align}`}
          role="group"
          aria-label={panelLabel}
        >
          {children(close)}
        </div>
      )}
    </div>
  );
}
