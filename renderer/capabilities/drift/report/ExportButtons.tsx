// Export a finished report: the host writes the document (HTML or Markdown), the browser saves it
// as a download (Electron shows its save dialog for downloads).
import { useCallMutation } from '../../../data/queries';
import { ErrorMessage } from '../../../components/ErrorMessage';

function save(fileName: string, mediaType: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportButtons({ runId }: { runId: string }) {
  const exported = useCallMutation('drift.export', {
    onSuccess: (doc) => save(doc.fileName, doc.mediaType, doc.content),
  });
  return (
    <div className="button-row">
      <button
        type="button"
        className="button small"
        disabled={exported.isPending}
        onClick={() => exported.mutate({ runId, format: 'html' })}
      >
        Export HTML
      </button>
      <button
        type="button"
        className="button small"
        disabled={exported.isPending}
        onClick={() => exported.mutate({ runId, format: 'markdown' })}
      >
        Export Markdown
      </button>
      {exported.error && <ErrorMessage error={exported.error} compact />}
    </div>
  );
}
