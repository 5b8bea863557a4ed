import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./label";

/** Props a `Field` gives its control so that label, hint and error are announced with it. */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

type ControlElement = ReactElement<{ id?: string; "aria-describedby"?: string }>;

export type FieldProps = {
  label: ReactNode;
  /** Id of the control; generated when neither this nor the control's own `id` is set. */
  id?: string;
  hint?: ReactNode;
  /** Error message shown under the control; also marks the control invalid. */
  error?: ReactNode;
  required?: boolean;
  className?: string;
  /** One control element (props are merged in) or a render function receiving them. */
  children: ControlElement | ((control: FieldControlProps) => ReactNode);
};

/**
 * A label, a control, an optional hint and an optional error, wired together:
 * the label points at the control, and hint and error are its `aria-describedby`.
 */
export function Field({ label, id, hint, error, required, className, children }: FieldProps) {
  const autoId = useId();
  const ownId = typeof children === "function" ? undefined : children.props.id;
  const controlId = id ?? ownId ?? `field-${autoId}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;

  const own = typeof children === "function" ? undefined : children.props["aria-describedby"];
  const describedBy = [own, hintId, errorId].filter(Boolean).join(" ") || undefined;
  const controlProps: FieldControlProps = {
    id: controlId,
    "aria-describedby": describedBy,
    ...(error ? { "aria-invalid": true as const } : {}),
  };

  let control: ReactNode;
  if (typeof children === "function") control = children(controlProps);
  else if (isValidElement(children)) control = cloneElement(children, controlProps);

  return (
    <div className={cn("space-y-1.5", className)}>
      <Label htmlFor={controlId}>
        {label}
        {required && (
          <span className="ml-0.5 text-red-600" aria-hidden="true">
            *
          </span>
        )}
      </Label>
      {control}
      {hint && (
        <p id={hintId} className="text-xs text-gray-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
