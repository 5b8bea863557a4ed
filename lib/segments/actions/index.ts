"use server";

import { serverAction, serverQuery } from "@/lib/actions/server-action";
import { archiveSegmentDef } from "./archive-segment";
import { duplicateSegmentDef } from "./duplicate-segment";
import { freezeSegmentDef } from "./freeze-segment";
import { recomputeSegmentDef } from "./recompute-segment";
import { saveSegmentDef } from "./save-segment";
import { uploadStaticSegmentDef } from "./upload-static-segment";
import { segmentPreviewDef } from "./preview-segment";

export const saveSegment = serverAction(saveSegmentDef);
export const duplicateSegment = serverAction(duplicateSegmentDef);
export const archiveSegment = serverAction(archiveSegmentDef);
export const freezeSegment = serverAction(freezeSegmentDef);
export const recomputeSegment = serverAction(recomputeSegmentDef);
export const uploadStaticSegment = serverAction(uploadStaticSegmentDef);
export const previewSegment = serverQuery(segmentPreviewDef);
