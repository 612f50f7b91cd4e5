// Global keyboard shortcuts: `g` then a page key, `?` for the list. Keys typed into a field, or
// while a dialog is open, are left alone.
import { useEffect, useRef } from 'react';
import { pages } from './pages';

export interface Shortcut {
  keys: string[];
  description: string;
}

export const shortcuts: Shortcut[] = [
  ...pages.map((page) => ({ keys: ['g', page.goKey], description: `Go to ${page.label}` })),
  { keys: ['?'], description: 'Show keyboard shortcuts' },
  { keys: ['Esc'], description: 'Close a dialog or menu' },
  { keys: ['↑', '↓'], description: 'Move within the navigation and menus' },
  { keys: ['Tab'], description: 'Move to the next control' },
];

const chordMs = 1500;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

export function useShortcuts(actions: { go: (path: string) => void; help: () => void }): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    let awaitingPage = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTyping(event.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      if (event.key === '?') {
        event.preventDefault();
        latest.current.help();
        return;
      }
      if (awaitingPage) {
        awaitingPage = false;
        clearTimeout(timer);
        const page = pages.find((p) => p.goKey === event.key.toLowerCase());
        if (page) {
          event.preventDefault();
          latest.current.go(page.path);
        }
        return;
      }
      if (event.key === 'g') {
        awaitingPage = true;
        timer = setTimeout(() => (awaitingPage = false), chordMs);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
