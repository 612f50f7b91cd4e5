// "Browse…" beside a dataset's path: the desktop app's native open dialog (CSV or Parquet). In
// browser mode a page cannot learn a file's path on the host, so the button is not shown there
// and the path is typed.
import { useState } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useBridge } from '../../../data/bridge-context';

export function BrowseButton({
  label,
  onPick,
  testId,
}: {
  /** What the dialog picks, for screen readers: "Reference dataset". */
  label: string;
  onPick: (path: string) => void;
  testId: string;
}) {
  const bridge = useBridge();
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState(false);
  if (!bridge.canPickFiles) return null;

  const browse = async () => {
    setError(undefined);
    setOpen(true);
    try {
      const path = await bridge.pickFile('drift.dataset');
      // Cancelled: the typed path stays as it was.
      if (path !== undefined) onPick(path);
    } catch (e) {
      console.error('The file dialog failed', e);
      setError(e);
    } finally {
      setOpen(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button small"
        aria-label={`Browse for the ${label.toLowerCase()}`}
        disabled={open}
        onClick={() => void browse()}
        data-testid={testId}
      >
        Browse…
      </button>
      {error !== undefined && <ErrorMessage error={error} compact testId={`${testId}-error`} />}
    </>
  );
}
