// Short-lived notices (host warnings, "saved", failures of a button press). Errors stay longer;
// the same message arriving again bumps a counter instead of stacking a copy.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { IconClose } from './icons';

export type ToastTone = 'info' | 'ok' | 'warn' | 'error';

export interface ToastInput {
  tone: ToastTone;
  title: string;
  message?: string;
}

interface Toast extends ToastInput {
  id: number;
  count: number;
}

interface Toasts {
  show: (toast: ToastInput) => void;
}

const ToastContext = createContext<Toasts>({ show: () => undefined });

const lifetimeMs: Record<ToastTone, number> = { info: 6000, ok: 4000, warn: 10000, error: 15000 };
const maxShown = 4;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.filter((t) => t.id !== id));
  }, []);

  const show = useCallback((input: ToastInput) => {
    setToasts((all) => {
      const same = all.find(
        (t) => t.tone === input.tone && t.title === input.title && t.message === input.message,
      );
      if (same) return all.map((t) => (t === same ? { ...t, count: t.count + 1 } : t));
      const toast: Toast = { ...input, id: nextId.current++, count: 1 };
      return [...all, toast].slice(-maxShown);
    });
  }, []);

  const value = useMemo(() => ({ show }), [show]);

  return (
    <ToastContext value={value}>
      {children}
      <div className="toasts" aria-live="polite" aria-label="Notifications">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [hovered, setHovered] = useState(false);
  useEffect(() => {
    if (hovered) return;
    const timer = setTimeout(() => onDismiss(toast.id), lifetimeMs[toast.tone]);
    return () => clearTimeout(timer);
  }, [hovered, onDismiss, toast.id, toast.tone, toast.count]);

  return (
    <div
      className={`toast tone-${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      data-testid="toast"
      data-tone={toast.tone}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <div className="toast-body">
        <strong>
          {toast.title}
          {toast.count > 1 && <span className="toast-count"> ×{toast.count}</span>}
        </strong>
        {toast.message && <span>{toast.message}</span>}
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss notification"
        onClick={() => onDismiss(toast.id)}
      >
        <IconClose />
      </button>
    </div>
  );
}

export function useToasts(): Toasts {
  return useContext(ToastContext);
}
