"use client";

import { useRef, type ReactNode, type Ref } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ChevronDownIcon, XIcon } from "@/components/ui/icons";
import { MAX_CONDITIONS, type RuleNode } from "@/lib/segments/schema";
import { useBuilder } from "./builder-context";
import { countConditions, duplicateNode, moveNode, removeNode, type NodePath } from "./tree-ops";

const NODE = '[data-testid="condition"], [data-testid="group"]';

/**
 * Move up, move down, duplicate and remove for a condition or a group.
 * Focus follows the node when it moves (React re-inserts the moved element,
 * which drops its focus) and goes to the parent group when it is removed.
 */
export function NodeActions({
  noun,
  node,
  path,
  index,
  siblings,
}: {
  noun: "condition" | "group";
  node: RuleNode;
  path: NodePath;
  index: number;
  siblings: number;
}) {
  const { apply, conditionCount } = useBuilder();
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);

  const move = (delta: -1 | 1) => {
    apply((root) => moveNode(root, path, delta));
    const [mine, other] = delta < 0 ? [up, down] : [down, up];
    requestAnimationFrame(() => (mine.current && !mine.current.disabled ? mine.current : other.current)?.focus());
  };
  const remove = () => {
    const parentGroup = up.current?.closest(NODE)?.parentElement?.closest<HTMLElement>('[data-testid="group"]');
    apply((root) => removeNode(root, path));
    requestAnimationFrame(() => parentGroup?.focus());
  };

  return (
    <div className="flex shrink-0 items-center">
      <IconButton ref={up} label={`Move ${noun} up`} disabled={index === 0} onClick={() => move(-1)}>
        <ChevronDownIcon size={14} className="rotate-180" />
      </IconButton>
      <IconButton ref={down} label={`Move ${noun} down`} disabled={index >= siblings - 1} onClick={() => move(1)}>
        <ChevronDownIcon size={14} />
      </IconButton>
      <IconButton
        label={`Duplicate ${noun}`}
        disabled={conditionCount + countConditions(node) > MAX_CONDITIONS}
        onClick={() => apply((root) => duplicateNode(root, path))}
      >
        <CopyIcon />
      </IconButton>
      <IconButton label={`Remove ${noun}`} onClick={remove} className="hover:text-red-600">
        <XIcon size={14} />
      </IconButton>
    </div>
  );
}

function IconButton({
  label,
  children,
  className,
  ...props
}: {
  label: string;
  children: ReactNode;
  className?: string;
  disabled?: boolean;
  onClick: () => void;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label={label}
      title={label}
      className={cn("px-1.5 text-gray-500", className)}
      {...props}
    >
      {children}
    </Button>
  );
}

function CopyIcon() {
  return (
    <svg
      width={14}
      height={14}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="9" y="9" width="12" height="12" rx="2" />
      <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
    </svg>
  );
}
