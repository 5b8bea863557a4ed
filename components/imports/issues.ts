/** zod or API issues as field errors keyed by their dotted path ("columns.Email", "defaultCountry"). */
export function fieldErrorsOfIssues(
  issues: { path: string | PropertyKey[]; message: string }[],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = (Array.isArray(issue.path) ? issue.path.map(String).join(".") : issue.path) || "columns";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
