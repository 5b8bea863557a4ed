/** The Postgres channel every server process listens on for configuration changes; the payload is `workspaceId:version`. */
export const CONFIG_CHANNEL = "personalize_config";

/** The NOTIFY payload of a workspace's new configuration version. */
export const configNotice = (workspaceId: string, version: number) => `${workspaceId}:${version}`;

/** The workspace and version of a NOTIFY payload, or null when it is not one. */
export function parseConfigNotice(payload: string): { workspaceId: string; version: number } | null {
  const [workspaceId, version] = payload.split(":");
  return workspaceId && Number(version) > 0 ? { workspaceId, version: Number(version) } : null;
}
