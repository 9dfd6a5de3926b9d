/** What a command may touch: passed in, so tests run commands without a terminal. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** whether stderr is a terminal (progress is then a bar redrawn in place, else plain lines) */
  tty?: boolean;
  /** resolves when the process should stop (serve); default: SIGINT or SIGTERM */
  stopped?: Promise<void>;
}
