import { NavLink } from 'react-router-dom';
import { pages } from './pages';

/** The page list. Tab reaches it; once inside, arrow keys, Home and End move between pages. */
export function Nav() {
  function onKeyDown(event: React.KeyboardEvent<HTMLUListElement>) {
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    const target =
      event.key === 'ArrowDown'
        ? links[(at + 1) % links.length]
        : event.key === 'ArrowUp'
          ? links[(at - 1 + links.length) % links.length]
          : event.key === 'Home'
            ? links[0]
            : event.key === 'End'
              ? links[links.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    target.focus();
  }

  return (
    <nav className="nav" aria-label="Pages">
      <ul onKeyDown={onKeyDown}>
        {pages.map((page) => (
          <li key={page.path}>
            <NavLink
              to={page.path}
              data-testid={page.testId}
              className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}
              title={`${page.label} (g ${page.goKey})`}
            >
              <page.icon />
              <span>{page.label}</span>
              <kbd className="nav-shortcut" aria-hidden="true">
                g {page.goKey}
              </kbd>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
