/** Where a command reads and writes; tests pass their own, the CLI passes the process's. */
export interface CommandIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** whether stderr is an interactive terminal (live progress) */
  isTTY: boolean;
}

/** One `exemplar <name>` subcommand. */
export interface Command {
  name: string;
  /** the full text printed by `exemplar <name> --help` */
  help: string;
  /**
   * runs the command; resolves with the exit code (0 ok, 1 failed, 2 usage or configuration
   * error). An error it throws or reports gets its exit code and line from `exitCodes` through
   * `reportCommandError`.
   */
  run: (argv: string[], io: CommandIo) => Promise<number>;
}
