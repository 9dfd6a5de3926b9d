/** Tags the platform derives for every model version; users cannot set them. */
export const baseTagKeys = ["name", "description", "owner", "team"] as const;

/** The base tags of a model version: its name and description, and the saver's user and team. */
export function baseTags(model: { name: string; description: string; owner: string; team: string }): Record<string, string> {
  return { name: model.name, description: model.description, owner: model.owner, team: model.team };
}
