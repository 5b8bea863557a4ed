"use server";

import { serverAction, serverQuery } from "@/lib/actions/server-action";
import { archiveSegmentDef } from "@/lib/segments/queries/actions/archive-segment";
import { duplicateSegmentDef } from "@/lib/segments/queries/actions/duplicate-segment";
import { freezeSegmentDef } from "@/lib/segments/queries/actions/freeze-segment";
import { recomputeSegmentDef } from "@/lib/segments/queries/actions/recompute-segment";
import { saveSegmentDef } from "@/lib/segments/queries/actions/save-segment";
import { uploadStaticSegmentDef } from "@/lib/segments/queries/actions/upload-static-segment";
import { segmentPreviewDef } from "@/lib/segments/queries/preview";

export const saveSegment = serverAction(saveSegmentDef);
export const duplicateSegment = serverAction(duplicateSegmentDef);
export const archiveSegment = serverAction(archiveSegmentDef);
export const freezeSegment = serverAction(freezeSegmentDef);
export const recomputeSegment = serverAction(recomputeSegmentDef);
export const uploadStaticSegment = serverAction(uploadStaticSegmentDef);
export const previewSegment = serverQuery(segmentPreviewDef);
