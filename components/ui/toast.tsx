"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";
import { XIcon } from "./icons";

export type ToastTone = "success" | "error" | "info";
export type ToastOptions = { title: string; description?: string; tone?: ToastTone };
type ToastItem = ToastOptions & { id: number; tone: ToastTone };

const DISMISS_AFTER_MS = 5000;

const ToastContext = createContext<{ toast: (options: ToastOptions) => void } | null>(null);

/** `toast({ title, description?, tone? })`; must be called under `ToastProvider`. */
export function useToast() {
  const context = useContext(ToastContext);
  if (!context) throw new Error("useToast must be used inside <ToastProvider>");
  return context;
}

const toneClasses: Record<ToastTone, string> = {
  success: "border-l-green-600",
  error: "border-l-red-600",
  info: "border-l-accent-600",
};

/**
 * Holds the toasts and renders their region. Both live regions are always in
 * the DOM, so screen readers announce toasts added to them later: errors in a
 * `role="alert"` region, everything else in a polite `role="status"` one.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(0);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((current) => current.filter((t) => t.id !== id));
  }, []);

  const toast = useCallback(
    (options: ToastOptions) => {
      const id = ++nextId.current;
      setToasts((current) => [...current, { ...options, id, tone: options.tone ?? "info" }]);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), DISMISS_AFTER_MS),
      );
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const value = useMemo(() => ({ toast }), [toast]);
  const errors = toasts.filter((t) => t.tone === "error");
  const others = toasts.filter((t) => t.tone !== "error");

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="pointer-events-none fixed right-4 bottom-4 z-[60] flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2">
        <div role="alert" className="flex flex-col gap-2">
          {errors.map((t) => (
            <ToastCard key={t.id} item={t} onDismiss={dismiss} />
          ))}
        </div>
        <div role="status" aria-live="polite" className="flex flex-col gap-2">
          {others.map((t) => (
            <ToastCard key={t.id} item={t} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

function ToastCard({ item, onDismiss }: { item: ToastItem; onDismiss: (id: number) => void }) {
  return (
    <div
      data-tone={item.tone}
      className={cn(
        "pointer-events-auto flex items-start gap-3 rounded-md border border-l-4 border-gray-200 bg-white p-3 shadow-lg",
        toneClasses[item.tone],
      )}
    >
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-gray-900">{item.title}</p>
        {item.description && <p className="mt-0.5 text-sm text-gray-600">{item.description}</p>}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(item.id)}
        aria-label="Dismiss notification"
        className="-m-1 rounded p-1 text-gray-400 hover:bg-gray-100 hover:text-gray-700"
      >
        <XIcon size={14} />
      </button>
    </div>
  );
}
