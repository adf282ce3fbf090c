/** A setting's value as parsed (with a warning worth logging at start-up), or why it was refused. */
export type Parsed<T> = { value: T; warning?: string } | { problem: string };
