"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { PlusIcon } from "@/components/ui/icons";
import { MAX_CONDITIONS, MAX_DEPTH } from "@/lib/segments/rule-size";
import { useBuilder } from "./builder-context";
import { CONDITION_TYPE_LABELS, CONDITION_TYPES, newCondition, newGroup, type ConditionType } from "./new-condition";
import { addNode, type NodePath } from "./tree-ops";

/** Moves focus to the first control of the group's newest child, so that keyboard users carry on there. */
function focusNewest(group: HTMLElement | null | undefined) {
  requestAnimationFrame(() =>
    group
      ?.querySelector(":scope > [data-children] > :last-child")
      ?.querySelector<HTMLElement>("input, select")
      ?.focus(),
  );
}

/** "Add condition" (a menu of condition types) and "Add group" for the group at `path`. */
export function AddMenu({ path }: { path: NodePath }) {
  const { apply, conditionCount } = useBuilder();
  const trigger = useRef<HTMLButtonElement>(null);
  const added = useRef(false);
  const group = () => trigger.current?.closest<HTMLElement>('[data-testid="group"]');
  const full = conditionCount >= MAX_CONDITIONS;
  // the root is depth 1, so a group at depth path.length + 1 may hold another one while below the limit
  const deepest = path.length + 1 >= MAX_DEPTH;

  const addCondition = (type: ConditionType) => {
    added.current = true;
    apply((root) => addNode(root, path, newCondition(type)));
  };
  const addGroup = () => {
    apply((root) => addNode(root, path, newGroup()));
    focusNewest(group());
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button ref={trigger} variant="secondary" size="sm" disabled={full}>
            <PlusIcon size={14} />
            Add condition
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent
          onCloseAutoFocus={(e) => {
            if (!added.current) return;
            added.current = false;
            e.preventDefault();
            focusNewest(group());
          }}
        >
          {CONDITION_TYPES.map((type) => (
            <DropdownMenuItem key={type} onSelect={() => addCondition(type)}>
              {CONDITION_TYPE_LABELS[type]}
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      <Button
        variant="ghost"
        size="sm"
        disabled={deepest}
        title={deepest ? `Groups nest at most ${MAX_DEPTH} levels deep, the outermost included` : undefined}
        onClick={addGroup}
      >
        <PlusIcon size={14} />
        Add group
      </Button>
      {full && (
        <span className="text-xs text-gray-500">
          A rule holds at most {MAX_CONDITIONS} conditions: split it into segments and combine them.
        </span>
      )}
    </div>
  );
}
