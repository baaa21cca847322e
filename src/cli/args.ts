/**
 * Tiny `--name value` / `--flag` parser for the project's own commands. `flags` holds the
 * value right after a flag; `lists` holds every value up to the next flag
 * (`--questions a.jsonl b.jsonl`), for commands that take several. Values beyond the first
 * also stay in `positional`, so commands that take one value still see extra arguments.
 */
export function parseArgs(argv: string[]): {
  flags: Map<string, string | true>;
  lists: Map<string, string[]>;
  positional: string[];
} {
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const positional: string[] = [];
  let current: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
      const next = argv[i + 1];
      current = [];
      lists.set(name, current);
      if (inline !== undefined) {
        flags.set(name, inline);
        current.push(inline);
      } else if (next !== undefined && !next.startsWith("--")) {
        flags.set(name, argv[++i]!);
        current.push(next);
      } else flags.set(name, true);
    } else {
      positional.push(arg);
      current?.push(arg);
    }
  }
  return { flags, lists, positional };
}
