"use client";

import { useId, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { messagesAt, type Issue } from "./issues";

/** The messages of one control, and the props that tie them to it. */
export type FieldIssue = {
  id: string;
  messages: string[];
  control: { "aria-invalid"?: true; "aria-describedby"?: string };
};

/**
 * `field("count", "value")` → the messages at or below that path of `issues`
 * (relative to the node being edited) and the aria props for its control.
 */
export function useFieldIssues(issues: readonly Issue[]): (...field: (string | number)[]) => FieldIssue {
  const base = useId();
  return (...field) => {
    const messages = messagesAt(issues, field);
    const id = `${base}${field.join("-")}-issue`;
    return { id, messages, control: messages.length > 0 ? { "aria-invalid": true, "aria-describedby": id } : {} };
  };
}

/** Red text under a control; the control points at it with aria-describedby. */
export function IssueText({
  id,
  messages,
  className,
}: {
  id?: string;
  messages: readonly string[];
  className?: string;
}) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className={cn("text-xs font-medium text-red-600", className)}>
      {messages.join(" · ")}
    </p>
  );
}

/** A control with its messages underneath, as one item of a wrapping row. */
export function WithIssue({
  issue,
  children,
  className,
}: {
  issue: FieldIssue;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      {children}
      <IssueText id={issue.id} messages={issue.messages} className="max-w-56" />
    </div>
  );
}
