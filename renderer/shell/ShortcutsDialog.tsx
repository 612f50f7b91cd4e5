import { Dialog } from '../components/Dialog';
import { shortcuts } from './shortcuts';

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      title="Keyboard shortcuts"
      onClose={onClose}
      testId="shortcuts-dialog"
      size="small"
    >
      <table className="shortcut-table">
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.description}>
              <td>
                {shortcut.keys.map((key, i) => (
                  <span key={i}>
                    {i > 0 && <span className="muted"> then </span>}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
