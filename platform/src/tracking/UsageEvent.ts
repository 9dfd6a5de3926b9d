/** One recorded client call: what ran, with what (summarised), by whom, how it ended, how long. */
export interface UsageEvent {
  /** ISO time the call started */
  at: string;
  /** the public client function, e.g. `save` */
  fn: string;
  /** a short summary of the arguments (never the artifact itself, never the token) */
  args: unknown;
  /** true exactly when the call returned without an error */
  success: boolean;
  errorClass: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  durationMs: number;
  user: string | null;
  team: string | null;
  clientVersion: string;
  /** the model the call was about, when there was one */
  model: string | null;
}
