/**
 * Whether an optional dependency is installed. The deploy folder leaves
 * GraphiQL and the OpenTelemetry SDK out unless asked for (a production
 * gateway loads neither), so a feature that needs one checks first.
 */
export function installed(specifier: string): boolean {
  try {
    import.meta.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}
